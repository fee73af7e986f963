"""The start-up yardstick: a minimal PySide6 program that shows the article's lines in a table.

Run as a child by bench.startup with a file of the desk's segments: the same lines the desk
shows, in a QTableWidget, with the same marker printed once the table has painted them.
Nothing else: the floor any Qt desk stands on (interpreter, Qt libraries, a window, fonts).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem


def main() -> int:
    # One source segment per line, written by bench.startup from the desk's own project.
    lines = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
    app = QApplication(sys.argv[:1])
    table = QTableWidget(len(lines), 2)
    table.setHorizontalHeaderLabels(["Source", "Target"])
    for row, line in enumerate(lines):
        table.setItem(row, 0, QTableWidgetItem(line))
        table.setItem(row, 1, QTableWidgetItem(""))
    table.resize(1200, 800)

    class PaintWatch(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, done)
            return False

    def done() -> None:
        print(f"HANBIT_SHOWN rows={table.rowCount()}", flush=True)
        app.quit()

    watch = PaintWatch(table)
    table.viewport().installEventFilter(watch)
    table.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
