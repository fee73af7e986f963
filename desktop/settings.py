"""The desk's user settings in QSettings: window layout, projects, fonts, engine options."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from translation.engine import EngineOptions

MAX_RECENT = 10

UI_LANGUAGE_KEY = "ui/language"
# Team ▸ Team Servers: what a team shares, by kind.
TEAM_SERVERS = {
    "glossary": "team/glossary_url",
    "memory": "team/memory_url",
    "mt": "team/mt_url",
    "mt_key": "team/mt_key",
}
SHORTCUT_KEY = "shortcuts/{id}"
# Before actions had ids (issue 12), keys were saved under the window attribute's name
# ("shortcuts/confirm" for act_confirm); they are read once and moved to the action's id.
LEGACY_SHORTCUTS = {
    "new": "file.new",
    "new_xliff": "file.new_from_xliff",
    "open": "file.open",
    "save_as": "file.save_as",
    "start": "file.start_screen",
    "export": "file.export",
    "import_review": "file.import_review",
    "undo": "edit.undo_segment",
    "redo": "edit.redo_segment",
    "find": "edit.find",
    "replace": "edit.replace",
    "typing_replaces": "edit.typing_replaces",
    "shortcuts": "edit.shortcuts",
    "confirm": "segment.confirm",
    "previous": "segment.previous",
    "next": "segment.next",
    "copy_mt": "segment.copy_mt",
    "copy_source": "segment.copy_source",
    "split": "segment.split",
    "join": "segment.join",
    "translate_all": "translate.all",
    "retranslate_selected": "translate.retranslate_selected",
    "retranslate_terms": "translate.retranslate_changed_terms",
    "retranslate_drafts": "translate.retranslate_drafts",
    "cancel": "translate.cancel",
    "install_package": "packages.install_file",
    "download_packages": "packages.download",
    "font": "view.font",
    "glossary_manager": "glossary.manager",
    "add_term": "glossary.add_term",
    "check": "qa.check_document",
    "concordance": "memory.concordance",
    "servers": "team.servers",
    "waiting": "team.waiting",
}


class Settings:
    """Typed access to QSettings; every value has a default so a fresh install just works."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings()

    # QSettings gives back what it stored, or a string from an INI file: typed readers.
    def _text(self, key: str, default: str = "") -> str:
        value = self.q.value(key, default)
        return default if value is None else str(value)

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self.q.value(key, default)))
        except ValueError:  # edited by hand, or another version's value
            return default

    def _flag(self, key: str, default: bool) -> bool:
        return bool(self.q.value(key, default, type=bool))

    def _path(self, key: str) -> Path | None:
        value = self._text(key)
        return Path(value) if value else None

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
        return self._path("projects/last")

    def recent_projects(self) -> list[Path]:
        value = self.q.value("projects/recent", [])
        if isinstance(value, str):  # QSettings gives back a lone string for a one-item list
            value = [value]
        items = value if isinstance(value, list) else []
        return [Path(str(v)) for v in items if v]

    def add_recent_project(self, path: Path) -> None:
        path = Path(path).resolve()
        recent = [p for p in self.recent_projects() if p != path]
        recent.insert(0, path)
        self.q.setValue("projects/recent", [str(p) for p in recent[:MAX_RECENT]])
        self.q.setValue("projects/last", str(path))

    # fonts --------------------------------------------------------------------------------
    def editor_font(self) -> str:
        """A QFont.toString() description, or "" for the application's default font."""
        return self._text("fonts/editor")

    def set_editor_font(self, description: str) -> None:
        self.q.setValue("fonts/editor", description)

    # engine -------------------------------------------------------------------------------
    def engine_options(self) -> EngineOptions:
        default = EngineOptions()
        return EngineOptions(
            device=self._text("engine/device", default.device),
            beam_size=self._int("engine/beam_size", default.beam_size),
            intra_threads=self._int("engine/threads", default.intra_threads),
        )

    def set_engine_options(self, options: EngineOptions) -> None:
        self.q.setValue("engine/device", options.device)
        self.q.setValue("engine/beam_size", options.beam_size)
        self.q.setValue("engine/threads", options.intra_threads)

    def packages_dir(self) -> Path | None:
        return self._path("engine/packages_dir")

    def set_packages_dir(self, path: Path) -> None:
        self.q.setValue("engine/packages_dir", str(path))

    # editing ------------------------------------------------------------------------------
    def typing_replaces(self) -> bool:
        """Typing on a row (no editor open) replaces its target, as in memoQ's and a spreadsheet's
        grid; False: the keys are added at the end of the target."""
        return self._flag("editing/typing_replaces", True)

    def set_typing_replaces(self, replace: bool) -> None:
        self.q.setValue("editing/typing_replaces", bool(replace))

    def last_folder(self, kind: str) -> Path | None:
        """The folder a file dialog of this kind ("open", "export", "import") last used."""
        value = self._path(f"folders/{kind}")
        return value if value is not None and value.is_dir() else None

    def set_last_folder(self, kind: str, folder: Path) -> None:
        self.q.setValue(f"folders/{kind}", str(folder))

    def spelling_language(self) -> str:
        """The target's spelling variant, e.g. en-US or en-GB ("" = from the project)."""
        return str(self.q.value("spelling/language", ""))

    def set_spelling_language(self, code: str) -> None:
        self.q.setValue("spelling/language", code)

    # interface ------------------------------------------------------------------------------
    def interface_language(self) -> str:
        """The interface language chosen in View ▸ Interface Language ("" follows the system)."""
        return str(self.q.value(UI_LANGUAGE_KEY, "") or "")

    def set_interface_language(self, code: str) -> None:
        self.q.setValue(UI_LANGUAGE_KEY, code)

    # exchange -------------------------------------------------------------------------------
    def export_format(self) -> str:
        """The format File ▸ Export offers first: the one chosen last time."""
        return str(self.q.value("export/format", "docx") or "docx")

    def set_export_format(self, name: str) -> None:
        self.q.setValue("export/format", name)

    def export_folder(self) -> Path | None:
        """Where the last export was saved (None: never, or the folder is gone)."""
        value = str(self.q.value("export/folder", "") or "")
        return Path(value) if value and Path(value).is_dir() else None

    def set_export_folder(self, folder: Path) -> None:
        self.q.setValue("export/folder", str(folder))

    # team servers (desktop.team.sync) ---------------------------------------------------------
    def team_server(self, kind: str) -> str:
        """The saved location of a team server: kind is one of TEAM_SERVERS ("" = none)."""
        return str(self.q.value(TEAM_SERVERS[kind], "") or "").strip()

    def set_team_server(self, kind: str, value: str) -> None:
        self.q.setValue(TEAM_SERVERS[kind], value)

    # QA ---------------------------------------------------------------------------------------
    def ask_on_critical(self) -> bool:
        """Confirming a target with an open CRITICAL QA issue asks first (memoQ, Trados)."""
        return self._flag("qa/ask_before_confirming_critical", True)

    def set_ask_on_critical(self, ask: bool) -> None:
        self.q.setValue("qa/ask_before_confirming_critical", bool(ask))

    # translation memory -------------------------------------------------------------------------
    def memory_autofill(self) -> bool:
        """A 100% memory match fills an empty target as a draft."""
        return self._flag("tm/autofill_exact", True)

    def set_memory_autofill(self, on: bool) -> None:
        self.q.setValue("tm/autofill_exact", bool(on))

    # keyboard shortcuts (desktop.actions) -----------------------------------------------------
    def shortcut(self, action_id: str) -> str | None:
        """The translator's keys for an action (portable text), None for its built-in ones."""
        key = SHORTCUT_KEY.format(id=action_id)
        value = self.q.value(key)
        if value is None:
            value = self._migrate_shortcut(action_id)
        return None if value is None else str(value)

    def set_shortcut(self, action_id: str, keys: str | None) -> None:
        """Keep keys for an action; None goes back to its built-in keys."""
        key = SHORTCUT_KEY.format(id=action_id)
        if keys is None:
            self.q.remove(key)
        else:
            self.q.setValue(key, keys)

    def _migrate_shortcut(self, action_id: str) -> object | None:
        for old, new in LEGACY_SHORTCUTS.items():
            if new == action_id:
                legacy = SHORTCUT_KEY.format(id=old)
                value = self.q.value(legacy)
                if value is not None:
                    self.q.setValue(SHORTCUT_KEY.format(id=action_id), value)
                    self.q.remove(legacy)
                return value
        return None
