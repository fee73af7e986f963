"""Real XLIFF files from other tools go back where they came from: only targets, states change."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from documents.export import export_project
from documents.formats.xliff_doc import MQ_NS, SDL_NS, locations
from documents.formats.xliff_writeback import WriteBackError
from documents.inline import strip_tags
from documents.inline_codes import local_name
from documents.project import Project, Status
from documents.xliff_import import import_xliff, read_xliff
from storage.xmlsafe import parse_xml_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "xliff"
REAL = sorted(
    p for p in FIXTURES.glob("*/*") if p.suffix in {".xlf", ".xliff", ".sdlxliff", ".mqxliff"}
)
# Files that name no target language need one given on import (as --to does).
NEEDS_TARGET = {"PAS-10-Test01.xlf": "de", "sourceOnly.xlf": "fr", "cs-apple.xliff": "cs"}
NEEDS_SOURCE = {"ids-translated.xliff": "en"}  # and ids-translated.xliff needs both
REFUSED = {"quoted-code-type-values.sdlxliff"}  # its only unit is a tag: nothing to translate
STATE_ATTRIBUTES = {"state", "state-qualifier", "approved", f"{{{MQ_NS}}}status", "conf"}


def _parse(data: bytes) -> etree._Element:
    return parse_xml_bytes(data, "test")


def _without_translations(root: etree._Element, languages: bool = False) -> etree._Element:
    """The tree with what may change taken out: targets of units/segments and states."""
    root = copy.deepcopy(root)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        parent = element.getparent()
        if (
            local_name(element) == "target"
            and parent is not None
            and (local_name(parent) in {"trans-unit", "segment"})
        ):
            parent.remove(element)  # with its tail: a new target brings its own line break
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        for name in STATE_ATTRIBUTES:
            element.attrib.pop(name, None)
        if languages:
            for name in ("target-language", "trgLang", "source-language", "srcLang"):
                element.attrib.pop(name, None)
        if element.tag == f"{{{SDL_NS}}}seg" and set(element.attrib) == {"id"}:
            element.getparent().remove(element)  # a confirmation level Trados lacked
    return root


def _shape(element: etree._Element) -> tuple:
    """Every element, attribute, text, tail, comment and namespace, in order."""
    tag = element.tag if isinstance(element.tag, str) else repr(element.tag)
    return (
        tag,
        sorted(element.attrib.items()) if isinstance(element.tag, str) else None,
        element.text,
        element.tail,
        [_shape(child) for child in element],
    )


def _codes(element: etree._Element | None) -> list[tuple[str, str]]:
    """The inline codes inside a source or target: element name and id (not annotations' ids,
    which differ between source and target by rule)."""
    if element is None:
        return []
    return [
        (local_name(e), "" if local_name(e) == "mrk" else e.get("id") or e.get("rid") or "")
        for e in element.iterdescendants()
        if isinstance(e.tag, str)
        and not (local_name(e) == "mrk" and e.get("mtype") == "seg")
        and local_name(e) != "sub"
        and e.getparent() is not None
        and local_name(e.getparent()) not in {"ph", "bpt", "ept", "it", "sub"}
    ]


def _import(path: Path, tmp_path: Path) -> Project:
    target = NEEDS_TARGET.get(path.name) or ("cs" if path.name in NEEDS_SOURCE else None)
    return import_xliff(
        path, tmp_path / f"{path.name}.hanbit", source_lang=NEEDS_SOURCE.get(path.name),
        target_lang=target,
    )  # fmt: skip


@pytest.mark.parametrize("path", [p for p in REAL if p.name not in REFUSED], ids=lambda p: p.name)
def test_a_real_file_comes_back_with_only_its_targets_changed(path, tmp_path):
    project = _import(path, tmp_path)
    segments = project.segments()
    assert segments, "every real file has something to translate"
    # A translation that keeps every tag where it was, confirmed.
    for segment in segments:
        project.set_target(segment.id, "Ü " + segment.source, status=Status.TRANSLATED)
    out = tmp_path / f"back{path.suffix}"
    export_project(project, out)
    project.close()

    original, exported = _parse(path.read_bytes()), _parse(out.read_bytes())
    languages = path.name in NEEDS_TARGET or path.name in NEEDS_SOURCE
    assert _shape(_without_translations(exported, languages)) == _shape(
        _without_translations(original, languages)
    )
    # Every target holds exactly the source's inline codes, written as the original markup.
    from documents.formats.xliff_doc import flavour

    for location in locations(exported, flavour(exported)):
        assert location.target is not None, location.label
        assert _codes(location.target) == _codes(location.source), location.label
    # And the desk reads its own write-back as the translator left it.
    again = read_xliff(out)
    assert [(s.source, s.target, s.status) for s in again.segments] == [
        (s.source, "Ü " + s.source, Status.TRANSLATED) for s in segments
    ]


@pytest.mark.parametrize("path", [p for p in REAL if p.name not in REFUSED], ids=lambda p: p.name)
def test_an_untouched_project_exports_the_very_bytes_it_came_from(path, tmp_path):
    if path.name in NEEDS_TARGET or path.name in NEEDS_SOURCE:
        pytest.skip("a language given on import is written into the file")
    with _import(path, tmp_path) as project:
        out = tmp_path / f"same{path.suffix}"
        export_project(project, out)
    assert out.read_bytes() == path.read_bytes()


def test_tag_only_and_untranslatable_units_stay_as_they_are(tmp_path):
    path = FIXTURES / "okapi" / "FFFEBOM15992.sdlxliff"
    original = _parse(path.read_bytes())
    untranslatable = [u.get("id") for u in original.iter("{*}trans-unit")
                      if u.get("translate") == "no"]  # fmt: skip
    assert untranslatable, "the Trados file has structure-only units"
    with _import(path, tmp_path) as project:
        for segment in project.segments():
            project.set_target(segment.id, "ß=s-zted", status=Status.REVIEWED)
        export_project(project, tmp_path / "out.sdlxliff")
    exported = _parse((tmp_path / "out.sdlxliff").read_bytes())
    for unit_id in untranslatable:
        before = original.xpath("//*[local-name()='trans-unit'][@id=$i]", i=unit_id)[0]
        after = exported.xpath("//*[local-name()='trans-unit'][@id=$i]", i=unit_id)[0]
        assert _shape(after) == _shape(before)
    # Trados reads its own confirmation level: ApprovedTranslation for a reviewed segment.
    confs = [s.get("conf") for s in exported.iter(f"{{{SDL_NS}}}seg")]
    assert confs and set(confs) == {"ApprovedTranslation"}


def test_memoq_row_status_is_written_in_memoqs_own_words(tmp_path):
    path = FIXTURES / "okapi" / "MQ-12-Test01.xlf"
    with _import(path, tmp_path) as project:
        first, second = project.segments()[:2]
        project.set_target(first.id, "Liste d'entrée", status=Status.TRANSLATED)
        project.set_target(second.id, "Rainbow", status=Status.DRAFT)
        export_project(project, tmp_path / "out.mqxliff")
    units = list(_parse((tmp_path / "out.mqxliff").read_bytes()).iter("{*}trans-unit"))
    statuses = [u.get(f"{{{MQ_NS}}}status") for u in units]
    translated = statuses.index("ManuallyConfirmed")
    assert statuses.count("ManuallyConfirmed") == 1 and statuses.count("PartiallyEdited") == 1
    assert statuses.count("NotStarted") == len(units) - 2
    assert "".join(units[translated].find("{*}target").itertext()) == "Liste d'entrée"


def test_xliff2_state_and_a_missing_target_language_given_on_import(tmp_path):
    path = FIXTURES / "oasis" / "sourceOnly.xlf"
    with pytest.raises(Exception, match="does not say its target language"):
        read_xliff(path)
    with import_xliff(path, tmp_path / "p.hanbit", target_lang="fr-CA") as project:
        assert project.target_lang == "fr"
        segment = project.segments()[0]
        project.set_target(segment.id, "Texte", status=Status.REVIEWED)
        export_project(project, tmp_path / "out.xlf")
    root = _parse((tmp_path / "out.xlf").read_bytes())
    assert root.get("trgLang") == "fr-CA"
    segment_element = next(root.iter("{*}segment"))
    assert segment_element.get("state") == "reviewed"
    assert segment_element.find("{*}target").text.strip() == "Texte"


def test_xliff11_without_a_version_is_read_leniently(tmp_path):
    text = (FIXTURES / "okapi" / "RB-11-Test01.xlf").read_text(encoding="utf-8")
    path = tmp_path / "noversion.xlf"
    path.write_text(text.replace('version="1.1"', ""), encoding="utf-8")
    assert len(read_xliff(path).segments) == len(
        read_xliff(FIXTURES / "okapi" / "RB-11-Test01.xlf").segments
    )


ANGULAR = """<?xml version="1.0" encoding="UTF-8" ?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" datatype="plaintext" original="ng2.template" target-language="ko">
    <body>
      <trans-unit id="deprecate" datatype="html">
        <source>ORCID <x id="INTERPOLATION" equiv-text="{{ orcid }}"/> was merged.</source>
        <target>ORCID <x id="INTERPOLATION" equiv-text="{{ orcid }}"/> 병합되었습니다.</target>
        <context-group purpose="location">
          <context context-type="sourcefile">src/app/merge.component.html</context>
          <context context-type="linenumber">12</context>
        </context-group>
      </trans-unit>
      <trans-unit id="only-icon" datatype="html">
        <source><x id="START_TAG_SPAN"/><x id="CLOSE_TAG_SPAN"/></source>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_angular_targets_without_state_can_be_taken_as_translated(tmp_path):
    path = tmp_path / "messages.ko.xlf"
    path.write_text(ANGULAR, encoding="utf-8")
    assert read_xliff(path).segments[0].status is Status.DRAFT
    content = read_xliff(path, untagged_translated=True)
    # The tag-only unit is no segment (and no reason to refuse the file).
    assert [(s.source, s.target, s.status) for s in content.segments] == [
        ("ORCID ⟨1/⟩ was merged.", "ORCID ⟨1/⟩ 병합되었습니다.", Status.TRANSLATED)
    ]
    with import_xliff(path, tmp_path / "a.hanbit", untagged_translated=True) as project:
        segment = project.segments()[0]
        project.set_target(segment.id, "⟨1/⟩ ORCID가 병합되었습니다.", status=Status.REVIEWED)
        export_project(project, tmp_path / "back.xlf")
    back = (tmp_path / "back.xlf").read_text(encoding="utf-8")
    assert (
        '<target state="signed-off"><x id="INTERPOLATION" equiv-text="{{ orcid }}"/> ORCID가'
        in back
    )


def test_broken_tags_refuse_the_export_and_leave_no_file(tmp_path):
    path = FIXTURES / "okapi" / "RB-11-Test01.xlf"
    with _import(path, tmp_path) as project:
        tagged = next(s for s in project.segments() if "⟨1⟩" in s.source)
        project.set_target(tagged.id, "⟨/1⟩broken⟨1⟩", status=Status.TRANSLATED)
        with pytest.raises(
            WriteBackError, match=r"segment \d+ \(unit \S+\): .*closes a tag that is not the last"
        ):
            export_project(project, tmp_path / "out.xlf")
    assert not (tmp_path / "out.xlf").exists()


def test_a_split_segment_goes_back_into_its_one_unit(tmp_path):
    path = FIXTURES / "okapi" / "Typo3Draft.xlf"
    with _import(path, tmp_path) as project:
        segment = next(s for s in project.segments() if " " in strip_tags(s.source))
        first, second = project.split_segment(segment.id, segment.source.index(" ") + 1)
        project.set_target(first.id, "Eins", status=Status.TRANSLATED)
        project.set_target(second.id, "zwei.", status=Status.TRANSLATED)
        export_project(project, tmp_path / "out.xlf")
        again = read_xliff(tmp_path / "out.xlf")
    sources = [s.source for s in again.segments]
    assert segment.source in sources
    assert again.segments[sources.index(segment.source)].target == "Eins zwei."


def test_translate_toolkit_reads_the_write_back(tmp_path):
    from translate.storage import xliff

    path = FIXTURES / "okapi" / "Manual-12-AltTrans.xlf"
    with _import(path, tmp_path) as project:
        for segment in project.segments():
            project.set_target(
                segment.id, "FR " + strip_tags(segment.source), status=Status.TRANSLATED
            )
        export_project(project, tmp_path / "out.xlf")
    store = xliff.xlifffile.parsefile(str(tmp_path / "out.xlf"))
    targets = [unit.target for unit in store.units if unit.target]
    assert targets and all(str(t).startswith("FR ") for t in targets)


def test_weblate_xliff11_without_version_or_languages_takes_them_from_the_translator():
    path = FIXTURES / "weblate" / "ids-translated.xliff"
    with pytest.raises(Exception, match="does not say its source language; give it"):
        read_xliff(path)
    content = read_xliff(path, source_lang="en", target_lang="cs")
    # The unit that is only {{count}}{{unit}} is no segment, and no reason to refuse the file.
    assert [(s.source, s.target) for s in content.segments] == [
        ("Hello, world!", "Ahoj, svete!"),
        ("Orangutan has ⟨1/⟩ banana.", "Opicka ma ⟨1/⟩ banan."),
        ("Try Weblate at <https://demo.weblate.org/>!", ""),
    ]


def test_other_tools_matches_are_shown_in_the_comment_and_kept_in_the_file(tmp_path):
    path = FIXTURES / "okapi" / "Manual-12-AltTrans.xlf"
    by_source = {s.source: s for s in read_xliff(path).segments}
    assert by_source["Text number four"].comment == "Match: Le texte numéro quatre."
    with _import(path, tmp_path) as project:
        segment = next(s for s in project.segments() if s.source == "Text number four")
        project.set_target(segment.id, "Le texte numéro 4.", status=Status.TRANSLATED)
        export_project(project, tmp_path / "out.xlf")
    exported = _parse((tmp_path / "out.xlf").read_bytes())
    assert [e.findtext("{*}target") for e in exported.iter("{*}alt-trans")] == [
        e.findtext("{*}target") for e in _parse(path.read_bytes()).iter("{*}alt-trans")
    ]


def test_a_target_language_changed_in_the_desk_is_written_into_the_file(tmp_path):
    path = FIXTURES / "okapi" / "segmented.xlf"
    with _import(path, tmp_path) as project:
        assert project.target_lang == "de"
        project.change_target_lang("ko")
        export_project(project, tmp_path / "out.xlf")
    root = _parse((tmp_path / "out.xlf").read_bytes())
    files = list(root.iter("{*}file"))
    assert files and all(f.get("target-language") == "ko" for f in files)
    langs = [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in root.iter("{*}target")]
    assert langs and set(langs) == {"ko"}


SCHEMAS = Path(__file__).parents[1] / "data" / "schemas"


def strict_12_schema() -> etree.XMLSchema:
    class Local(etree.Resolver):
        def resolve(self, url, public_id, context):
            if url.endswith("xml.xsd"):  # no network: the W3C schema's copy
                return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
            return None

    parser = etree.XMLParser()
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd"), parser))


@pytest.mark.parametrize(
    "name",
    ["desk/alipay-tags.xlf", "okapi/Manual-12-AltTrans.xlf", "weblate/placeholder-x.xliff",
     "weblate/placeholder-mrk.xliff"],
)  # fmt: skip
def test_a_file_valid_against_the_strict_12_schema_stays_valid(name, tmp_path):
    path = FIXTURES / name
    schema = strict_12_schema()
    assert schema.validate(etree.parse(str(path))), "the original is valid"
    with _import(path, tmp_path) as project:
        for number, segment in enumerate(project.segments()):
            status = [Status.DRAFT, Status.TRANSLATED, Status.REVIEWED][number % 3]
            project.set_target(segment.id, "번역 " + segment.source, status=status)
        export_project(project, tmp_path / "out.xlf")
    exported = etree.parse(str(tmp_path / "out.xlf"))
    assert schema.validate(exported), schema.error_log


PRETTY = """<?xml version="1.0" encoding="UTF-8" ?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" datatype="plaintext" original="ng2.template" target-language="ko">
    <body>
      <trans-unit id="welcome" datatype="html">
        <source>
          Welcome to <x id="START_BOLD_TEXT" ctype="x-b"/>Weblate<x id="CLOSE_BOLD_TEXT"
          ctype="x-b"/>,
          the   translation tool
        </source>
      </trans-unit>
      <trans-unit id="code" datatype="html" xml:space="preserve">
        <source>a  b</source>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_a_pretty_printed_source_reads_as_one_line_unless_spaces_are_preserved(tmp_path):
    path = tmp_path / "messages.xlf"
    path.write_text(PRETTY, encoding="utf-8")
    content = read_xliff(path)
    assert [s.source for s in content.segments] == [
        "Welcome to ⟨1/⟩Weblate⟨2/⟩, the translation tool",
        "a  b",
    ]
    with import_xliff(path, tmp_path / "p.hanbit") as project:
        first = project.segments()[0]
        project.set_target(
            first.id, "⟨1/⟩Weblate⟨2/⟩에 오신 것을 환영합니다", status=Status.TRANSLATED
        )
        export_project(project, tmp_path / "out.xlf")
    target = next(_parse((tmp_path / "out.xlf").read_bytes()).iter("{*}target"))
    # The file's own indentation around the sentence, the codes as Angular wrote them.
    assert target.text == "\n          "
    assert [c.get("id") for c in target] == ["START_BOLD_TEXT", "CLOSE_BOLD_TEXT"]
    assert target[-1].tail == "에 오신 것을 환영합니다\n        "


UNSEGMENTED_TARGET = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:my="urn:example:ext">
 <file original="a.txt" source-language="en" target-language="de" datatype="plaintext">
  <body>
   <trans-unit id="1">
    <source>One. Two.</source>
    <seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two.</mrk></seg-source>
    <target>Eins. Zwei.</target>
    <my:trans-unit id="not-xliff"><my:source>Extension</my:source></my:trans-unit>
   </trans-unit>
  </body>
 </file>
</xliff>
"""


def test_an_unsegmented_target_of_a_segmented_unit_takes_the_segments_shape(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(UNSEGMENTED_TARGET, encoding="utf-8")
    content = read_xliff(path)
    assert [s.source for s in content.segments] == ["One.", "Two."]  # no extension unit
    with import_xliff(path, tmp_path / "p.hanbit") as project:
        for segment, text in zip(project.segments(), ["Eins.", "Zwei."], strict=True):
            project.set_target(segment.id, text, status=Status.TRANSLATED)
        export_project(project, tmp_path / "out.xlf")
    target = next(_parse((tmp_path / "out.xlf").read_bytes()).iter("{*}target"))
    assert [(m.get("mid"), m.text) for m in target] == [("1", "Eins."), ("2", "Zwei.")]
    assert [s.target for s in read_xliff(tmp_path / "out.xlf").segments] == ["Eins.", "Zwei."]
