"""Background work: results and errors reach the main thread; workers cancel between steps."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from desktop.tasks import CancellableWorker, TaskRunner


def test_run_task_delivers_result_on_the_main_thread(qtbot):
    runner = TaskRunner()
    seen = []
    worker_threads = []

    def work():
        worker_threads.append(threading.get_ident())
        return 6 * 7

    runner.run_task(work, lambda result: seen.append((result, QThread.currentThread())))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(42, runner.thread())]
    assert worker_threads[0] != threading.get_ident()


def test_run_task_delivers_the_error_and_not_a_result(qtbot):
    runner = TaskRunner()
    errors, results = [], []

    def broken():
        raise ValueError("the file is damaged")

    runner.run_task(broken, results.append, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert results == []
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "the file is damaged"


def test_inline_runner_runs_at_once(qtbot):
    runner = TaskRunner()
    runner.inline = True
    seen = []
    runner.run_task(lambda: "now", seen.append)
    assert seen == ["now"]


class Counter(CancellableWorker):
    """Counts in steps until cancelled; each step waits for the test's go-ahead."""

    def __init__(self) -> None:
        super().__init__()
        self.steps = 0
        self.go = threading.Semaphore(0)

    def work(self) -> None:
        for _ in range(1000):
            if self.cancelled():
                return
            self.go.acquire()
            self.steps += 1
            self.sig_progress.emit(self.steps, 1000)


def test_cancellable_worker_stops_at_the_next_step(qtbot):
    worker = Counter()
    progress = []
    worker.sig_progress.connect(lambda done, total: progress.append(done))
    with qtbot.waitSignal(worker.sig_finished) as finished:
        worker.start()
        worker.go.release()
        worker.go.release()
        qtbot.waitUntil(lambda: len(progress) == 2)
        worker.cancel()
        worker.go.release()  # the step in progress may finish; no further step starts
    assert finished.args == [False, ""]
    assert worker.steps <= 3
    worker.stop()
    assert not worker.running()


class Failing(CancellableWorker):
    def work(self) -> None:
        raise RuntimeError("model folder is missing")


def test_worker_failure_is_reported_not_lost(qtbot):
    worker = Failing()
    with qtbot.waitSignal(worker.sig_finished) as finished:
        worker.start()
    assert finished.args == [False, "model folder is missing"]
    worker.stop()


def test_no_delivery_to_a_deleted_context(qtbot):
    runner = TaskRunner()
    runner.inline = True
    widget = QWidget()
    seen = []
    shiboken6.delete(widget)  # the window closed before its task finished
    runner.run_task(lambda: 1, seen.append, context=widget)
    assert seen == []
