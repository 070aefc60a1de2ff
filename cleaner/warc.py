"""WARC input, read with warcio: HTML responses as crawlers write them (chunked and
HTTP-encoded bodies undone), and Common Crawl's WET text (`conversion`
records), as batch items carrying the record's target URI, WARC-Date and record id.

Every record becomes an item: the ones not cleaned (requests, revisits, images, PDF...)
as `skipped` ones the summary counts, a record past the size limit or cut off as a
failed one. A file that breaks off gives the records read before the break, then one
failed item naming the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from cleaner.config import MAX_INPUT
from cleaner.httpbody import BodyError, read_body
from cleaner.iso639 import language_hint
from cleaner.sources import MSG_UNREADABLE, Failure, Item, Origin

HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""HTTP content types of the response records cleaned as HTML."""

CLEANED_RECORDS = frozenset({"response", "resource", "conversion"})
"""WARC record types that can hold a page; `conversion` is a WET file's text."""

TEXT_RECORDS = frozenset({"conversion"})
"""Record types cleaned as text dumps."""

WET_CHARSET = "utf-8"
"""Common Crawl writes its WET text as UTF-8 and declares no charset."""

LANGUAGE_HEADER = "WARC-Identified-Content-Language"
"""Common Crawl's CLD2 languages of the page, most of its text first (`deu,eng`)."""

DRAIN_BLOCK = 1 << 16
"""Bytes read at a time from the rest of a record (its end is checked, never kept)."""

TAIL_BYTES = 4096
"""What may follow the last record: blank lines or zero padding, nothing longer."""

# The Latin-1 label means cp1252 on the web (WHATWG Encoding Standard, section 4.2):
# cp1252's curly quotes and dashes read as Latin-1 become C1 control characters.
_WEB_CHARSETS = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                 "us-ascii": "cp1252", "ascii": "cp1252"}  # fmt: skip

REASON_CUT = "the file ends in the middle of a record"
REASON_MALFORMED = "a record is malformed or cut off ({error})"
REASON_NO_LENGTH = "a record has no WARC-Type or no length: it is cut off or malformed"
MSG_RECORD_TOO_LARGE = "{name}: the record is larger than the size limit of {limit} bytes"
MSG_RECORD_UNREADABLE = "{name}: its body cannot be decoded ({error})"


class _Cut(Exception):
    """The file ended before the record's declared length."""


class _Malformed(Exception):
    """A record without the headers every WARC record has: its head was cut off."""


def items(path: str, start: int = 0, limit: int = MAX_INPUT) -> Iterator[Item]:
    """One item per record of a WARC or WET file, numbered from `start`.

    HTML responses and WET conversions carry their body (at most `limit` bytes of
    it: a longer one fails as `input_too_large`); other records are `skipped` items
    naming their type.
    """
    from warcio.archiveiterator import ArchiveIterator

    index = start
    member = None
    try:
        with open(path, "rb") as handle:
            iterator = ArchiveIterator(handle)
            for record in iterator:
                member = iterator.reader.decompressor  # the record's gzip member, if packed
                yield _item(record, index, path, limit)
                index += 1
            _check_end(handle, iterator.offset, member)
    except Exception as exc:  # warcio raises anything on a cut-off header
        yield _unreadable(path, index, _reason(exc))


def _check_end(handle: BinaryIO, offset: int, member: Any) -> None:
    """Raise `_Cut` unless the records read reach the end of the file (`offset`: where
    the last one ended) and the last gzip member is whole. warcio ends quietly on a .gz
    cut in a record's first bytes (they unpack to nothing) or in a member's trailer."""
    if member is not None and not getattr(member, "eof", True):
        raise _Cut
    handle.seek(offset)
    rest = handle.read(TAIL_BYTES + 1)
    if rest.strip(b"\r\n\x00"):
        raise _Cut


def _unreadable(path: str, index: int, reason: str) -> Item:
    message = MSG_UNREADABLE.format(name=path, reason=reason)
    return Item(index, path, Origin.WARC, b"", failure=Failure.UNREADABLE, message=message)


def _item(record: Any, index: int, path: str, limit: int) -> Item:
    """The item of one record; the record's whole block is read (and checked) here."""
    headers = record.rec_headers
    if not record.rec_type or not str(headers.get_header("Content-Length") or "").isdigit():
        raise _Malformed
    uri = headers.get_header("WARC-Target-URI")
    fields: dict[str, Any] = {
        "url": uri,
        "id": headers.get_header("WARC-Record-ID"),
        "date": headers.get_header("WARC-Date"),
    }
    name = f"{path}:{uri}"
    skipped = _skipped(record)
    if skipped is not None:
        _drain(record)
        return Item(index, name, Origin.WARC, b"", skipped=skipped, **fields)
    if record.rec_type in TEXT_RECORDS:
        fields["kind"] = "text"
        fields["charset"] = _charset(headers.get_header("Content-Type") or "") or WET_CHARSET
        fields["language"] = language_hint(headers.get_header(LANGUAGE_HEADER))
    else:
        fields["kind"] = "html"
        fields["charset"] = _charset(_content_type(record))
    try:
        body = _body(record, limit)
    except (BodyError, ValueError, OSError) as exc:
        _drain(record)
        message = MSG_RECORD_UNREADABLE.format(name=name, error=_reason(exc))
        return Item(index, name, Origin.WARC, b"", failure=Failure.BAD_RECORD,
                    message=message, **fields)  # fmt: skip
    _drain(record)
    if len(body) > limit:
        message = MSG_RECORD_TOO_LARGE.format(name=name, limit=limit)
        return Item(index, name, Origin.WARC, b"", failure=Failure.TOO_LARGE,
                    message=message, **fields)  # fmt: skip
    return Item(index, name, Origin.WARC, body, **fields)


def _body(record: Any, limit: int) -> bytes:
    """A record's page bytes: an HTTP response's body unchunked and unpacked."""
    http = record.http_headers
    if http is None:
        return bytes(record.raw_stream.read(limit + 1))
    stream = record.raw_stream
    if "chunked" in str(http.get_header("Transfer-Encoding") or "").lower():
        from warcio.bufferedreaders import ChunkedDataReader

        stream = ChunkedDataReader(stream)
    return read_body(stream, http.get_header("Content-Encoding"), limit)


def _skipped(record: Any) -> str | None:
    """Why a record is not cleaned (its WARC type, or its content type), or None."""
    if record.rec_type not in CLEANED_RECORDS:
        return str(record.rec_type)
    if record.rec_type in TEXT_RECORDS:
        return None
    content_type = _content_type(record)
    mime = content_type.split(";")[0].strip().lower()
    if not mime:
        # No Content-Type: the body is sniffed; a binary one is refused when decoded.
        return None
    return None if mime in HTML_CONTENT_TYPES else mime


def _content_type(record: Any) -> str:
    """The HTTP Content-Type of a response; else the record's own (a resource record,
    or a response to no HTTP request: `text/dns`)."""
    if record.http_headers is not None:
        return str(record.http_headers.get_header("Content-Type") or "")
    return str(record.rec_headers.get_header("Content-Type") or "")


def _drain(record: Any) -> None:
    """Read the rest of the record's block; raises `_Cut` if the file ends first."""
    stream = record.raw_stream
    while stream.read(DRAIN_BLOCK):
        pass
    if getattr(stream, "limit", 0) > 0:
        raise _Cut


def _reason(exc: Exception) -> str:
    if isinstance(exc, _Cut):
        return REASON_CUT
    if isinstance(exc, _Malformed):
        return REASON_NO_LENGTH
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, AttributeError | TypeError | IndexError | KeyError):
        return REASON_MALFORMED.format(error=type(exc).__name__)
    return " ".join(str(exc).split())  # warcio quotes the bad line, newline and all


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            label = value.strip().strip("\"'").lower()
            return _WEB_CHARSETS.get(label, label)
    return None
