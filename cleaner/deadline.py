"""A time limit on cleaning one document, so a pathological page gives an error, not a hang.

The limit is a real-time alarm (SIGALRM), which interrupts Python code wherever it
is, trafilatura's tree walks included. Signals reach only the main thread, so off it
(a caller's thread pool) and where the platform has no SIGALRM the limit is not
enforced; batch workers are processes, where it always is. Code stuck inside one C
call ignores the alarm until the call returns: the batch's parent process guards
against that case by replacing a worker that stops answering (`cleaner.batch`).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class DocumentTimeout(BaseException):
    """Cleaning one document took longer than its time limit.

    A BaseException, as KeyboardInterrupt is, so that the `except Exception` guards of
    the libraries it interrupts (trafilatura has many) do not swallow it.
    """


REPEAT_SECONDS = 1.0
"""Once expired, the alarm fires again this often, in case a handler swallowed it."""


def enforceable() -> bool:
    """Whether a limit set here can interrupt the running code."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` in the body if it runs longer than `seconds`.

    None or 0 means no limit. Nested use is not supported (the cleaner has one
    document in hand at a time); a previous alarm handler is restored on exit.
    """
    if not seconds or not enforceable():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
