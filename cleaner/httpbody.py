"""HTTP bodies as crawlers store them in WARC responses: the content coding (gzip,
deflate, br) undone, a step at a time, so that a body unpacking past the size limit is
stopped there instead of inflated whole."""

from __future__ import annotations

import zlib
from typing import Protocol

import brotli

READ_BLOCK = 1 << 16
"""Packed bytes read at a time."""

IDENTITY = frozenset({"", "identity", "none"})
GZIP = frozenset({"gzip", "x-gzip"})
GZIP_MAGIC = b"\x1f\x8b"
DEFLATE = "deflate"
BROTLI = "br"


class Stream(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class BodyError(Exception):
    """The body breaks off or is corrupt after it started to unpack."""


class _Unpacker(Protocol):
    def feed(self, data: bytes, room: int) -> bytes: ...


class _Zlib:
    """gzip, or deflate: the zlib format by RFC 9110, raw deflate as some servers send."""

    def __init__(self, wbits: int) -> None:
        self._wbits = wbits
        self._inflater = zlib.decompressobj(wbits)
        self._fed = False

    def feed(self, data: bytes, room: int) -> bytes:
        try:
            out = self._inflater.decompress(data, room)
            self._fed = True
            return out
        except zlib.error:
            if self._wbits != zlib.MAX_WBITS or self._fed:
                raise
        self._wbits = -zlib.MAX_WBITS
        self._inflater = zlib.decompressobj(self._wbits)
        return self._inflater.decompress(data, room)


class _Brotli:
    def __init__(self) -> None:
        self._decompressor = brotli.Decompressor()

    def feed(self, data: bytes, room: int) -> bytes:
        return bytes(self._decompressor.process(data, output_buffer_limit=room))


def _unpacker(coding: str) -> _Unpacker | None:
    if coding in GZIP:
        return _Zlib(zlib.MAX_WBITS | 16)
    if coding == DEFLATE:
        return _Zlib(zlib.MAX_WBITS)
    if coding == BROTLI:
        return _Brotli()
    return None


def read_body(stream: Stream, content_encoding: str | None, limit: int) -> bytes:
    """The body as the page's bytes, at most `limit + 1` of them (more than `limit`
    means it is over the limit).

    An unknown coding (zstd, compress) is left as it is: the cleaner refuses it as
    binary. A body labelled gzip without gzip's magic bytes, or labelled deflate or br
    that does not unpack from its first block, was never packed (servers mislabel) and
    is taken as it is. Raises BodyError if unpacking fails after that.
    """
    coding = (content_encoding or "").strip().lower()
    unpacker = _unpacker(coding)
    out = bytearray()
    first = True
    while len(out) <= limit and (block := stream.read(READ_BLOCK)):
        if first and coding in GZIP and not block.startswith(GZIP_MAGIC):
            unpacker = None
        if unpacker is None:
            out += block
            continue
        try:
            out += unpacker.feed(block, limit + 1 - len(out))
        except (zlib.error, brotli.error) as exc:
            if not first or coding in GZIP:
                raise BodyError(f"{coding}: {exc}") from None
            unpacker = None
            out += block
        first = False
    return bytes(out[: limit + 1])
