"""Many documents through the cleaner, in parallel, in input order, in bounded memory.

Workers get the settings once (pool initializer); chunks of items go out through a
sliding window so a huge input is never read ahead of what the pool can use. One bad
document becomes a failed `Outcome`, never an exception that stops the batch.
"""

from __future__ import annotations

import signal
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar

from cleaner import furniture, records, workers
from cleaner.api import clean
from cleaner.config import Config
from cleaner.deadline import DocumentTimeout, deadline
from cleaner.decode import decode
from cleaner.errors import INPUT_PROBLEMS, MESSAGES, Problem
from cleaner.htmlmode import looks_like_html, text_dump
from cleaner.outcome import Outcome, Sink, Status, Summary
from cleaner.pipeline import read_dump
from cleaner.sources import (
    Document,
    Failure,
    Fields,
    Item,
    Origin,
    SourceError,
    load,
    record_identity,
)

CHUNK_SIZE = 8
"""Documents per task sent to a worker: amortises the inter-process round trip (a
text-mode page takes ~30 ms) while keeping order-preserving output smooth."""

WINDOW_PER_JOB = 4
"""Chunks in flight per worker: enough to keep every worker busy, few enough that
memory does not grow with the input."""

HANG_GRACE = 30.0
"""Seconds past a document's own time limit before the parent gives up on a worker that
no longer answers (stuck inside one C call, where the worker's alarm cannot reach)."""

MSG_CRASH = "the cleaner failed on this document ({error})"
MSG_WORKER_DIED = "a worker process died cleaning this document (out of memory, or a crash)"
MSG_WORKER_HUNG = "a worker process stopped answering on this document and was replaced"


@dataclass(frozen=True, slots=True)
class Settings:
    """What every worker needs; sent once per worker, not once per document."""

    config: Config
    fields: Fields = field(default_factory=Fields)
    fmt: str = "text"
    explain: bool = False
    jsonl: bool = False
    furniture: Mapping[str, frozenset[str]] = field(default_factory=dict)


# --- one document -----------------------------------------------------------------


def clean_item(item: Item, settings: Settings) -> Outcome:
    """Read, clean and render one item; never raises (a crash is a failed outcome)."""
    if item.skipped is not None:
        return Outcome(item.index, item.name, Status.SKIPPED, "", skipped=item.skipped)
    try:
        doc = load(item, settings.fields, settings.config.max_input)
    except SourceError as exc:
        return _failed(item, settings, exc.failure.value, str(exc), None, None)
    try:
        return _cleaned(item, doc, settings)
    except Exception as exc:  # one document's bug must not stop the batch
        message = MSG_CRASH.format(error=f"{type(exc).__name__}: {exc}")
        return _failed(item, settings, Failure.CRASH.value, message, doc.id, doc.url)


def _cleaned(item: Item, doc: Document, settings: Settings) -> Outcome:
    config = settings.config
    overrides: dict[str, Any] = {}
    if config.kind == "auto" and doc.kind is not None:
        overrides["kind"] = doc.kind
    if config.language is None and doc.language is not None:
        overrides["language"] = doc.language  # the source's own annotation, e.g. a WET's
    known = settings.furniture.get(doc.group or "") if doc.group else None
    if known:
        overrides["furniture"] = config.furniture | known
    result = clean(doc.data, doc.url, config=config, **overrides)
    size = _size(doc.data)
    if result.problem in INPUT_PROBLEMS:
        message = MESSAGES[Problem(result.problem)]
        return _failed(item, settings, str(result.problem), message, doc.id, doc.url, size)
    if settings.jsonl:
        body_format = settings.fmt if settings.fmt in records.BODY_FORMATS else "text"
        record = records.document_record(
            _doc_id(item, doc.id), doc.url, result, _extra(item), body_format
        )
        output = records.json_line(record)
    else:
        output = records.render(result, settings.fmt, settings.explain)
    status = Status.NO_ARTICLE if result.problem == Problem.NO_ARTICLE else Status.DONE
    counts = tuple(sorted(records.removed_counts(result).items()))
    return Outcome(item.index, item.name, status, output, item.target, size, 0, counts)


def _failed(
    item: Item,
    settings: Settings,
    reason: str,
    message: str,
    doc_id: str | int | None,
    url: str | None,
    size: int | None = None,
) -> Outcome:
    output = ""
    if settings.jsonl:
        if item.origin is Origin.JSONL and doc_id is None and isinstance(item.payload, bytes):
            found_id, url = _identity(item, settings)
            doc_id = found_id if found_id is not None else item.id
        record = records.error_record(
            _doc_id(item, doc_id), url or item.url, reason, message, _extra(item)
        )
        output = records.json_line(record)
    size = _size(item.payload) if size is None and item.origin is not Origin.FILE else size
    return Outcome(
        item.index, item.name, Status.FAILED, output, item.target, size or 0,
        failure=reason, message=message,
    )  # fmt: skip


def _identity(item: Item, settings: Settings) -> tuple[str | int | None, str | None]:
    """The id and URL written in a JSON line, as far as it can be parsed."""
    line = item.payload if isinstance(item.payload, bytes) else item.payload.encode()
    return record_identity(line, settings.fields)


def _doc_id(item: Item, doc_id: str | int | None) -> str | int | None:
    """A record's id: the document's own, else the line number or file path."""
    if doc_id is not None:
        return doc_id
    return item.name if item.origin is Origin.FILE else item.id


def _extra(item: Item) -> dict[str, Any]:
    return {"warc_date": item.date} if item.origin is Origin.WARC else {}


def _size(data: bytes | str) -> int:
    return len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))


def learn_item(item: Item, settings: Settings) -> tuple[str, furniture.PageProfile] | None:
    """(group, furniture profile) of an item, or None if it has no group, cannot be read,
    or takes longer than the time limit."""
    try:
        with deadline(settings.config.timeout):
            return _learned(item, settings)
    except DocumentTimeout:
        return None


def _learned(item: Item, settings: Settings) -> tuple[str, furniture.PageProfile] | None:
    if item.skipped is not None:
        return None
    try:
        doc = load(item, settings.fields, settings.config.max_input)
    except SourceError:
        return None
    if doc.group is None:
        return None
    decoded = decode(doc.data)
    if decoded.problem is not None:
        return None
    text = decoded.text
    kind = doc.kind if settings.config.kind == "auto" else settings.config.kind
    if kind == "html" or (kind in (None, "auto") and looks_like_html(text)):
        text = text_dump(text)  # a page's text, one block element per line
    else:
        text = read_dump(text, settings.config).text  # a markdown dump's lines as cleaned
    return doc.group, furniture.profile(text)


# --- many documents ---------------------------------------------------------------

_settings: Settings | None = None
"""The worker's settings, set once by the pool initializer."""

T = TypeVar("T")


def _init_worker(settings: Settings) -> None:
    global _settings
    # Ctrl-C reaches the whole process group: the parent alone decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _settings = settings


def _clean_chunk(items: list[Item]) -> list[Outcome]:
    assert _settings is not None
    return [clean_item(item, _settings) for item in items]


def _learn_chunk(items: list[Item]) -> list[tuple[str, furniture.PageProfile] | None]:
    assert _settings is not None
    return [learn_item(item, _settings) for item in items]


def ordered_map(
    work: Callable[[list[Item]], list[T]],
    items: Iterable[Item],
    settings: Settings,
    jobs: int | None,
    lost: Callable[[Item, bool], T],
) -> Iterator[T]:
    """Apply `work` to chunks of items in `jobs` processes, yielding results in input order.

    `jobs` None: the batch starts in this process, and gets more (`workers`) only if it
    is still running after `workers.parallel_after()` seconds. Workers are forked after
    this process has cleaned, so they start with its rules and model loaded.

    At most `jobs * WINDOW_PER_JOB` chunks are read ahead (multiprocessing's `imap`
    would read the whole input into its task queue). If a worker dies (killed for
    memory, a crash in a C library) or stops answering (`_limits`), the document that
    did it is given up as a `lost(item, hung)` result, a fresh pool takes the others,
    and the batch goes on.
    """
    items = iter(items)
    if jobs is None:
        jobs = yield from _in_process(work, items, settings, workers.Stopwatch())
    elif jobs > 1 and workers.forks():
        warm_up(settings)
    if jobs <= 1:
        yield from _in_process(work, items, settings, None)
        return
    pool = _pool(jobs, settings)
    pending: deque[tuple[list[Item], Future[list[T]]]] = deque()
    finished = False
    try:
        for chunk in _chunks(items, CHUNK_SIZE):
            pending.append((chunk, pool.submit(work, chunk)))
            while len(pending) >= jobs * WINDOW_PER_JOB:
                done, pool = _oldest(pending, pool, work, lost, jobs, settings)
                yield from done
        while pending:
            done, pool = _oldest(pending, pool, work, lost, jobs, settings)
            yield from done
        finished = True
    finally:
        # After a whole batch, wait for the idle pool to wind down: left running, its
        # manager thread races interpreter exit, which then prints "Exception ignored
        # ... Bad file descriptor" on stderr. Interrupted, do not wait.
        pool.shutdown(wait=finished, cancel_futures=True)


def _in_process(
    work: Callable[[list[Item]], list[T]],
    items: Iterator[Item],
    settings: Settings,
    stopwatch: workers.Stopwatch | None,
) -> Generator[T, None, int]:
    """Results of items in this process, one at a time (an interruption loses no finished
    work), until the items end (returns 1) or `stopwatch` is due: returns the processes
    for the rest then."""
    global _settings
    saved, _settings = _settings, settings
    try:
        for item in items:
            yield from work([item])
            if stopwatch is not None and stopwatch.due():
                return workers.parallel_jobs(stopwatch.clock)
    finally:
        _settings = saved
    return 1


WARM_UP_PAGE = "\n\n".join(
    ["Home | News | Contact", "A short page that loads the rules and the block model.",
     "The council met on Monday and voted to rebuild the old sea wall of the harbour."]
)  # fmt: skip
"""Cleaned once before workers are forked, so they inherit what it loads."""


def warm_up(settings: Settings) -> None:
    # A problem here (a broken rule file) is each document's to report, in its worker.
    with suppress(Exception):
        clean(WARM_UP_PAGE, "https://example.com/", config=settings.config)


def _pool(jobs: int, settings: Settings) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(settings,))


def _limits(settings: Settings, size: int) -> float | None:
    """How long the parent waits for `size` documents before it replaces the workers."""
    timeout = settings.config.timeout
    return None if not timeout else size * timeout + HANG_GRACE


def _oldest(
    pending: deque[tuple[list[Item], Future[list[T]]]],
    pool: ProcessPoolExecutor,
    work: Callable[[list[Item]], list[T]],
    lost: Callable[[Item, bool], T],
    jobs: int,
    settings: Settings,
) -> tuple[list[T], ProcessPoolExecutor]:
    """The oldest chunk's results, and the pool to go on with."""
    chunk, future = pending.popleft()
    try:
        return future.result(_limits(settings, len(chunk))), pool
    except (BrokenProcessPool, FutureTimeout):
        pass
    # Which document killed or stalled the worker is unknown: retry this chunk one
    # document at a time, so only the culprit is lost, then send the other chunks to
    # the new pool.
    _stop(pool)
    pool = _pool(jobs, settings)
    results: list[T] = []
    for item in chunk:
        try:
            results.extend(pool.submit(work, [item]).result(_limits(settings, 1)))
        except (BrokenProcessPool, FutureTimeout) as exc:
            _stop(pool)
            pool = _pool(jobs, settings)
            results.append(lost(item, isinstance(exc, FutureTimeout)))
    for i, (other, _) in enumerate(pending):
        pending[i] = (other, pool.submit(work, other))
    return results, pool


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut a pool down without waiting, killing its workers (one may be stuck)."""
    # The executor keeps its processes in a private mapping; shutdown() alone would
    # wait for a stuck worker forever at interpreter exit.
    processes: dict[int, Any] = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _lost(item: Item, hung: bool, settings: Settings) -> Outcome:
    """The failed outcome of a document whose worker died or stopped answering."""
    reason = Problem.TIMEOUT.value if hung else Failure.CRASH.value
    message = MSG_WORKER_HUNG if hung else MSG_WORKER_DIED
    output = ""
    if settings.jsonl:
        doc_id, url = item.id, item.url
        if item.origin is Origin.JSONL:
            doc_id, url = _identity(item, settings)
        record = records.error_record(_doc_id(item, doc_id), url, reason, message, _extra(item))
        output = records.json_line(record)
    return Outcome(item.index, item.name, Status.FAILED, output, item.target,
                   failure=reason, message=message)  # fmt: skip


def learn_furniture(
    items: Iterable[Item], settings: Settings, jobs: int | None
) -> dict[str, frozenset[str]]:
    """The first pass: furniture keys per group, from every item's candidate lines."""
    learner = furniture.FurnitureLearner()
    for found in ordered_map(_learn_chunk, items, settings, jobs, lambda _, __: None):
        if found is not None:
            learner.add(*found)
    return learner.learned()


def clean_items(items: Iterable[Item], settings: Settings, jobs: int | None) -> Iterator[Outcome]:
    """The cleaning pass: one outcome per item, in input order."""
    return ordered_map(
        _clean_chunk, items, settings, jobs, lambda item, hung: _lost(item, hung, settings)
    )


@contextmanager
def _no_interrupt() -> Iterator[None]:
    """Hold Ctrl-C while a document is written and counted, so the count said on
    interruption is exactly the files written; the interruption lands right after.

    A handler that only takes note, not a blocked signal: the kernel may deliver
    SIGINT to one of the pool's helper threads, whose mask is not the main thread's,
    and Python would then still raise in the main thread mid-write.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught and callable(previous):
        previous(signal.SIGINT, None)  # Python's default handler raises KeyboardInterrupt
    elif caught and previous == signal.SIG_DFL:
        raise KeyboardInterrupt


def run(
    items: Iterable[Item],
    settings: Settings,
    jobs: int | None,
    sink: Sink,
    summary: Summary,
    notify: Callable[[Outcome], None] = lambda _: None,
) -> Summary:
    """Clean every item into `sink`, counting into `summary` (filled even if interrupted).

    On any exception (Ctrl-C included) the sink is aborted, so no partial output
    file is left, and the exception goes on.
    """
    try:
        for outcome in clean_items(items, settings, jobs):
            with _no_interrupt():
                written = sink.write(outcome)
                summary.add(written)
            notify(written)
        sink.close()
    except BaseException:
        sink.abort()
        raise
    return summary
