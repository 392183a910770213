"""A time limit on reading and extracting one document: ``time_limit`` interrupts the work inside
with ``TooSlow``, ``too_slow_reason`` is the one line the user reads. (Apart from graph.loader, which
uses them too, so that ``phoihop extract`` does not import the graph.)"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from pathlib import Path

from .readers import Limits


class TooSlow(Exception):
    """Raised by the interval timer when one document takes longer than ``Limits.max_seconds``."""


def _too_slow(signum, frame):
    raise TooSlow


@contextmanager
def time_limit(seconds: float):
    """Interrupt the work inside after ``seconds`` (wall clock), where a timer can: the main
    thread of a process on a system with SIGALRM (the workers, the CLI); elsewhere no limit."""
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _too_slow)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def too_slow_reason(path: str | Path, limits: Limits, what: str = "ingested") -> str:
    """The one line for a document over the time limit."""
    return (f"{path}: not {what}: reading and extracting it took over {limits.max_seconds:g} s "
            "(--max-seconds raises the limit)")
