"""WARC input: every HTML response record of a crawl, read with warcio, as batch items
carrying the record's target URI, WARC-Date and record id."""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.sources import MSG_UNREADABLE, Failure, Item, Origin

HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
"""HTTP content types of the WARC response records that are cleaned."""


def items(path: str, start: int = 0) -> Iterator[Item]:
    """Every HTML response record of a WARC file, with its target URI and WARC-Date.

    A file that breaks off mid-way gives one failed item naming it, after the records
    read before the break.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    index = start
    try:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if not content_type.lower().startswith(HTML_CONTENT_TYPES):
                    continue
                headers = record.rec_headers
                uri = headers.get_header("WARC-Target-URI")
                yield Item(
                    index, f"{path}:{uri}", Origin.WARC, record.content_stream().read(),
                    url=uri, id=headers.get_header("WARC-Record-ID"),
                    date=headers.get_header("WARC-Date"), charset=_charset(content_type),
                )  # fmt: skip
                index += 1
    except (OSError, EOFError, ArchiveLoadFailed, ValueError) as exc:
        message = MSG_UNREADABLE.format(name=path, reason=_reason(exc))
        yield Item(index, path, Origin.WARC, b"", failure=Failure.UNREADABLE, message=message)


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return " ".join(str(exc).split())  # warcio quotes the bad line, newline and all


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
