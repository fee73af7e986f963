"""The team desk in the window: server settings, colleagues' term changes, writes that wait."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import Settings
from glossary.model import GlossaryError
from glossary.protocol import is_server_location

if TYPE_CHECKING:
    from desktop.desk import Desk
    from desktop.glossary.feature import GlossaryFeature

# Each saved server (desktop.settings.TEAM_SERVERS) -> the environment variable it stands in
# for (the variable wins when set, so a shell or a test can always point the desk elsewhere).
VARIABLES = {
    "glossary": "HANBIT_GLOSSARY",
    "memory": "HANBIT_MEMORY",
    "mt": "HANBIT_MT_URL",
    "mt_key": "HANBIT_MT_KEY",
}
FLUSH_INTERVAL_MS = 3000  # how often writes waiting for the server are tried again
_state: dict[str, Path | None] = {"outbox": None}


def apply_team_settings(settings: Settings, data_dir: Path) -> None:
    """Before the window opens: the saved server URLs become the desk's locations, and writes
    to a server get an outbox in the data folder."""
    for kind, variable in VARIABLES.items():
        value = settings.team_server(kind)
        if value and not os.environ.get(variable):
            os.environ[variable] = value
    _state["outbox"] = Path(data_dir) / "team-outbox"


def location(kind: str) -> str:
    """The glossary's or memory's location as configured ("" for the local default)."""
    return os.environ.get("HANBIT_GLOSSARY" if kind == "glossary" else "HANBIT_MEMORY", "")


def outbox_for(kind: str, where: str | Path | None = None) -> Path | None:
    """The folder where writes to the team server of kind ("glossary", "memory") wait."""
    root = _state["outbox"]
    if root is None or not is_server_location(where if where is not None else location(kind)):
        return None
    return root / kind


class TeamServersDialog(QDialog):
    """Team ▸ Team Servers…: the termbase, memory and MT server a team shares."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Team Servers"))
        self._settings = settings
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        labels = {
            "glossary": self.tr("Termbase (postgresql://…)"),
            "memory": self.tr("Translation memory (postgresql://…)"),
            "mt": self.tr("LibreTranslate server (http://…)"),
            "mt_key": self.tr("LibreTranslate API key"),
        }
        for key, label in labels.items():
            field = QLineEdit(settings.team_server(key))
            field.setPlaceholderText(self.tr("empty: this computer's own"))
            if key == "mt_key":
                field.setEchoMode(QLineEdit.EchoMode.Password)
            self.fields[key] = field
            form.addRow(label, field)
        note = QLabel(
            self.tr(
                "Leave the password out of the URLs: put it in ~/.pgpass (see docs/team.md). "
                "The servers are used from the next start of the desk."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def save(self) -> None:
        values = {key: field.text().strip() for key, field in self.fields.items()}
        for key in ("glossary", "memory"):
            if values[key] and not is_server_location(values[key]):
                QMessageBox.warning(
                    self,
                    self.windowTitle(),
                    self.tr("{value} is not a postgresql:// URL; nothing was saved.").format(
                        value=values[key]
                    ),
                )
                return
        if values["mt"] and not values["mt"].startswith(("http://", "https://")):
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("{value} is not an http:// URL; nothing was saved.").format(
                    value=values["mt"]
                ),
            )
            return
        for key, value in values.items():
            self._settings.set_team_server(key, value)
        self.accept()


class TeamSync(QObject):
    """One window's link to the team servers: listens for colleagues' term changes (the grid
    re-highlights within a second), shows the connection and the writes waiting for it, and
    replays those writes when the server is back, telling exactly which were refused."""

    sig_concept_changed = Signal(dict)  # from the listener thread, delivered on the UI thread
    sig_state = Signal(bool, str)
    sig_flushed = Signal(int, list)  # written, [(what, reason)] refused

    def __init__(self, desk: Desk, glossary: GlossaryFeature) -> None:
        super().__init__(desk.widget())
        self.desk, self.glossary = desk, glossary
        self.glossary_url = location("glossary")
        self.memory_url = location("memory")
        self.login = _login(self.glossary_url)
        self.online: bool | None = None
        self.last_change: dict = {}
        self._listener = None
        self._flushing = False
        self.status = QLabel()
        desk.summary.add_permanent(self.status)
        self.sig_concept_changed.connect(self._concept_changed)
        self.sig_state.connect(self._state_changed)
        self._timer = QTimer(self, interval=FLUSH_INTERVAL_MS)
        self._timer.timeout.connect(self.flush)
        self._build_menu()
        # The MT server was down and the local packages translated: say so after the run.
        desk.sig_translation_finished.connect(self._mt_notice)
        if is_server_location(self.glossary_url):
            from glossary.pg_store import TermbaseListener  # noqa: PLC0415 - optional: psycopg only for a team server

            self._listener = TermbaseListener(
                self.glossary_url, self.sig_concept_changed.emit, self.sig_state.emit
            )
            self._listener.start()
        if self.active:
            self._timer.start()
        self._show_status()
        desk.widget().destroyed.connect(self.stop)

        QApplication.instance().aboutToQuit.connect(self.stop)

    @property
    def active(self) -> bool:
        return is_server_location(self.glossary_url) or is_server_location(self.memory_url)

    def _build_menu(self) -> None:
        menu = self.desk.add_menu("team", self.tr("&Team"))
        actions = self.desk.actions
        actions.add(
            "team.servers",
            QT_TRANSLATE_NOOP("TeamSync", "Team &Servers…"),
            menu,
            None,
            self.open_settings,
            context="TeamSync",
        )
        actions.add(
            "team.waiting",
            QT_TRANSLATE_NOOP("TeamSync", "&Waiting Edits…"),
            menu,
            None,
            self.show_waiting,
            context="TeamSync",
        )

    def open_settings(self) -> TeamServersDialog:
        dialog = TeamServersDialog(self.desk.settings, self.desk.widget())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _mt_notice(self, _completed: bool) -> None:
        engine = self.desk.engine
        notice = getattr(engine, "notice", "")
        if notice:
            engine.notice = ""
            self.desk.show_message(self.tr("MT server: {notice}").format(notice=notice), 15000)

    # --- colleagues' changes -------------------------------------------------------------

    def _concept_changed(self, payload: dict) -> None:
        self.last_change = payload
        lookup = self.glossary.lookup
        lookup.refresh()  # a new revision: the matcher is rebuilt, the grid repainted
        label = f"#{payload.get('concept')}"
        termbase = lookup.termbase
        if termbase is not None and payload.get("op") != "delete":
            try:
                label = termbase.concept(int(payload["concept"])).label()
            except Exception:  # deleted again meanwhile, or the server just went away
                pass
        if payload.get("by") == self.login:
            # Our own save, back from the server: it is committed and every desk has it.
            message = self.tr("Glossary: {term} saved on the server for the team").format(
                term=label
            )
        else:
            verbs = {"insert": self.tr("added"), "delete": self.tr("deleted")}
            verb = verbs.get(payload.get("op"), self.tr("changed"))
            message = self.tr("Glossary: {who} {verb} {term}").format(
                who=payload.get("by", "?"), verb=verb, term=label
            )
        self.desk.show_message(message, 8000)

    def _state_changed(self, online: bool, message: str) -> None:
        self.online = online
        if online:
            self.flush()
            if self.glossary.termbase is None:
                self.glossary.glossary_loaded()  # the desk started while the server was away
            else:
                self.glossary.lookup.refresh()  # changes made while we were away
        self._show_status(message)

    # --- writes waiting for the server ---------------------------------------------------

    def waiting(self) -> list[str]:
        """What waits, in words ("saving Alipay"), oldest first."""
        from storage.outbox import Outbox  # noqa: PLC0415 - start-up: the outbox (uuid) loads with the first team save

        items = []
        for kind in ("glossary", "memory"):
            folder = outbox_for(kind)
            if folder is not None and folder.exists():
                items += [item.what for item in Outbox(folder).waiting()]
        return items

    def flush(self) -> None:
        """Replay the waiting writes on a worker (its own connections), then report."""
        if self._flushing or not self.waiting():
            self._show_status()
            return
        self._flushing = True
        glossary = (self.glossary_url, outbox_for("glossary"))
        memory = (self.memory_url, outbox_for("memory"))
        self.desk.runner.run_task(
            lambda: _replay(glossary, memory), self._flushed, self._flush_failed, context=self
        )

    def _flushed(self, result: tuple[int, list[tuple[str, str]]]) -> None:
        self._flushing = False
        written, refused = result
        self.sig_flushed.emit(written, refused)
        if written:
            self.glossary.lookup.refresh()
            self.desk.show_message(
                self.tr("{count} waiting edits were saved on the server").format(count=written),
                8000,
            )
        if refused:
            lines = "\n".join(f"• {what}: {reason}" for what, reason in refused)
            QMessageBox.warning(
                self.desk.widget(),
                self.tr("Not saved on the server"),
                self.tr("These edits were refused when the server came back:\n{lines}").format(
                    lines=lines
                ),
            )
        self._show_status()

    def _flush_failed(self, error: BaseException) -> None:
        self._flushing = False
        self._show_status(str(error))

    def show_waiting(self) -> None:
        items = self.waiting()
        text = "\n".join(f"• {what}" for what in items) or self.tr("Nothing is waiting.")
        QMessageBox.information(self.desk.widget(), self.tr("Waiting Edits"), text)

    def _show_status(self, detail: str = "") -> None:
        if not self.active:
            self.status.setText("")
            return
        count = len(self.waiting())
        state = {
            True: self.tr("Team: online"),
            False: self.tr("Team: server away"),
            None: self.tr("Team: connecting"),
        }[self.online]
        if count:
            state += " · " + self.tr("{count} waiting").format(count=count)
        self.status.setText(state)
        self.status.setToolTip(detail)

    def stop(self) -> None:
        self._timer.stop()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None


def _login(url: str) -> str:
    """The user name a server URL logs in as (libpq's default: the system user)."""
    if not is_server_location(url):
        return ""
    import getpass  # noqa: PLC0415 - start-up: getpass (termios) only for a login

    return urlsplit(url).username or os.environ.get("PGUSER") or getpass.getuser()


def _replay(glossary: tuple, memory: tuple) -> tuple[int, list[tuple[str, str]]]:
    """On a worker: open each server with its outbox, replay, close."""
    from memory.units import MemoryFileError  # noqa: PLC0415 - heavy: memory.units brings rapidfuzz

    written, refused = 0, []
    for (url, outbox), opener in ((glossary, _open_termbase), (memory, _open_memory)):
        if outbox is None or not is_server_location(url):
            continue
        try:
            store = opener(url, outbox)
        except (GlossaryError, MemoryFileError):
            continue  # still away: the writes keep waiting
        try:
            done, failed = store.flush()
        finally:
            store.close()
        written += done
        refused += [(item.what, reason) for item, reason in failed]
    return written, refused


def _open_termbase(url: str, outbox: Path):
    from glossary.pg_store import ServerTermbase  # noqa: PLC0415 - optional: psycopg only for a team server

    return ServerTermbase(url, outbox)


def _open_memory(url: str, outbox: Path):
    from memory.pg_store import ServerMemory  # noqa: PLC0415 - optional: psycopg only for a team server

    return ServerMemory(url, outbox)
