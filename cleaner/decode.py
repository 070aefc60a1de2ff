"""Bytes to text: byte-order marks, UTF-8, the HTML's declared charset, then detection.

Binary data (images, archives, NUL-filled bytes) is recognised and refused here.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from cleaner.errors import Problem

_MAGIC_NUMBERS = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"PK\x03\x04",  # zip, docx, epub
    b"%PDF",
    b"\x1f\x8b",  # gzip (the CLI unpacks .gz files before they get here)
    b"BZh",
    b"\x7fELF",
    b"RIFF",
    b"OggS",
    b"\x00\x00\x01\x00",  # ico
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

SNIFF_BYTES = 4096
"""How much of the start of a document is inspected for magic numbers and charsets."""

MAX_CONTROL_SHARE = 0.10
"""Share of C0 control characters (not tab/newline/CR) above which decoded text is
binary; real page dumps have almost none, binary files decoded as Latin-1 have many."""

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str | None
    problem: Problem | None = None


def decode(data: bytes | str) -> Decoded:
    """Decode a document, or say why it is not text."""
    if isinstance(data, str):
        return _checked(data, None)
    if not data.strip():
        return Decoded("", None, Problem.EMPTY)
    head = data[:SNIFF_BYTES]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return _checked(data[len(bom) :].decode(encoding, errors="replace"), encoding)
    if head.startswith(_MAGIC_NUMBERS):
        return Decoded("", None, Problem.BINARY)
    utf16 = _utf16_without_bom(head)
    if utf16:
        return _checked(data.decode(utf16, errors="replace"), utf16)
    if b"\x00" in head:
        return Decoded("", None, Problem.BINARY)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(head)
    if declared:
        try:
            return _checked(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return _detected(data)


def _checked(text: str, encoding: str | None) -> Decoded:
    if not text.strip():
        return Decoded("", encoding, Problem.EMPTY)
    sample = text[:SNIFF_BYTES]
    if len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        return Decoded("", encoding, Problem.BINARY)
    return Decoded(_CONTROL.sub("", text) if "\x00" in text else text, encoding)


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL in every other byte of ASCII-range text."""
    sample = head[: SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _detected(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # only undecodable inputs pay this import

    best = from_bytes(data).best()
    if best is None:
        return Decoded("", None, Problem.UNDECODABLE)
    return _checked(str(best), best.encoding)
