"""Background work for the desk: one run_task helper and a cancellable worker pattern."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the main thread; a queued signal carries a task's outcome back to it."""

    sig_finished = Signal(object, object, object, object)  # callback, result, error, context


class _Task(QRunnable):
    def __init__(
        self,
        func: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        relay: _Relay,
        context: QObject | None,
    ) -> None:
        super().__init__()
        self._func, self._on_done, self._on_error, self._relay = func, on_done, on_error, relay
        self._context = context

    def run(self) -> None:
        try:
            result = self._func()
        except BaseException as error:  # noqa: BLE001 - any failure must reach the main thread
            self._post(self._on_error, None, error)
        else:
            self._post(self._on_done, result, None)

    def _post(self, callback, result, error) -> None:
        # The window may have closed (and the application quit) while this task ran: its
        # relay is gone and nobody is left to tell ("Signal source has been deleted").
        if not shiboken6.isValid(self._relay):
            return
        try:
            self._relay.sig_finished.emit(callback, result, error, self._context)
        except RuntimeError:
            if shiboken6.isValid(self._relay):
                raise


class TaskRunner(QObject):
    """Runs callables on a thread pool and calls on_done/on_error on the main thread."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.sig_finished.connect(self._deliver)
        self.inline = False  # tests set this: tasks then run at once on the calling thread

    def run_task(
        self,
        func: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        context: QObject | None = None,
    ) -> None:
        """context: a QObject (the window) whose deletion cancels delivery, as with connect()."""
        if self.inline:
            try:
                result = func()
            except Exception as error:  # noqa: BLE001 - delivered like the threaded path does
                self._deliver(on_error, None, error, context)
            else:
                self._deliver(on_done, result, None, context)
            return
        self.pool.start(_Task(func, on_done, on_error, self._relay, context))

    @Slot(object, object, object, object)
    def _deliver(
        self, callback: Callable | None, result: Any, error: BaseException | None, context: Any
    ) -> None:
        if context is not None and not shiboken6.isValid(context):
            return  # the window that asked is gone; nobody to tell
        if error is not None:
            if callback is None:
                log.error("background task failed", exc_info=error)
            else:
                callback(error)
        elif callback is not None:
            callback(result)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)


_runner: TaskRunner | None = None


def task_runner() -> TaskRunner:
    """The application's one runner (created on first use, on the main thread)."""
    global _runner
    if _runner is None:
        _runner = TaskRunner()
    return _runner


def run_task(
    func: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    context: QObject | None = None,
) -> None:
    """Run func in the background; on_done(result) or on_error(exception) on the main thread."""
    task_runner().run_task(func, on_done, on_error, context)


class CancellableWorker(QObject):
    """A long job in its own QThread: progress and batches by signal, stopped by a flag.

    Subclasses implement work(); they must not touch widgets. start() moves the worker to a
    fresh thread; stop() asks it to stop at its next check and waits for the thread.
    """

    sig_progress = Signal(int, int)  # done, total
    sig_finished = Signal(bool, str)  # completed (False when cancelled or failed), error message

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self._thread: QThread | None = None

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def work(self) -> None:
        raise NotImplementedError

    @Slot()
    def _run(self) -> None:
        try:
            self.work()
        except Exception as error:  # noqa: BLE001 - reported to the window, never lost
            log.exception("worker failed")
            self.sig_finished.emit(False, str(error) or type(error).__name__)
        else:
            self.sig_finished.emit(not self.cancelled(), "")

    def start(self) -> None:
        thread = QThread()
        self._thread = thread
        self.moveToThread(thread)
        thread.started.connect(self._run)
        self.sig_finished.connect(thread.quit)
        thread.start()

    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def stop(self, msecs: int = 30000) -> None:
        """Cancel and wait for the thread (window close): stop-then-wait, as Spyder does."""
        self.cancel()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(msecs)
