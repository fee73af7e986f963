"""Done means: the real window killed mid-burst of edits loses no confirmed segment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import paths
from documents.project import Project, Status

REPO = Path(__file__).resolve().parents[2]
KILL_AFTER = 25  # confirmed edits seen before the kill; the child keeps going meanwhile

# The child opens the real window (panels, TM sync and all) and confirms one segment per
# event-loop turn, printing each id only after the project call that stored it returned.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from PySide6.QtCore import QTimer
    from desktop.app import make_application
    from desktop.window.main_window import MainWindow
    from desktop.settings import Settings

    app = make_application([])
    window = MainWindow(Path(sys.argv[1]), data_dir=Path(sys.argv[2]),
                        packages_dir=Path(sys.argv[3]), settings=Settings())
    window.settings.q.setValue("qa/ask_before_confirming_critical", False)  # no modal question
    window.show()
    count = 0

    def edit():
        global count
        segment_id = window.current_segment_id()
        window.go_to_source_row(window.model.row_of(segment_id), edit=True)
        window.view.target_delegate.editor.setPlainText(f"burst {{count}} of {{segment_id}}")
        window.confirm_and_next()  # stores the target, then the translated status
        print(f"CONFIRMED {{segment_id}} {{count}}", flush=True)
        count += 1
        QTimer.singleShot(0, edit)

    QTimer.singleShot(0, edit)
    app.exec()
    """
)


def test_killed_window_keeps_every_confirmed_edit(tmp_path, article_project, empty_packages_dir):
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(repo=str(REPO)), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HANBIT_UI_LANG": "en"}
    data = paths.data_dir()
    child = subprocess.Popen(
        [sys.executable, str(script), str(article_project), str(data), str(empty_packages_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    confirmed: dict[int, str] = {}
    try:
        for line in child.stdout:
            if line.startswith("CONFIRMED "):
                _, segment_id, count = line.split()
                confirmed[int(segment_id)] = f"burst {count} of {segment_id}"
                if len(confirmed) >= KILL_AFTER:
                    break
    finally:
        child.send_signal(signal.SIGKILL)  # mid-burst: the child is still editing
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert len(confirmed) >= KILL_AFTER

    project = Project.open(article_project)  # opens for editing: the dead desk's lock is gone
    try:
        for segment_id, text in confirmed.items():
            segment = project.segment(segment_id)
            assert (segment.target, Status(segment.status)) == (text, Status.TRANSLATED)
    finally:
        project.close()
