"""Where batch outcomes are written: a mirrored folder of files, or a JSON Lines stream.

Every file appears whole or not at all (temporary file in the same folder, then rename).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import IO

from cleaner.outcome import Outcome, Status, with_write_failure

TEMP_PREFIX = ".clean-"
"""Temporary files are hidden, so a folder walk never takes one for an input."""

MSG_WRITE = "{name}: cannot be written ({reason})"


def write_atomically(target: Path, text: str) -> int:
    """Write `text` to `target` via a temporary file and a rename; returns bytes written."""
    data = text.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=TEMP_PREFIX)
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

    A file is written under a temporary name and renamed by `close`, so an
    interrupted batch leaves no partial file.
    """

    def __init__(self, stream: IO[bytes] | None = None, path: Path | None = None) -> None:
        self.path = path
        self._tmp: str | None = None
        if path is not None:
            fd, self._tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX)
            self.stream: IO[bytes] = os.fdopen(fd, "wb")
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
        if self.path is not None and self._tmp is not None:
            self.stream.close()
            os.replace(self._tmp, self.path)
            self._tmp = None

    def abort(self) -> None:
        if self._tmp is not None:
            self.stream.close()
            Path(self._tmp).unlink(missing_ok=True)
            self._tmp = None
        else:
            # stdout may already be gone (a closed pipe): nothing left to keep then.
            with contextlib.suppress(OSError, ValueError):
                self.stream.flush()


def _with_size(outcome: Outcome, size: int) -> Outcome:
    return replace(outcome, bytes_out=size)
