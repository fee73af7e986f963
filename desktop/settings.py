"""The desk's user settings in QSettings: window layout, projects, fonts, engine options."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from translation.engine import EngineOptions

MAX_RECENT = 10


class Settings:
    """Typed access to QSettings; every value has a default so a fresh install just works."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings()

    # window -------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self.q.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)

    # projects -----------------------------------------------------------------------------
    def last_project(self) -> Path | None:
        value = self.q.value("projects/last", "")
        return Path(value) if value else None

    def recent_projects(self) -> list[Path]:
        value = self.q.value("projects/recent", [])
        if isinstance(value, str):  # QSettings gives back a lone string for a one-item list
            value = [value]
        return [Path(v) for v in value or [] if v]

    def add_recent_project(self, path: Path) -> None:
        path = Path(path).resolve()
        recent = [p for p in self.recent_projects() if p != path]
        recent.insert(0, path)
        self.q.setValue("projects/recent", [str(p) for p in recent[:MAX_RECENT]])
        self.q.setValue("projects/last", str(path))

    # fonts --------------------------------------------------------------------------------
    def editor_font(self) -> str:
        """A QFont.toString() description, or "" for the application's default font."""
        return str(self.q.value("fonts/editor", ""))

    def set_editor_font(self, description: str) -> None:
        self.q.setValue("fonts/editor", description)

    # engine -------------------------------------------------------------------------------
    def engine_options(self) -> EngineOptions:
        default = EngineOptions()
        return EngineOptions(
            device=str(self.q.value("engine/device", default.device)),
            beam_size=int(self.q.value("engine/beam_size", default.beam_size)),
            intra_threads=int(self.q.value("engine/threads", default.intra_threads)),
        )

    def set_engine_options(self, options: EngineOptions) -> None:
        self.q.setValue("engine/device", options.device)
        self.q.setValue("engine/beam_size", options.beam_size)
        self.q.setValue("engine/threads", options.intra_threads)

    def packages_dir(self) -> Path | None:
        value = self.q.value("engine/packages_dir", "")
        return Path(value) if value else None

    def set_packages_dir(self, path: Path) -> None:
        self.q.setValue("engine/packages_dir", str(path))

    # editing ------------------------------------------------------------------------------
    def typing_replaces(self) -> bool:
        """Typing on a row (no editor open) replaces its target, as in memoQ's and a spreadsheet's
        grid; False: the keys are added at the end of the target."""
        return self.q.value("editing/typing_replaces", True, type=bool)

    def set_typing_replaces(self, replace: bool) -> None:
        self.q.setValue("editing/typing_replaces", bool(replace))

    def last_folder(self, kind: str) -> Path | None:
        """The folder a file dialog of this kind ("open", "export", "import") last used."""
        value = self.q.value(f"folders/{kind}", "")
        return Path(value) if value and Path(value).is_dir() else None

    def set_last_folder(self, kind: str, folder: Path) -> None:
        self.q.setValue(f"folders/{kind}", str(folder))

    def spelling_language(self) -> str:
        """The target's spelling variant, e.g. en-US or en-GB ("" = from the project)."""
        return str(self.q.value("spelling/language", ""))

    def set_spelling_language(self, code: str) -> None:
        self.q.setValue("spelling/language", code)
