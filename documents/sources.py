"""Read a source document (.txt, .md, .html, .docx) as paragraphs, saying how it was decoded."""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from storage.inputs import check_input_file, read_input_bytes

MAX_SOURCE_BYTES = 20 * 1024 * 1024
FORMATS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx",
}  # fmt: skip
# Legacy encodings of Korean and Chinese news, tried when a file is not UTF-8. CP949 and
# GB18030 are supersets of EUC-KR and GB2312/GBK, so they read those too.
LEGACY_ENCODINGS = ("cp949", "gb18030", "big5")
CONFIDENT = 0.8  # below this a guessed encoding comes with a warning

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)  # fmt: skip
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ALIASES = {  # web labels to the superset codec that reads them all
    "euc-kr": "cp949", "euckr": "cp949", "ks_c_5601-1987": "cp949", "windows-949": "cp949",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5-hkscs": "big5hkscs",
}  # fmt: skip
_BREAKS = re.compile("[\r\x0c\x85\u2028\u2029]")
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@functools.cache
def _script_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Han, hangul, and Han spaced from Han: compiled when a legacy encoding is weighed (their
    classes cost ~8 ms to compile, which a UTF-8 file never needs)."""
    return (
        re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
        re.compile(r"[\uac00-\ud7a3]"),
        re.compile(r"[\u3400-\u9fff] (?=[\u3400-\u9fff])"),
    )


class SourceError(ValueError):
    """A source file that cannot be read as text; the message says why and nothing is guessed."""


@dataclass(frozen=True)
class SourceInfo:
    """How a source file was read: its format, the encoding used and how sure that is."""

    path: Path
    format: str  # "text", "markdown", "html" or "docx"
    encoding: str | None  # the codec used; None for .docx (XML inside a zip)
    confidence: float  # 1.0 when certain (BOM, valid UTF-8, a declaration that fits)
    method: str  # how the encoding was chosen, in words
    alternatives: tuple[str, ...] = ()  # other encodings the bytes would also decode as
    warnings: tuple[str, ...] = field(default=())

    def describe(self) -> str:
        """One line for a status bar: "CP949 (guessed, confidence 0.62; also GB18030)"."""
        if self.encoding is None:
            return f"{self.format} document"
        text = f"{self.encoding.upper()} ({self.method}"
        if self.confidence < 1.0:
            text += f", confidence {self.confidence:.2f}"
        if self.alternatives:
            text += "; also " + ", ".join(a.upper() for a in self.alternatives)
        return text + ")"


class SourceText(NamedTuple):
    """What read_source gives: unpack it as (text, info) or read .text and .info."""

    text: str
    info: SourceInfo


@dataclass(frozen=True)
class _Decoded:
    text: str
    encoding: str
    confidence: float
    method: str
    alternatives: tuple[str, ...] = ()


def _plausibility(text: str, encoding: str) -> float:
    """How much the decoded text looks like the language the encoding is for (0 to 1)."""
    letters = [c for c in text if ord(c) > 0x7F and c.isalpha()]
    if not letters:
        return 0.5
    han, hangul, spaced_han = _script_patterns()
    if encoding == "cp949":
        return len(hangul.findall(text)) / len(letters)
    ideographs = han.findall(text)
    if not ideographs:
        return 0.0
    share = len(ideographs) / len(letters)
    # Korean bytes read as Chinese give hanzi separated by spaces every few characters;
    # Chinese text almost never puts a space between two hanzi.
    spaced = len(spaced_han.findall(text)) / len(ideographs)
    common = sum(1 for c in ideographs if _is_common_hanzi(c, encoding)) / len(ideographs)
    return share * max(0.0, 1.0 - 4 * spaced) * common


def _is_common_hanzi(char: str, encoding: str) -> bool:
    """In the frequent block of its own encoding: GB2312 level 1, or Big5's frequent range."""
    try:
        if encoding == "gb18030":
            return 0xB0 <= char.encode("gb2312")[0] <= 0xD7
        return 0xA4 <= char.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False


def _chaos(data: bytes, candidates: list[str]) -> dict[str, float]:
    """charset-normalizer's mess measure per candidate (lower is cleaner); 1.0 if it gave up."""
    # start-up: the window imports this module; charset-normalizer (~10 ms) loads with the
    # first file whose encoding is in doubt
    from charset_normalizer import from_bytes  # noqa: PLC0415 - start-up

    found = {m.encoding: m.chaos for m in from_bytes(data, cp_isolation=candidates)}
    return {c: found.get(c, 1.0) for c in candidates}


def _utf8_error(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"byte 0x{data[error.start]:02X} at offset {error.start} is not UTF-8"
    return ""


def decode_text(data: bytes, name: str = "the file", *, encoding: str | None = None) -> _Decoded:
    """Decode text bytes: BOM, then strict UTF-8, then the legacy encodings, ranked."""
    if encoding:
        try:
            codec = codecs.lookup(_ALIASES.get(encoding.lower(), encoding)).name
            return _Decoded(_clean(data.decode(codec), name), codec, 1.0, "chosen")
        except LookupError:
            raise SourceError(f"Unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise SourceError(
                f"{name} is not {encoding.upper()}: byte 0x{data[error.start]:02X} at offset "
                f"{error.start} does not decode"
            ) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _Decoded(_clean(data.decode(codec), name), codec, 1.0, "byte order mark")
            except UnicodeDecodeError as error:
                raise SourceError(
                    f"{name} starts with a {codec.upper()} byte order mark but byte "
                    f"{error.start} does not decode: the file is damaged"
                ) from None
    if b"\x00" in data:
        raise SourceError(f"{name} contains NUL bytes: it is a binary file, not text")
    try:
        return _Decoded(_clean(data.decode("utf-8"), name), "utf-8", 1.0, "valid UTF-8")
    except UnicodeDecodeError:
        pass
    decoded = {}
    for codec in LEGACY_ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _BAD_CONTROL.search(text):
            decoded[codec] = text
    if not decoded:
        tried = ", ".join(c.upper() for c in ("utf-8", *LEGACY_ENCODINGS))
        raise SourceError(
            f"{name} is not text in any encoding tried ({tried}): {_utf8_error(data)}. "
            "Save it as UTF-8 and open it again."
        )
    chaos = _chaos(data, list(decoded)) if len(decoded) > 1 else {c: 0.0 for c in decoded}
    scores = {c: _plausibility(t, c) - chaos[c] for c, t in decoded.items()}
    ranked = sorted(decoded, key=lambda c: scores[c], reverse=True)
    best = ranked[0]
    confidence = max(0.0, min(1.0, _plausibility(decoded[best], best) - chaos[best]))
    if len(ranked) > 1:
        runner_up = max(0.0, scores[ranked[1]])
        confidence *= 1.0 - 0.5 * min(1.0, runner_up)
    # A handful of characters is little evidence, and a guess is never certain.
    letters = sum(1 for c in decoded[best] if ord(c) > 0x7F and c.isalpha())
    confidence *= 0.5 + 0.5 * min(1.0, letters / 30)
    confidence = min(confidence, 0.99)
    # Line endings as for every other text: a Windows CP949 file ends its lines with \r\n.
    text = _clean(decoded[best], name)
    return _Decoded(text, best, round(confidence, 2), "guessed", tuple(ranked[1:]))


def _clean(text: str, name: str) -> str:
    if _BAD_CONTROL.search(text):
        raise SourceError(f"{name} contains control characters: it is a binary file, not text")
    # A form feed (a page break in old text files) and the Unicode line and paragraph
    # separators are line breaks to segmentation anyway (str.splitlines): make them plain ones,
    # so no control character reaches a segment.
    return _BREAKS.sub("\n", text.replace("\r\n", "\n"))


def _decode_html(data: bytes, name: str, encoding: str | None) -> _Decoded:
    if encoding or any(data.startswith(bom) for bom, _ in _BOMS):
        return decode_text(data, name, encoding=encoding)
    declared = _DECLARED.search(data[:4096])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        try:
            codec = codecs.lookup(_ALIASES.get(label, label)).name
            checked = _check_declared(data, name, codec, label)
            if checked is not None:
                return checked
            return _Decoded(_clean(data.decode(codec), name), codec, 1.0, "declared in the page")
        except (LookupError, UnicodeDecodeError):
            found = decode_text(data, name)
            return _Decoded(
                found.text, found.encoding, min(found.confidence, 0.5),
                f"guessed; the page declares {label!r}, which does not fit", found.alternatives,
            )  # fmt: skip
    return decode_text(data, name)


_WIDE = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")
_SINGLE_BYTE = ("latin-1", "iso8859-1", "cp1252", "iso8859-15", "ascii", "cp1250", "cp1251")


def _check_declared(data: bytes, name: str, codec: str, label: str) -> _Decoded | None:
    """A better reading than the page's own <meta charset>, or None when the label fits.

    Pages are often saved again in UTF-8 with their old label kept. The label was found as
    ASCII bytes, so a UTF-16/32 label cannot be true (browsers read such pages as UTF-8), and
    valid UTF-8 with multi-byte characters almost never happens by chance in a legacy
    encoding; a single-byte label over bytes that read well as Korean or Chinese is asked about.
    """
    if codec == "utf-8" or data.isascii():
        return None
    doubt = f"the page declares {label!r}, which does not fit its bytes"
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    if utf8 is not None:
        # Valid UTF-8 is the better reading; a page of mostly plain text gets less trust.
        confidence = 1.0 if codec in _WIDE else 0.9
        return _Decoded(_clean(utf8, name), "utf-8", confidence, f"valid UTF-8; {doubt}", (codec,))
    if codec in _WIDE:
        found = decode_text(data, name)
        return _Decoded(found.text, found.encoding, min(found.confidence, 0.5),
                        f"guessed; {doubt}", found.alternatives)  # fmt: skip
    if codec in _SINGLE_BYTE:
        try:
            found = decode_text(data, name)
        except SourceError:
            return None  # no other encoding reads it: the label stands
        if found.encoding in LEGACY_ENCODINGS and _plausibility(found.text, found.encoding) > 0.8:
            return _Decoded(found.text, found.encoding, min(found.confidence, 0.6),
                            f"guessed; {doubt}", (codec, *found.alternatives))  # fmt: skip
    return None


def read_source(
    path: Path, *, encoding: str | None = None, max_bytes: int = MAX_SOURCE_BYTES
) -> SourceText:
    """The text of a source file and how it was read; SourceError for anything unreadable.

    Text files come back as they are (line endings made \\n); Markdown, HTML and Word give
    one paragraph per line with a blank line between. encoding forces a codec for text formats.
    """
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(FORMATS))
        raise SourceError(
            f"{path.name}: cannot read {path.suffix or 'files without an extension'}; use {known}"
        )
    # A folder is called a folder; a FIFO or a link to /dev/zero is refused before it is opened.
    if not path.exists() and not path.is_symlink():
        raise SourceError(f"There is no file at {path}")
    size = check_input_file(path, SourceError)
    if size > max_bytes:
        raise SourceError(
            f"{path.name} is {size / 1048576:.1f} MB; sources are limited to "
            f"{max_bytes / 1048576:.0f} MB (split the document)"
        )
    if kind != "text":
        # The Markdown, HTML and Word readers (lxml) load with the first such file, not for
        # plain text nor when the window starts.
        from documents import source_formats  # noqa: PLC0415 - see above
    if kind == "docx":
        text = source_formats.docx_text(path, SourceError)
        return _finish(text, SourceInfo(path, kind, None, 1.0, "Word document"))
    data = read_input_bytes(path, max_bytes, SourceError, "a source document")
    decoded = _decode_html(data, path.name, encoding) if kind == "html" else decode_text(
        data, path.name, encoding=encoding
    )  # fmt: skip
    if kind == "markdown":
        text = source_formats.markdown_text(decoded.text)
    elif kind == "html":
        text = source_formats.html_text(decoded.text, SourceError)
    else:
        text = decoded.text
    warnings = []
    if "does not fit" in decoded.method and decoded.confidence >= CONFIDENT:
        warnings.append(
            f"{path.name} {decoded.method.split('; ', 1)[1]}; it was read as "
            f"{decoded.encoding.upper()} instead. Check that the text reads correctly."
        )
    if decoded.confidence < CONFIDENT:
        others = " or ".join(a.upper() for a in decoded.alternatives) or "another encoding"
        warnings.append(
            f"The encoding of {path.name} was guessed as {decoded.encoding.upper()} with "
            f"confidence {decoded.confidence:.2f}; it may be {others}. Check that the text "
            "reads correctly before translating, or choose the encoding."
        )
    info = SourceInfo(
        path, kind, decoded.encoding, decoded.confidence, decoded.method, decoded.alternatives,
        tuple(warnings),
    )  # fmt: skip
    return _finish(text, info)


def _finish(text: str, info: SourceInfo) -> SourceText:
    text = unicodedata.normalize("NFC", text)  # decomposed hangul (macOS) would not match terms
    if not text.strip():
        raise SourceError(f"{info.path.name} has no text to translate")
    return SourceText(text, info)
