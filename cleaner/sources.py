"""Batch inputs: files and folders (mirrored to an output tree), JSON Lines records and
WARC response records, read lazily as `Item`s and turned into documents in a worker.

Reading never raises for one bad document: it becomes an item or a `SourceError`
that names the document and a stable `Failure` id.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path, PurePath
from typing import IO, Any, cast

from cleaner.config import MAX_INPUT, InputKind
from cleaner.furniture import group_of


class Origin(StrEnum):
    FILE = "file"
    JSONL = "jsonl"
    WARC = "warc"


class Failure(StrEnum):
    """Why a batch document could not be read, cleaned or written (the `error.reason`)."""

    MISSING = "missing_input"
    UNREADABLE = "unreadable_input"
    BAD_JSON = "bad_json"
    BAD_RECORD = "bad_record"
    TOO_LARGE = "input_too_large"
    NO_DOCUMENT = "missing_field"
    NAME_CLASH = "output_name_clash"
    UNWRITABLE = "unwritable_output"
    CRASH = "internal_error"


MSG_MISSING = "{name}: no such file"
MSG_DIRECTORY = "{name}: is a directory, not a page"
MSG_UNREADABLE = "{name}: cannot be read ({reason})"
MSG_BAD_JSON = "not valid JSON ({reason})"
MSG_NOT_OBJECT = "the line is a JSON {type}, not an object"
MSG_NOT_STRING = "field {field!r} is a JSON {type}, not a string"
MSG_NO_DOCUMENT = "neither field {html!r} nor field {text!r} is present"
MSG_NAME_CLASH = "{name}: its output name {target} is taken by {other}"

MSG_TOO_LARGE = "{name}: larger than the size limit of {limit} bytes once unpacked"

MSG_LINE_TOO_LONG = (
    "{name}: line {number} is longer than {limit} bytes; the rest of the file is not read"
)

GZIP_SUFFIX = ".gz"
PAGE_SUFFIXES = (".txt", ".html", ".htm")
"""The files a folder run takes: text dumps and HTML pages, also gzipped (`a.html.gz`).
The files kept beside pages (a gold body's `.json` or `.gold`, a `meta.json`, images)
are not pages; a file named on the command line is taken whatever its name."""
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz", ".wet", ".wet.gz")
"""Common Crawl's text dumps are WARC files too: `CC-MAIN-....warc.wet.gz`."""

JSON_BYTES_PER_CHARACTER = 6
"""The most a document's character takes in a JSON string: `\\uXXXX`."""

LONGEST_LINE = JSON_BYTES_PER_CHARACTER * MAX_INPUT + (1 << 20)
"""A JSON Lines record longer than this cannot hold a document under the size limit,
even with every character escaped and a megabyte of other fields: it fails."""

INFLATE_STEP = 1 << 20
"""Bytes unpacked at a time from a .gz file, so that one past the size limit stops it
(a .gz of 2 GB of zeros is 2 MB on disk)."""


class SourceError(Exception):
    """A document that cannot be read; carries its failure id and user message."""

    def __init__(self, failure: Failure, message: str) -> None:
        super().__init__(message)
        self.failure = failure


@dataclass(frozen=True, slots=True)
class Fields:
    """Field names of a JSON Lines record."""

    text: str = "text"
    html: str = "html"
    url: str = "url"
    id: str = "id"


@dataclass(frozen=True, slots=True)
class Item:
    """One batch document as the reader found it: cheap to pass to a worker.

    `payload` is a file's path, a JSON line's bytes, or a WARC record's body. `target`
    is the output path relative to the output folder (files only); `group` is the
    furniture group when the reader knows it (files: their folder). A reader-side
    problem (e.g. two inputs with the same output name) is set in `failure`.
    """

    index: int
    name: str
    origin: Origin
    payload: bytes | str
    url: str | None = None
    id: str | int | None = None
    date: str | None = None
    charset: str | None = None
    target: str | None = None
    group: str | None = None
    kind: InputKind | None = None
    language: str | None = None
    skipped: str | None = None
    failure: Failure | None = None
    message: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """An item read and ready for `clean`; `language` is a hint the source gave."""

    data: bytes | str
    url: str | None
    id: str | int | None
    group: str | None
    kind: InputKind | None = None
    language: str | None = None


# --- files ------------------------------------------------------------------------


def read_bytes(source: str, limit: int = MAX_INPUT) -> bytes:
    """The bytes of a file; .gz files are unpacked. Raises SourceError.

    A .gz file that unpacks to more than `limit` bytes raises `input_too_large` as soon
    as it passes the limit, without unpacking the rest.
    """
    path = Path(source)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(Failure.MISSING, MSG_MISSING.format(name=source)) from None
    except IsADirectoryError:
        raise SourceError(Failure.UNREADABLE, MSG_DIRECTORY.format(name=source)) from None
    except OSError as exc:
        message = MSG_UNREADABLE.format(name=source, reason=exc.strerror)
        raise SourceError(Failure.UNREADABLE, message) from None
    if path.suffix == GZIP_SUFFIX:
        try:
            return gunzip(data, limit)
        except OverflowError:
            message = MSG_TOO_LARGE.format(name=source, limit=limit)
            raise SourceError(Failure.TOO_LARGE, message) from None
        except (OSError, EOFError, zlib.error) as exc:
            message = MSG_UNREADABLE.format(name=source, reason=exc)
            raise SourceError(Failure.UNREADABLE, message) from None
    return data


def gunzip(data: bytes, limit: int) -> bytes:
    """Unpack gzip data (every member, as `gzip.decompress` does); raises OverflowError
    once the output passes `limit` bytes, EOFError if the data stops mid-member."""
    out = bytearray()
    while data:
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        while data and not inflater.eof:
            out += inflater.decompress(data, INFLATE_STEP)
            if len(out) > limit:
                raise OverflowError(limit)
            data = inflater.unconsumed_tail
        if not inflater.eof:
            out += inflater.flush()
        if len(out) > limit:
            raise OverflowError(limit)
        if not inflater.eof:
            raise EOFError("compressed file ended before the end-of-stream marker was reached")
        data = inflater.unused_data.lstrip(b"\x00")  # gzip allows zero padding after members
    return bytes(out)


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def output_name(relative: PurePath, extension: str) -> PurePath:
    """`a/b.html.gz` -> `a/b.txt`: the input's relative path, .gz dropped, new extension."""
    if relative.suffix == GZIP_SUFFIX:
        relative = relative.with_suffix("")
    return relative.with_suffix(extension)


def is_page(name: str) -> bool:
    """Whether a folder run takes this file (see `PAGE_SUFFIXES`); hidden files never."""
    lower = name.lower().removesuffix(GZIP_SUFFIX)
    return not name.startswith(".") and lower.endswith(PAGE_SUFFIXES)


def walk(root: Path) -> Iterator[tuple[Path, list[Path]]]:
    """(folder, its pages) under a folder, depth first in name order; hidden ones skipped."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield Path(folder), [Path(folder) / n for n in sorted(files) if is_page(n)]


def count_files(sources: Sequence[str]) -> int:
    return sum(
        sum(len(files) for _, files in walk(Path(s))) if Path(s).is_dir() else 1 for s in sources
    )


def count_skipped(sources: Sequence[str]) -> int:
    """Visible files below the input folders that a folder run leaves alone (not pages)."""
    skipped = 0
    for source in sources:
        if not Path(source).is_dir():
            continue
        for _folder, dirs, files in os.walk(source):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            skipped += sum(1 for n in files if not n.startswith(".") and not is_page(n))
    return skipped


def top_names(sources: Sequence[str], extension: str) -> list[PurePath]:
    """What each input becomes at the top of the output folder: one folder is mirrored
    into it; with several inputs each folder keeps its name and each file its own."""
    if len(sources) == 1 and Path(sources[0]).is_dir():
        return [PurePath()]
    return [
        PurePath(Path(s).resolve().name)
        if Path(s).is_dir()
        else output_name(PurePath(Path(s).name), extension)
        for s in sources
    ]


def file_items(sources: Sequence[str], extension: str) -> Iterator[Item]:
    """Items of files and folders, with their output paths (see `top_names`).

    Two files of one folder with the same output name (`a.html`, `a.htm`): the
    second fails with `output_name_clash` rather than overwrite the first's output.
    """
    index = 0
    for source, top in zip(sources, top_names(sources, extension), strict=True):
        root = Path(source)
        if not root.is_dir():
            yield Item(
                index, source, Origin.FILE, source, target=str(top),
                group=group_of(None, str(root.resolve().parent)),
            )  # fmt: skip
            index += 1
            continue
        for folder, files in walk(root):
            group = group_of(None, str(folder.resolve()))
            taken: dict[PurePath, Path] = {}
            for path in files:
                target = top / output_name(path.relative_to(root), extension)
                item = Item(
                    index, str(path), Origin.FILE, str(path), target=str(target), group=group
                )
                other = taken.setdefault(target, path)
                if other != path:
                    message = MSG_NAME_CLASH.format(name=path, target=target, other=other)
                    item = _failed(item, Failure.NAME_CLASH, message)
                yield item
                index += 1


def _failed(item: Item, failure: Failure, message: str) -> Item:
    return replace(item, failure=failure, message=message)


# --- JSON Lines -------------------------------------------------------------------


def open_binary(source: str) -> IO[bytes]:
    """A file for reading bytes, unpacked if its name ends in .gz."""
    if source.endswith(GZIP_SUFFIX):
        return cast(IO[bytes], gzip.open(source, "rb"))
    return open(source, "rb")


def count_lines(source: str) -> int:
    with open_binary(source) as handle:
        return sum(1 for line in _lines(handle) if line.strip())


def _lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The stream's lines; one longer than `LONGEST_LINE` is given cut there, and ends
    the stream (finding the next line would mean reading through all of it)."""
    while line := stream.readline(LONGEST_LINE + 1):
        yield line
        if len(line) > LONGEST_LINE:
            return


def jsonl_items(stream: IO[bytes], name: str) -> Iterator[Item]:
    """One item per non-blank line; the line is parsed in the worker. A line longer
    than any record under the size limit can be fails, and ends the reading."""
    index = 0
    for number, line in enumerate(_lines(stream), start=1):
        if not line.strip():
            continue
        item = Item(index, f"{name}:{number}", Origin.JSONL, line, id=number)
        if len(line) > LONGEST_LINE:
            message = MSG_LINE_TOO_LONG.format(name=name, number=number, limit=LONGEST_LINE)
            item = replace(item, payload=b"", failure=Failure.TOO_LARGE, message=message)
        yield item
        index += 1


def parse_record(line: bytes, fields: Fields, line_number: int | None) -> Document:
    """A JSON line to a document; the `html` field wins over `text`. Raises SourceError."""
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(Failure.BAD_JSON, MSG_BAD_JSON.format(reason=exc)) from None
    if not isinstance(record, dict):
        message = MSG_NOT_OBJECT.format(type=_json_type(record))
        raise SourceError(Failure.BAD_RECORD, message)
    url = _string_field(record, fields.url)
    raw_id = record.get(fields.id, line_number)
    doc_id = raw_id if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else None
    for field, kind in ((fields.html, "html"), (fields.text, "text")):
        if record.get(field) is not None:
            text = _string_field(record, field)
            return Document(text or "", url, doc_id, group_of(url), kind)  # type: ignore[arg-type]
    raise SourceError(
        Failure.NO_DOCUMENT, MSG_NO_DOCUMENT.format(html=fields.html, text=fields.text)
    )


def record_identity(line: bytes, fields: Fields) -> tuple[str | int | None, str | None]:
    """Best-effort (id, url) of a line that failed, for its error record."""
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None, None
    if not isinstance(record, dict):
        return None, None
    raw_id, url = record.get(fields.id), record.get(fields.url)
    return (
        raw_id if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else None,
        url if isinstance(url, str) else None,
    )


def _string_field(record: dict[str, Any], field: str) -> str | None:
    value = record.get(field)
    if value is None or isinstance(value, str):
        return value
    raise SourceError(
        Failure.BAD_RECORD, MSG_NOT_STRING.format(field=field, type=_json_type(value))
    )


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


# --- worker side ------------------------------------------------------------------


def load(item: Item, fields: Fields, limit: int = MAX_INPUT) -> Document:
    """Read an item's document (in a worker). Raises SourceError."""
    if item.failure is not None:
        raise SourceError(item.failure, item.message)
    if item.origin is Origin.FILE:
        return Document(read_bytes(str(item.payload), limit), None, None, item.group)
    if item.origin is Origin.JSONL:
        line = item.payload.encode() if isinstance(item.payload, str) else item.payload
        number = item.id if isinstance(item.id, int) else None
        return parse_record(line, fields, number)
    data: bytes | str = item.payload
    if item.charset and isinstance(data, bytes):
        # A wrong or unknown header charset is left to the cleaner's own sniffing,
        # which reads the page's own <meta> charset.
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            data = data.decode(item.charset)
    kind = item.kind or "html"
    return Document(data, item.url, item.id, group_of(item.url), kind, item.language)
