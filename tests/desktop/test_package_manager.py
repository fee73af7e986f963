"""The package manager: installed pairs and pivots, install from file, corrupt files, remove."""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.packages.manager import PackageManager
from desktop.settings import Settings
from desktop.tasks import task_runner
from translation.packages import installed_packages


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def manager(qtbot, tiny_packages_copy: Path, settings: QSettings) -> PackageManager:
    dialog = PackageManager(tiny_packages_copy, Settings(settings))
    qtbot.addWidget(dialog)
    yield dialog
    task_runner().wait()


def test_lists_installed_pairs_and_the_pivot_through_english(manager):
    rows = manager.pair_rows()
    assert rows[:2] == ["English → Chinese (Simplified)", "Korean → English"]
    assert "Korean → Chinese (Simplified) (pivot through English)" in rows
    assert manager.tree.topLevelItem(0).text(3).startswith(str(manager.packages_dir))


def test_installs_the_tiny_argosmodel(qtbot, manager, tiny_argosmodel, tiny_packages_copy):
    with qtbot.waitSignal(manager.sig_packages_changed, timeout=30000):
        manager.install_file(tiny_argosmodel)
    assert "Chinese (Simplified) → English" in manager.pair_rows()
    assert "Installed Chinese (Simplified) → English" in manager.message.text()
    assert ("zh-Hans", "en") in {
        (p.from_code, p.to_code) for p in installed_packages(tiny_packages_copy)
    }


def test_a_corrupt_file_gets_a_clear_error_and_installs_nothing(
    qtbot, manager, tmp_path, tiny_packages_copy
):
    broken = tmp_path / "broken.argosmodel"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    before = manager.pair_rows()
    manager.install_file(broken)
    qtbot.waitUntil(lambda: "Could not install" in manager.message.text(), timeout=30000)
    assert "broken.argosmodel: not a zip archive" in manager.message.text()
    assert manager.pair_rows() == before
    assert manager.install_button.isEnabled()
    assert len(installed_packages(tiny_packages_copy)) == 2


def test_remove_asks_first_and_removes_on_yes(qtbot, manager, tiny_packages_copy):
    asked = []
    manager.confirm = lambda _parent, _title, text: asked.append(text) or False
    manager.tree.setCurrentItem(manager.tree.topLevelItem(1))  # Korean → English
    manager.remove_selected()
    assert asked == ["Remove Korean → English (1.0)?"]
    assert len(installed_packages(tiny_packages_copy)) == 2

    manager.confirm = lambda *_args: True
    with qtbot.waitSignal(manager.sig_packages_changed):
        manager.remove_selected()
    assert [(p.from_code, p.to_code) for p in installed_packages(tiny_packages_copy)] == [
        ("en", "zh-Hans")
    ]
    assert not any("pivot" in row for row in manager.pair_rows())


def test_engine_settings_use_the_keys_the_desk_reads(manager, settings):
    manager.beam.setValue(4)
    manager.threads.setValue(3)
    manager.device.setCurrentText("cpu")
    assert settings.value("engine/beam_size", type=int) == 4
    assert settings.value("engine/threads", type=int) == 3
    assert settings.value("engine/device") == "cpu"


def _index_file(tmp_path: Path, entries: list[dict]) -> str:
    path = tmp_path / "index.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    return str(path)


def _entry(source: str, target: str, version: str, link: str) -> dict:
    return {
        "type": "translate",
        "from_code": source,
        "to_code": target,
        "package_version": version,
        "links": [link],
    }


def test_download_lists_the_index_and_installs_with_progress(
    qtbot, manager, tmp_path, tiny_argosmodel, tiny_packages_copy
):
    link = tiny_argosmodel.resolve().as_uri()
    manager.index_url = _index_file(
        tmp_path, [_entry("zh", "en", "0.9", link), _entry("zh", "en", "1.0", link)]
    )
    dialog = manager.open_download()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=10000)
    item = dialog.tree.topLevelItem(0)
    assert [item.text(0), item.text(1)] == ["Chinese (Simplified) → English", "1.0"]

    dialog.tree.setCurrentItem(item)
    with qtbot.waitSignal(manager.sig_packages_changed, timeout=30000):
        dialog.download_selected()
    assert "Chinese (Simplified) → English" in manager.pair_rows()
    assert ("zh-Hans", "en") in {p.pair for p in installed_packages(tiny_packages_copy)}
    assert "Installed" in dialog.status.text()


def test_update_offers_only_newer_versions_of_installed_pairs(qtbot, manager, tmp_path):
    link = (tmp_path / "never-downloaded.argosmodel").as_uri()
    manager.index_url = _index_file(
        tmp_path,
        [
            _entry("ko", "en", "1.1", link),  # newer than the installed 1.0
            _entry("en", "zh", "1.0", link),  # the same version: nothing to update
            _entry("zh", "en", "2.0", link),  # not installed: a download, not an update
        ],
    )
    dialog = manager.open_update()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "update" in dialog.status.text(), timeout=10000)
    rows = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert rows == ["Korean → English"]
    assert dialog.status.text() == "1 update available."


def test_download_offline_says_so_quickly(qtbot, manager):
    manager.index_url = "http://127.0.0.1:9/index.json"  # nothing listens on the discard port
    dialog = manager.open_download()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Could not load" in dialog.status.text(), timeout=15000)
    assert "no network" in dialog.status.text()
    assert not dialog.download_button.isEnabled()


class _TricklingServer:
    """Serves one big download: the first chunk at once, the rest only after release()."""

    def __init__(self) -> None:
        released = self._released = threading.Event()
        self.first_chunk_sent = threading.Event()
        first_chunk_sent = self.first_chunk_sent

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the standard library's name
                self.send_response(200)
                self.send_header("Content-Length", str(4 * 1024 * 1024))
                self.end_headers()
                self.wfile.write(b"\0" * (512 * 1024))
                self.wfile.flush()
                first_chunk_sent.set()
                released.wait(10)
                try:
                    self.wfile.write(b"\0" * (512 * 1024))
                except OSError:
                    pass  # the client hung up after its cancel: expected

            def log_message(self, *_args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/big.argosmodel"

    def release(self) -> None:
        self._released.set()

    def close(self) -> None:
        self.release()
        self.httpd.shutdown()
        self.httpd.server_close()


def test_cancel_stops_a_download_and_installs_nothing(qtbot, manager, tmp_path):
    server = _TricklingServer()
    try:
        manager.index_url = _index_file(tmp_path, [_entry("zh", "en", "1.0", server.url)])
        dialog = manager.open_download()
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=10000)
        dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
        dialog.download_selected()
        assert dialog.cancel_button.isVisibleTo(dialog)
        qtbot.waitUntil(lambda: dialog.progress.maximum() == 1000, timeout=10000)  # bytes came
        dialog.cancel_download()
        server.release()  # the next chunk arrives; the download sees the cancel before it
        qtbot.waitUntil(lambda: "cancelled" in dialog.status.text(), timeout=10000)
        assert "nothing was installed" in dialog.status.text()
        assert "Chinese (Simplified) → English" not in manager.pair_rows()
        assert dialog.download_button.isEnabled()
    finally:
        server.close()


def test_a_packages_folder_chosen_in_the_manager_is_the_one_the_next_start_uses(
    manager, settings, tmp_path, monkeypatch
):
    from cli.open import packages_folder

    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)  # the tests' own folder

    chosen = tmp_path / "shared-packages"
    chosen.mkdir()
    assert manager.choose_folder(chosen) == chosen
    assert "next start" in manager.message.text()
    assert Settings(settings).packages_dir() == chosen
    assert packages_folder(None, Settings(settings)) == chosen  # what main.py open reads
    assert manager.choose_folder(tmp_path / "missing") is None  # refused, nothing kept
    assert Settings(settings).packages_dir() == chosen
