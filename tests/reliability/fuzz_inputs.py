"""Valid seed files for the importer fuzzers and a mutator that damages them the way files are."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from documents.export import export_project
from documents.project import Project, Status
from glossary.store import Concept, Term, TermKind
from memory.store import TranslationMemory
from memory.tmx import export_tmx

CONCEPTS = [
    Concept(terms=[Term("ko", "알리페이"), Term("zh-Hans", "支付宝"), Term("en", "Alipay")]),
    Concept(
        terms=[
            Term("ko", "위어바오"),
            Term("en", "Yu'e Bao"),
            Term("en", "Yuebao", TermKind.VARIANT),
        ],
        note="MMF of Ant Financial",
    ),
    Concept(
        terms=[Term("ko", "마윈"), Term("en", "Jack Ma"), Term("en", "Ma Yun", TermKind.FORBIDDEN)]
    ),
]
ARTICLE = '알리페이가 호주에 진출했다. 위어바오도 성장했다.\n\n마윈 회장은 "세계로 가자"고 말했다.'

# Tokens a damaged or hand-edited file tends to contain: markup, entities, quotes, separators,
# language codes, characters XML cannot hold, and text in the desk's languages.
TOKENS = [
    "<", ">", "&", "&amp;", "&lt;", "&#0;", "&#x1F;", "&#xD800;", "&bogus;", "]]>", "<![CDATA[x]]>",
    "\"", "'", ",", ";", "\t", "\n", "\r", "\x00", "\x1b", "\ufeff", "\u200b", "\ud7a3",
    "</", "/>", "<!--", "-->", "<?xml version='1.0'?>", 'xml:lang="xx"', 'xml:lang=""',
    'xml:lang="ko"', 'xml:lang="zh-TW"', "ko", "en", "zh-Hans", "zh-Hant", "ko:variant",
    "en:forbidden", "notes", "status", "domain", ' state="final"', ' usagecount="²"',
    ' creationdate="99999999T999999Z"', "<seg>", "</seg>", "<tuv>", "<tu>", "<target>",
    "<source>", "<segment>", "</unit>", "<term>", "</termSec>", "알리페이", "支付宝", "Alipay",
    "\u0301", "𠀀", "x" * 300,
]  # fmt: skip


@st.composite
def mutated(draw, original: str, label: str = "mutation") -> str:
    """original with 1-6 edits: deletions, duplications, token insertions, replacements."""
    text = original
    for _ in range(draw(st.integers(1, 6), label=f"{label} edits")):
        if not text:
            break
        start = draw(st.integers(0, len(text) - 1), label="at")
        end = min(len(text), start + draw(st.integers(0, 40), label="span"))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "replace"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            token = draw(st.sampled_from(TOKENS), label="token")
            text = text[:start] + token + text[end if action == "replace" else start :]
    return text


def flipped_bytes(draw, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6), label="flips")):
        out[draw(st.integers(0, len(out) - 1), label="byte at")] = draw(st.integers(0, 255))
    if draw(st.booleans(), label="truncate"):
        out = out[: draw(st.integers(0, len(out)), label="length")]
    return bytes(out)


def seed_project(folder: Path) -> Project:
    """A small real project with an MT draft, a confirmed and a reviewed target."""
    project = Project.create(folder / "seed.hanbit", source_text=ARTICLE, source_lang="ko",
                             target_lang="en", name="seed")  # fmt: skip
    first, second, third = project.segments()[:3]
    project.set_mt(first.id, "Alipay entered Australia.")
    project.set_target(second.id, "Yu'e Bao grew too.", status=Status.TRANSLATED)
    project.set_target(third.id, 'Chairman Jack Ma said "go global".', status=Status.REVIEWED)
    project.set_comment(third.id, "quote checked")
    return project


def seed_files(folder: Path) -> dict[str, Path]:
    """Exports of the seed project, glossary and memory: what the fuzzers start from."""
    from glossary.formats import export_glossary

    folder.mkdir(parents=True, exist_ok=True)
    project = seed_project(folder)
    files = {}
    for name, fmt in (("xliff12.xlf", "xliff"), ("xliff20.xlf", "xliff2"), ("review.docx", "docx")):
        export_project(project, folder / name, fmt)
        files[name] = folder / name
    project.close()
    for name in ("glossary.tbx", "glossary.csv", "glossary.tsv"):
        export_glossary(CONCEPTS, folder / name)
        files[name] = folder / name
    memory = TranslationMemory(folder / "seed-memory.db")
    memory.add("알리페이가 호주에 진출했다.", "Alipay entered Australia.", "ko", "en")
    memory.add("支付宝进入澳大利亚。", "Alipay entered Australia.", "zh-Hans", "en")
    memory.add("위어바오도 성장했다.", "余额宝也增长了。", "ko", "zh-Hans")
    export_tmx(memory, folder / "memory.tmx")
    memory.close()
    files["memory.tmx"] = folder / "memory.tmx"
    files["project"] = folder / "seed.hanbit"
    return files
