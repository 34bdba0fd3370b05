"""Work on every core: steps run in worker processes, each within a time budget.

Cleaning and analysis are pure functions of their input, so they run in other processes: the
caller (the app's UI, the CLI's writer) keeps its own core and its GIL, and a step that takes
longer than its budget is ended by killing its worker (a regular expression running in C
cannot be interrupted any other way); a fresh worker takes its place. Workers are forked from
a small server process that has the cleaning and analysis modules loaded, so a new worker
costs milliseconds, and nothing is forked from a process that runs threads.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from store.errors import NewsreaderError

BUDGET = 10.0  # seconds a step may take before its worker is killed
PRELOAD = ["store.ingest.read", "store.clean.html", "store.clean.text", "store.analysis.pipeline"]


def default_jobs() -> int:
    """Worker processes by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Outcome:
    """How a step ended: its value, or one line saying why not."""

    key: object  # what the caller submitted the step under
    value: object = None
    error: str | None = None
    over_budget: bool = False  # killed after its budget; `error` says so
    raised: NewsreaderError | None = None  # the error the step raised, when it pickles

    @property
    def ok(self) -> bool:
        return self.error is None


def _serve(conn: Connection) -> None:
    """A worker: run steps one at a time until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        fn, args = task
        try:
            reply = ("ok", fn(*args))
        except NewsreaderError as e:
            reply = ("error", (str(e), e))
        except Exception as e:  # noqa: BLE001 - one bad input never stops the worker
            why = f"unexpected error: {type(e).__name__}: {' '.join(str(e).split())}"
            reply = ("error", (why, None))
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return
        except Exception as e:  # noqa: BLE001 - a value or an error that cannot be pickled
            conn.send(("error", (f"unexpected error: {type(e).__name__}: {e}", None)))


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


_SERVER_LOCK = threading.Lock()


def _start_server(ctx: multiprocessing.context.BaseContext) -> None:
    """Start the fork server (and multiprocessing's resource tracker) once. The tracker is
    handed `sys.stderr`'s descriptor, and a running Textual app replaces `sys.stderr` with an
    object whose descriptor is -1: for that moment the process's own stderr stands in."""
    if ctx.get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    with _SERVER_LOCK:
        stderr = sys.stderr
        try:
            usable = stderr is not None and stderr.fileno() >= 0
        except (AttributeError, OSError, ValueError):
            usable = False
        if not usable:
            sys.stderr = sys.__stderr__
        try:
            forkserver.ensure_running()
        finally:
            sys.stderr = stderr


class _Worker:
    def __init__(self, ctx: multiprocessing.context.BaseContext) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child,), daemon=True, name="nr-worker")
        self.process.start()
        child.close()  # the parent keeps one end, so a dead worker reads as end of file
        self.task: tuple[object, float] | None = None  # (key, deadline) while busy

    def kill(self) -> None:
        self.process.kill()
        self.process.join(1)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(0.2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(1)
        self.conn.close()


class WorkerPool:
    """`jobs` worker processes, started as work arrives; `on_done(outcome)` is called on the
    pool's own thread when a step ends. `close()` ends every worker at once (what a stop or a
    Ctrl-C wants: a step in flight is dropped, never half written, since workers never write).
    """

    def __init__(
        self, jobs: int, on_done: Callable[[Outcome], None], *, budget: float = BUDGET
    ) -> None:
        self.jobs = max(1, jobs)
        self.budget = budget
        self.on_done = on_done
        self.queue: deque[tuple[object, Callable, tuple, float]] = deque()
        self.lock = threading.Lock()
        self.closed = False
        self.broken: str | None = None  # why no worker can start; every step then fails so
        self.workers: list[_Worker] = []
        self.wake_r, self.wake_w = multiprocessing.Pipe(duplex=False)
        self.ctx = _context()
        self.thread = threading.Thread(target=self._run, name="nr-pool", daemon=True)
        self.thread.start()

    def submit(self, key: object, fn: Callable, *args: object, budget: float | None = None) -> None:
        """Run `fn(*args)` in a worker; `fn` and its arguments must pickle."""
        with self.lock:
            if self.closed and self.broken is None:
                raise RuntimeError("the worker pool is closed")
            if self.broken is None:
                self.queue.append((key, fn, args, self.budget if budget is None else budget))
                self._wake()
                return
        self.on_done(Outcome(key, error=self.broken))

    def close(self) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
        self._wake()
        if threading.current_thread() is not self.thread:
            self.thread.join(5)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self.wake_w.send_bytes(b".")

    # --- the pool's thread -------------------------------------------------------------------

    def _run(self) -> None:
        try:
            _start_server(self.ctx)
            while not self.closed:
                self._step()
        except Exception as e:  # noqa: BLE001 - no worker can start: say so for every step
            with self.lock:
                self.broken = f"cannot start a worker process ({type(e).__name__}: {e})"
                self.closed = True
                left = [item[0] for item in self.queue]
                self.queue.clear()
            left += [w.task[0] for w in self.workers if w.task is not None]
            for key in left:
                self._done(Outcome(key, error=self.broken))
        finally:
            for w in self.workers:
                if w.task is None:
                    w.stop()
                else:
                    w.kill()
            self.workers.clear()
            self.wake_r.close()
            self.wake_w.close()

    def _step(self) -> None:
        """Hand out work, then wait for a result, a submission or the nearest deadline."""
        self._dispatch()
        busy = [w for w in self.workers if w.task is not None]
        now = time.monotonic()
        timeout = min((w.task[1] - now for w in busy), default=1.0)
        ready = wait([self.wake_r, *(w.conn for w in busy)], max(0.0, min(timeout, 1.0)))
        for conn in ready:
            if conn is self.wake_r:
                while self.wake_r.poll():
                    self.wake_r.recv_bytes()
            elif not self.closed:
                self._receive(next(w for w in busy if w.conn is conn))
        if not self.closed:
            self._enforce_budgets()

    def _dispatch(self) -> None:
        """Hand queued steps to idle workers, starting workers up to `jobs`."""
        while True:
            with self.lock:
                if not self.queue:
                    return
                worker = next((w for w in self.workers if w.task is None), None)
                if worker is None and len(self.workers) >= self.jobs:
                    return
                key, fn, args, budget = self.queue.popleft()
            if worker is None:
                worker = _Worker(self.ctx)
                self.workers.append(worker)
            try:
                worker.conn.send((fn, args))
            except Exception as e:  # noqa: BLE001 - an argument that cannot be pickled
                self._replace(worker)
                self._done(Outcome(key, error=f"cannot hand over to a worker: {e}"))
                continue
            worker.task = (key, time.monotonic() + budget)

    def _receive(self, worker: _Worker) -> None:
        key = worker.task[0]
        try:
            kind, value = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            code = worker.process.exitcode
            self._replace(worker)
            how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            self._done(Outcome(key, error=f"the worker process ended unexpectedly ({how})"))
            return
        worker.task = None
        if kind == "ok":
            self._done(Outcome(key, value))
        else:
            why, raised = value
            self._done(Outcome(key, error=why, raised=raised))

    def _enforce_budgets(self) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.task is not None and now >= worker.task[1]:
                key = worker.task[0]
                self._replace(worker)
                self._done(Outcome(key, error="over its time budget", over_budget=True))

    def _replace(self, worker: _Worker) -> None:
        """A killed or dead worker leaves; a new one starts when there is work for it."""
        worker.kill()
        self.workers.remove(worker)

    def _done(self, outcome: Outcome) -> None:
        self.on_done(outcome)
