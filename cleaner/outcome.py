"""What a batch makes of each document (`Outcome`), where outcomes go (`Sink`), and the
running totals a batch reports at the end (`Summary`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Protocol

from cleaner.sources import Failure


class Status(StrEnum):
    DONE = "done"
    NO_ARTICLE = "no_article"
    FAILED = "failed"
    SKIPPED = "skipped"
    """A record that holds no page to clean (a WARC request, an image response...)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """One document's result: its rendered output (body, JSON, or JSON Lines record)."""

    index: int
    name: str
    status: Status
    output: str
    target: str | None = None
    bytes_in: int = 0
    bytes_out: int = 0
    removed: tuple[tuple[str, int], ...] = ()
    failure: str | None = None
    message: str = ""
    skipped: str | None = None
    """What a skipped record is: its WARC type, or its HTTP content type."""


class Sink(Protocol):
    """Where outcomes go: `write` returns the outcome as written (maybe now failed)."""

    def write(self, outcome: Outcome) -> Outcome: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


@dataclass
class Summary:
    """Running totals of a batch, for the closing lines on stderr.

    `total` counts documents; records that hold none are counted in `skipped`, by type.
    """

    done: int = 0
    no_article: int = 0
    failed: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.done + self.no_article + self.failed

    def add(self, outcome: Outcome) -> None:
        if outcome.status is Status.SKIPPED:
            self.skipped[outcome.skipped or ""] += 1
            return
        if outcome.status is Status.DONE:
            self.done += 1
        elif outcome.status is Status.NO_ARTICLE:
            self.no_article += 1
        else:
            self.failed += 1
        self.bytes_in += outcome.bytes_in
        self.bytes_out += outcome.bytes_out
        self.removed.update(dict(outcome.removed))


def with_write_failure(outcome: Outcome, message: str) -> Outcome:
    return replace(outcome, status=Status.FAILED, failure=Failure.UNWRITABLE.value, message=message)
