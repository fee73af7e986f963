"""Nothing let in: every XML importer refuses entities, DTD fetches and expansion bombs.

Each hostile file is offered to the TBX glossary import, the XLIFF 1.2 and 2.0 project import,
the TMX memory import and the DOCX review import (as its document.xml part). A local HTTP
server stands where a DTD or entity would be fetched from: it must never see a request. The
stores the import would write are hashed before and after: byte-for-byte unchanged.
"""

from __future__ import annotations

import re
import resource
import shutil
import zipfile
from pathlib import Path

import pytest
from reliability_kit import count, fingerprint, listening_server

from documents.project import Project
from documents.review_import import plan_review_import
from documents.xliff_import import XliffImportError, import_xliff
from glossary.formats import plan_import
from glossary.store import Concept, GlossaryError, Term, Termbase
from memory.store import TranslationMemory
from memory.tmx import TMXError, import_tmx

SECRET = "TOP-SECRET-LINE"
LOL = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
QUADRATIC = "A" * 50_000

# name -> (DOCTYPE internal part or full DOCTYPE line, text placed where a term/segment goes)
ATTACKS = {
    "external-file-entity": ('<!DOCTYPE {root} [<!ENTITY x SYSTEM "file://{secret}">]>', "&x;"),
    "external-http-entity": ('<!DOCTYPE {root} [<!ENTITY x SYSTEM "{url}/entity">]>', "&x;"),
    "external-dtd-fetch": ('<!DOCTYPE {root} SYSTEM "{url}/x.dtd">', "plain"),
    "public-dtd-fetch": ('<!DOCTYPE {root} PUBLIC "-//X//DTD X//EN" "{url}/p.dtd">', "plain"),
    "parameter-entity": ('<!DOCTYPE {root} [<!ENTITY % p SYSTEM "{url}/p.ent"> %p;]>', "&leak;"),
    "parameter-entity-inline": (
        "<!DOCTYPE {root} [<!ENTITY % q \"<!ENTITY y 'boom'>\"> %q;]>",
        "&y;",
    ),
    "billion-laughs": ("<!DOCTYPE {root} [<!ENTITY lol0 'lol'>" + LOL + "]>", "&lol9;"),
    "quadratic-blowup": ('<!DOCTYPE {root} [<!ENTITY a "' + QUADRATIC + '">]>', "&a;" * 20_000),
    "xinclude": ("", '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}/xi"/>'),
}


def _tbx(doctype: str, text: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dct" xml:lang="en">
<text><body><conceptEntry id="c1">
<langSec xml:lang="ko"><termSec><term>알리페이{text}</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>Alipay</term></termSec></langSec>
</conceptEntry></body></text></tbx>"""


def _xliff12(doctype: str, text: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="ko" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>알리페이{text}</source><target>Alipay</target></trans-unit>
</body></file></xliff>"""


def _xliff20(doctype: str, text: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="en">
<file id="f"><unit id="u"><segment><source>알리페이{text}</source><target>Alipay</target>
</segment></unit></file></xliff>"""


def _tmx(doctype: str, text: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<tmx version="1.4"><header srclang="ko" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body><tu><tuv xml:lang="ko"><seg>알리페이{text}</seg></tuv>
<tuv xml:lang="en"><seg>Alipay</seg></tuv></tu></body></tmx>"""


def _attack(name: str, root: str, url: str, secret: Path) -> tuple[str, str]:
    doctype, text = ATTACKS[name]
    values = {"root": root, "url": url, "secret": secret}
    return doctype.format(**values) if doctype else "", text.format(
        **values
    ) if "{" in text else text


@pytest.fixture(scope="module")
def secret(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def server():
    with listening_server() as (url, requests):
        yield url, requests


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _check(
    area: str,
    attack: str,
    requests: list[str],
    before: dict,
    after: dict,
    refused: bool,
    leaked: bool,
) -> None:
    assert requests == [], f"{area}/{attack}: the importer fetched {requests}"
    assert not leaked, f"{area}/{attack}: entity content reached the store"
    assert after == before, f"{area}/{attack}: the store changed"
    count(f"hostile XML: {area}", "refused" if refused else "imported")


@pytest.mark.parametrize("attack", ATTACKS)
def test_tbx_glossary_import(attack, tmp_path, secret, server):
    url, requests = server
    path = tmp_path / "hostile.tbx"
    path.write_text(_tbx(*_attack(attack, "tbx", url, secret)), encoding="utf-8")
    termbase = Termbase(tmp_path / "glossary.db")
    termbase.add_concept(Concept(terms=[Term("ko", "위어바오"), Term("en", "Yu'e Bao")]))
    termbase.close()
    before = fingerprint(tmp_path / "glossary.db")
    peak = _peak_mib()
    termbase = Termbase(tmp_path / "glossary.db")
    try:
        plan = plan_import(termbase, path)
        refused = False
    except GlossaryError:
        refused, plan = True, None
    termbase.close()
    texts = [t.text for c in (plan.added if plan else []) for t in c.terms]
    leaked = any(SECRET in t or "LEAKED" in t or "lol" in t or "boom" in t for t in texts)
    # A DOCTYPE that only names a DTD (as TBX files from other tools do) may be read, unfetched.
    if attack not in ("external-dtd-fetch", "public-dtd-fetch", "xinclude"):
        assert refused, f"{attack} was not refused"
    assert _peak_mib() - peak < 200
    _check("TBX", attack, requests, before, fingerprint(tmp_path / "glossary.db"), refused, leaked)


@pytest.mark.parametrize("version", ["1.2", "2.0"])
@pytest.mark.parametrize("attack", ATTACKS)
def test_xliff_project_import(attack, version, tmp_path, secret, server):
    url, requests = server
    path = tmp_path / "hostile.xlf"
    render = _xliff12 if version == "1.2" else _xliff20
    path.write_text(render(*_attack(attack, "xliff", url, secret)), encoding="utf-8")
    out = tmp_path / "projects"
    out.mkdir()
    try:
        project = import_xliff(path, out / "imported.hanbit")
    except XliffImportError:
        refused = True
        leaked = False
    else:
        refused = False
        leaked = any("LEAKED" in s.source or SECRET in s.source for s in project.segments())
        project.close()
    # A DOCTYPE that only names a DTD (XLIFF 1.0 files carry the OASIS one) may be read,
    # never fetched: _check asserts that no request reached the server.
    if attack not in ("external-dtd-fetch", "public-dtd-fetch", "xinclude"):
        assert refused, f"{attack} was not refused"
        assert list(out.iterdir()) == [], "a refused import left a file behind"
    _check(f"XLIFF {version}", attack, requests, {}, {}, refused, leaked)


@pytest.mark.parametrize("attack", ATTACKS)
def test_tmx_memory_import(attack, tmp_path, secret, server):
    url, requests = server
    path = tmp_path / "hostile.tmx"
    path.write_text(_tmx(*_attack(attack, "tmx", url, secret)), encoding="utf-8")
    memory = TranslationMemory(tmp_path / "memory.db")
    memory.add("위어바오가 성장했다.", "Yu'e Bao grew.", "ko", "en")
    memory.close()
    before = fingerprint(tmp_path / "memory.db")
    memory = TranslationMemory(tmp_path / "memory.db")
    try:
        import_tmx(memory, path)
        refused = False
    except TMXError:
        refused = True
    leaked = any("LEAKED" in u.source or SECRET in u.source for u in memory.units())
    memory.close()
    if attack not in ("external-dtd-fetch", "public-dtd-fetch", "xinclude"):
        assert refused, f"{attack} was not refused"
    after = fingerprint(tmp_path / "memory.db") if refused else before
    _check("TMX", attack, requests, before, after, refused, leaked)


@pytest.fixture(scope="module")
def review_docx(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A real project and its exported review DOCX (read-only for the tests: copy first)."""
    from documents.export import export_project

    folder = tmp_path_factory.mktemp("review")
    project = Project.create(
        folder / "article.hanbit",
        source_text="알리페이가 호주에 진출했다. 위어바오도 성장했다.",
        source_lang="ko",
        target_lang="en",
    )
    first = project.segments()[0]
    project.set_target(first.id, "Alipay entered Australia.")
    export_project(project, folder / "review.docx")
    project.close()
    return folder / "article.hanbit", folder / "review.docx"


def _replace_part(docx: Path, out: Path, part: str, transform) -> None:
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for item in source.infolist():
            data = source.read(item)
            dest.writestr(item, transform(data) if item.filename == part else data)


@pytest.mark.parametrize("part", ["word/document.xml", "[Content_Types].xml"])
@pytest.mark.parametrize("attack", ATTACKS)
def test_docx_review_import(attack, part, tmp_path, secret, server, review_docx):
    url, requests = server
    project_path, docx = review_docx
    project_copy = Path(shutil.copy(project_path, tmp_path / "article.hanbit"))
    doctype, text = _attack(attack, "w:document", url, secret)

    def poison(data: bytes) -> bytes:
        xml = data.decode("utf-8")
        head, _, body = xml.partition("?>")
        if part == "word/document.xml":
            body = body.replace("Alipay entered Australia.", f"Alipay {text}", 1)
        else:
            body = body.replace("</Types>", f"<!-- {text.replace('--', '')} --></Types>")
        return (head + "?>" + doctype + body).encode("utf-8")

    hostile = tmp_path / "hostile.docx"
    _replace_part(docx, hostile, part, poison)
    before = fingerprint(project_copy)
    project = Project.open(project_copy)
    plan = plan_review_import(project, hostile)
    refused = not plan.ok
    targets = [change.new for change in plan.targets]
    leaked = any(SECRET in t or "LEAKED" in t or "lol" in t or "boom" in t for t in targets)
    project.close()
    if attack != "xinclude":
        assert refused, f"{attack} in {part} was not refused: {plan.summary()}"
    _check("DOCX review", attack, requests, before, fingerprint(project_copy), refused, leaked)


def test_docx_zip_bomb_is_refused_before_parsing(tmp_path, review_docx):
    """A review DOCX whose parts would unpack to hundreds of MB is refused from its directory."""
    import struct

    project_path, docx = review_docx
    project_copy = Path(shutil.copy(project_path, tmp_path / "article.hanbit"))
    bomb = Path(shutil.copy(docx, tmp_path / "bomb.docx"))
    data = bytearray(bomb.read_bytes())
    with zipfile.ZipFile(bomb) as archive:
        info = archive.getinfo("word/document.xml")
    central = data.index(b"PK\x01\x02")
    while not data[central + 46 :].startswith(info.filename.encode()):
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, 300 * 1024**2)  # declared uncompressed size
    bomb.write_bytes(bytes(data))
    before = fingerprint(project_copy)
    with Project.open(project_copy) as project:
        plan = plan_review_import(project, bomb)
    assert not plan.ok
    assert "300 MB" in plan.summary() or "300 MB" in str(plan.problems[0])
    assert fingerprint(project_copy) == before
    count("hostile XML: DOCX review", "refused")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be", "utf-32", "utf-32-le"])
def test_docx_review_entities_are_refused_in_any_encoding(encoding, tmp_path, review_docx):
    """A UTF-32 document.xml once slipped past a byte scan: "Hello &x; world" became "Hello"."""
    project_path, docx = review_docx
    project_copy = Path(shutil.copy(project_path, tmp_path / "article.hanbit"))

    def poison(data: bytes) -> bytes:
        xml = data.decode("utf-8")
        head, _, body = xml.partition("?>")
        head = re.sub(r'encoding="[^"]*"', f'encoding="{encoding.upper()}"', head)
        body = body.replace("Alipay entered Australia.", "Hello &x; world", 1)
        doctype = '<!DOCTYPE w:document [<!ENTITY x "injected">]>'
        return (head + "?>" + doctype + body).encode(encoding)

    hostile = tmp_path / f"hostile-{encoding}.docx"
    _replace_part(docx, hostile, "word/document.xml", poison)
    before = fingerprint(project_copy)
    with Project.open(project_copy) as project:
        plan = plan_review_import(project, hostile)
    assert not plan.ok, f"a {encoding} DTD was not refused: {plan.summary()}"
    assert "declares a DTD or entities" in str(plan.problems[0])
    assert not [change for change in plan.targets if "Hello" in change.new]
    assert fingerprint(project_copy) == before
    count("hostile XML: DOCX review", "refused")
