"""Where batch outcomes are written: a mirrored folder of files, or a JSON Lines stream.

Every regular file appears whole or not at all (temporary file in the same folder,
then rename). Devices, pipes and /dev/stdout are written in place: renaming over
them would replace, say, /dev/null itself with a regular file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import IO

from cleaner.outcome import Outcome, Status, with_write_failure

TEMP_PREFIX = ".clean-"
"""Temporary files are hidden, so a folder walk never takes one for an input."""

MSG_WRITE = "{name}: cannot be written ({reason})"


def is_special(target: Path) -> bool:
    """Whether `target` exists and is no regular file (a device, a pipe, /dev/stdout)."""
    try:
        return not stat.S_ISREG(os.stat(target).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False


def write_atomically(target: Path, text: str) -> int:
    """Write `text` to `target` via a temporary file and a rename; returns bytes written.

    A symbolic link is followed (the file it names is replaced, not the link), and a
    special file is written in place.
    """
    data = text.encode("utf-8")
    if is_special(target):
        with target.open("wb") as handle:
            handle.write(data)
        return len(data)
    target = target.resolve()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(data)


class FolderSink:
    """Each document's output at its mirrored path under `root`; failed ones write nothing."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, outcome: Outcome) -> Outcome:
        if outcome.status is Status.FAILED or outcome.target is None:
            return outcome
        target = self.root / outcome.target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            size = write_atomically(target, outcome.output)
        except OSError as exc:
            message = MSG_WRITE.format(name=target, reason=exc.strerror or exc)
            return with_write_failure(outcome, message)
        return _with_size(outcome, size)

    def close(self) -> None:
        pass

    def abort(self) -> None:
        pass  # every file written so far is whole; the one being written was removed


class JsonlSink:
    """One line per outcome (error records included), to a stream or to a file.

    A regular file is written under a temporary name and renamed by `close`, so an
    interrupted batch leaves no partial file; a special file is written in place.
    """

    def __init__(self, stream: IO[bytes] | None = None, path: Path | None = None) -> None:
        self._target: Path | None = None
        self._tmp: str | None = None
        self._owned = path is not None
        if path is not None and is_special(path):
            self.stream: IO[bytes] = path.open("wb")
        elif path is not None:
            self._target = path.resolve()
            fd, self._tmp = tempfile.mkstemp(dir=self._target.parent, prefix=TEMP_PREFIX)
            self.stream = os.fdopen(fd, "wb")
        elif stream is not None:
            self.stream = stream
        else:
            raise ValueError("JsonlSink needs a stream or a path")

    def write(self, outcome: Outcome) -> Outcome:
        data = outcome.output.encode("utf-8")
        self.stream.write(data)
        return _with_size(outcome, len(data))

    def close(self) -> None:
        self.stream.flush()
        if self._owned:
            self.stream.close()
        if self._tmp is not None and self._target is not None:
            os.replace(self._tmp, self._target)
            self._tmp = None

    def abort(self) -> None:
        # The stream may already be gone (a closed pipe): nothing is left to keep then.
        with contextlib.suppress(OSError, ValueError):
            self.stream.flush()
            if self._owned:
                self.stream.close()
        if self._tmp is not None:
            Path(self._tmp).unlink(missing_ok=True)
            self._tmp = None


def _with_size(outcome: Outcome, size: int) -> Outcome:
    return replace(outcome, bytes_out=size)
