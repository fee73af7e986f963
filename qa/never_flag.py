"""The translator's "never flag" list: QA false alarms dismissed once, for every project.

An entry is a rule (the check, e.g. number-missing) and a text (what the issue is about:
"21일", "term-missing:12", "6자"), taken from the issue's stable key, so the same false alarm
stays quiet in the next project while the same rule on other text still speaks. The list is a
small JSON file in the desk's data folder, written atomically; a damaged file is set aside
and the list starts empty rather than stopping QA.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from storage.atomic import atomic_write_text

FILE_NAME = "qa-never-flag.json"
VERSION = 1


@dataclass(frozen=True, order=True)
class Entry:
    check: str
    text: str

    def label(self) -> str:
        return f"{self.check}: {self.text}"


def entry_for(check: str, key: str) -> Entry:
    """The entry of an issue: its check, and its key without the check's prefix."""
    prefix = f"{check}:"
    text = key[len(prefix) :] if key.startswith(prefix) else key
    return Entry(check, text or check)


class NeverFlagError(Exception):
    """The list cannot be saved; the message says why."""


class NeverFlag:
    """The list as a set of entries, loaded from and saved to one file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.entries: set[Entry] = set()
        self.problem = ""  # why the file on disk could not be read ("" when it could)
        self.load()

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> NeverFlag:
        return cls(Path(data_dir) / FILE_NAME)

    def load(self) -> None:
        self.entries, self.problem = set(), ""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            rows = raw["entries"] if isinstance(raw, dict) else None
            if not isinstance(rows, list):
                raise ValueError("no list of entries")
            for row in rows:
                if not (isinstance(row.get("check"), str) and isinstance(row.get("text"), str)):
                    raise ValueError(f"an entry is not a check and a text: {row!r}")
                self.entries.add(Entry(row["check"], row["text"]))
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            self.entries = set()
            self.problem = f"{self.path} could not be read ({error}); the list starts empty"
            self._set_aside()

    def _set_aside(self) -> None:
        """Keep a damaged file for the user to look at instead of overwriting it."""
        try:
            self.path.replace(self.path.with_suffix(".json.damaged"))
        except OSError:
            pass

    def save(self) -> None:
        rows = [{"check": e.check, "text": e.text} for e in sorted(self.entries)]
        data = json.dumps({"version": VERSION, "entries": rows}, ensure_ascii=False, indent=1)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise NeverFlagError(
                f"Cannot save the never-flag list to {self.path}: {error}"
            ) from None
        # a crash leaves the old list or the new one, never half of one
        atomic_write_text(self.path, data, error=NeverFlagError)

    def add(self, check: str, key: str) -> Entry:
        entry = entry_for(check, key)
        self.entries.add(entry)
        self.save()
        return entry

    def remove(self, entry: Entry) -> None:
        self.entries.discard(entry)
        self.save()

    def covers(self, check: str, key: str) -> bool:
        return entry_for(check, key) in self.entries

    def __len__(self) -> int:
        return len(self.entries)
