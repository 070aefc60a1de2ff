"""Bytes to text: byte-order marks, UTF-16 without one, UTF-8 (also with stray bytes of
another encoding), the HTML's declared charset when its bytes bear it out, then detection.

Binary data (images, archives, NUL-filled bytes) is recognised and refused here; text
given as `str` gets the same checks, so a page decodes alike as `str` and as UTF-8 bytes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from cleaner.errors import Problem

# File signatures, after the `file` command's magic database. Those made of printable
# ASCII alone are kept long enough that no page of text starts with them.
_BINARY_SIGNATURE = re.compile(
    rb"\x89PNG\r\n\x1a\n"
    rb"|\xff\xd8\xff"  # JPEG
    rb"|GIF8[79]a"
    rb"|PK(?:\x03\x04|\x05\x06|\x07\x08)"  # zip (docx, epub, jar), empty or spanned zip
    rb"|%PDF-"
    rb"|\x1f\x8b\x08"  # gzip (the CLI unpacks .gz files before they get here)
    rb"|BZh[1-9]1AY&SY"
    rb"|\xfd7zXZ\x00"
    rb"|7z\xbc\xaf\x27\x1c"
    rb"|Rar!\x1a\x07"
    rb"|\x28\xb5\x2f\xfd"  # zstd
    rb"|\x7fELF"
    rb"|RIFF[\s\S]{4}(?:WAVE|AVI |WEBP)"
    rb"|OggS\x00"
    rb"|\x00\x00[\x01\x02]\x00"  # ico, cur
    rb"|\x00asm"  # WebAssembly
    rb"|wOF[F2]"  # web fonts
)
SIGNATURE_BYTES = 16
"""The longest signature above (RIFF + size + form type) fits in this many bytes."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

SNIFF_BYTES = 4096
"""How much of the start of a document is inspected for signatures, NUL bytes, control
characters and a declared charset (a <meta charset> must sit in the first 1024 bytes
by the HTML standard; pages with long comments put it later)."""

MAX_CONTROL_SHARE = 0.10
"""Share of control characters (C0 but tab/newline/CR/FF/VT/separators, DEL, C1) above
which decoded text is binary. Page dumps have almost none (a cp1252 page read as
Latin-1 shows ~1% C1 quotes and dashes); random bytes read as Latin-1 show ~24%."""

MAX_CONTROL_BYTE_SHARE = 0.05
"""The same test on the raw bytes of a document that is not UTF-8: text in any
ASCII-compatible encoding has no C0 control bytes (ISO-2022's escapes are ~2%),
random or compressed bytes have ~11.7% (30 of 256 values)."""

MIN_UTF8_SHARE = 0.8
"""A document that is not valid UTF-8 is still read as UTF-8 when at least this share
of its non-ASCII sequences are valid UTF-8: pages of one legacy encoding read as UTF-8
give at most ~30% valid ones by chance (measured on cp1252, Latin-1, cp1251, KOI8-R,
Shift-JIS, EUC-JP, GB2312, Big5 and EUC-KR prose), while a UTF-8 page with a stray
pasted cp1252 quote or a cut-off last character gives well over 90%."""

DECLARED_MAX_MESS = 0.2
"""A declared charset is trusted unless the text it gives scores above this on
charset-normalizer's mess ratio (its own default threshold for rejecting an encoding);
clean prose scores 0-0.07 and mojibake (Shift-JIS or KOI8-R read as cp1252) 1.5-5."""

DETECT_SAMPLE_BYTES = 64 * 1024
"""charset-normalizer is given lines holding non-ASCII bytes up to this size: on
whole documents it takes ~0.25 s per MB, and more text does not change its answer."""

DETECT_MAX_LINE_BYTES = 2048
"""Longer lines are cut (at a character boundary) so one long line cannot fill the
sample on its own."""

CHAOS_TIE = 0.01
"""Candidate encodings whose chaos differs by less than this decode the sample equally
well; the tie goes to the encoding more pages use (`_WEB_ENCODINGS`)."""

# Encodings by how many pages use them (W3Techs, character encodings, 2024); Latin-1 and
# ASCII are left out because their labels mean cp1252 on the web (WHATWG Encoding).
_WEB_ENCODINGS = (
    "utf_8", "cp1252", "cp1251", "gb18030", "cp932", "shift_jis", "euc_jp", "cp949",
    "euc_kr", "cp1250", "iso8859_2", "big5", "cp1256", "cp1253", "cp1254", "cp874",
    "koi8_r", "koi8_u", "iso8859_15", "cp1257", "cp1255", "iso8859_5", "iso8859_7",
    "iso8859_9",
)  # fmt: skip

# Charset labels that browsers read as a superset (WHATWG Encoding Standard, section 4.2),
# as Python codec names.
_WHATWG_SUPERSETS = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}

_META_CHARSET = re.compile(rb"""<meta[^<>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_ISO2022_ESCAPE = re.compile(rb"\x1b(?:\$[@AB(]|\$\)[ACG]|\(J|\.A)")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_CHAR_BOUNDARY = re.compile(rb"[\x00-\x7f]{2}")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1b\x7f]")
_CONTROLS = "".join(
    map(chr, [*range(0x00, 0x09), *range(0x0E, 0x1C), *range(0x7F, 0x85), *range(0x86, 0xA0)])
)
"""C0 but tab/newline/CR/FF/VT/separators, DEL, and C1 but NEL: what makes text look
binary, and what is dropped from text that is not."""
_CONTROL = re.compile(f"[{re.escape(_CONTROLS)}]")
_VISIBLE = re.compile(r"[^\s\u200b-\u200d\u2060\u00ad\ufeff]")

# cp1252 for each byte, for bytes that are not UTF-8 inside a UTF-8 page; the five bytes
# cp1252 leaves undefined become U+FFFD.
_CP1252_BYTES = tuple(bytes([b]).decode("cp1252", errors="replace") for b in range(256))
_STRAY_BYTES_AS_CP1252 = "cleaner.stray_bytes_as_cp1252"


def _stray_bytes_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    stray = error.object[error.start : error.end]
    return "".join(_CP1252_BYTES[b] for b in stray), error.end


codecs.register_error(_STRAY_BYTES_AS_CP1252, _stray_bytes_as_cp1252)


@dataclass(frozen=True, slots=True)
class Decoded:
    """A document's text and the encoding it was read in (None: it came as `str`)."""

    text: str
    encoding: str | None
    problem: Problem | None = None


def decode(data: bytes | str) -> Decoded:
    """Decode a document, or say why it is not text."""
    if isinstance(data, str):
        return _from_str(data)
    head = data[:SNIFF_BYTES]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return _checked(data[len(bom) :].decode(encoding, errors="replace"), encoding)
    if _BINARY_SIGNATURE.match(head):
        return Decoded("", None, Problem.BINARY)
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    # NUL bytes mean UTF-16 without a BOM, unless the data is valid UTF-8 holding
    # characters past ASCII: UTF-16 code units seldom form that, so there they are stray
    # controls (fuzzing found "\x00\u0800" in UTF-8 read as UTF-16 "àꂀ").
    if b"\x00" in head and (utf8 is None or utf8.isascii()):
        wide = _utf16_without_bom(head)
        if wide:
            return _checked(data.decode(wide, errors="replace"), _codec_name(wide))
    if utf8 is not None and not _ISO2022_ESCAPE.search(head):
        return _checked(utf8, "utf-8")
    if len(_CONTROL_BYTES.findall(head)) > MAX_CONTROL_BYTE_SHARE * len(head):
        return Decoded("", None, Problem.BINARY)
    if _mostly_utf8(data[:DETECT_SAMPLE_BYTES]):
        return _checked(data.decode("utf-8", errors=_STRAY_BYTES_AS_CP1252), "utf-8")
    declared = _declared_charset(head)
    declared_text = _strict(data, declared) if declared else None
    if declared and declared_text is not None and _mess(declared_text) <= DECLARED_MAX_MESS:
        return _checked(declared_text, declared)
    detected = _detected_encoding(data)
    if detected:
        return _checked(data.decode(detected, errors="replace"), _codec_name(detected))
    if declared and declared_text is not None:
        return _checked(declared_text, declared)
    return Decoded("", None, Problem.UNDECODABLE)


def _from_str(text: str) -> Decoded:
    """Text handed in decoded: the checks bytes get, so that a `str` and its UTF-8 bytes
    give the same result."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates (from surrogateescape or a bad UTF-16 decode) cannot be
            # written out as UTF-8; valid pairs become the character they encode.
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    head = text[:SNIFF_BYTES].encode("utf-8")[:SNIFF_BYTES]
    if b"\x00" in head or _ISO2022_ESCAPE.search(head):
        # What the bytes would be read as differently (UTF-16 read as 8-bit text shows
        # NULs; ISO-2022 shows escapes): read them as bytes.
        return decode(text.encode("utf-8"))
    if _BINARY_SIGNATURE.match(head):
        return Decoded("", None, Problem.BINARY)
    return _checked(text, None)


def _checked(text: str, encoding: str | None) -> Decoded:
    """Refuse empty or binary-looking text; drop control characters from the rest."""
    if not _VISIBLE.search(text):
        return Decoded("", encoding, Problem.EMPTY)
    sample = text[:SNIFF_BYTES]
    if len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        return Decoded("", encoding, Problem.BINARY)
    if any(control in text for control in _CONTROLS):  # `in` is memchr-fast
        # A control left in the body could make it look binary when cleaned again, and
        # text mode only ever removes (tests/test_properties.py).
        text = _CONTROL.sub("", text)
    if not _VISIBLE.search(text):
        return Decoded("", encoding, Problem.EMPTY)
    return Decoded(text, encoding)


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a BOM: NUL in every other byte of ASCII-range text, else (CJK or
    Cyrillic text, whose code units seldom hold a NUL byte) what detection says."""
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
    detected = _best_encoding(sample)
    return detected if detected in ("utf_16_le", "utf_16_be") else None


def _codec_name(encoding: str) -> str:
    """Python's own name of a codec ("utf_16_le" and "UTF-16LE" are "utf-16-le")."""
    return codecs.lookup(encoding).name


def _mostly_utf8(sample: bytes) -> bool:
    """Valid UTF-8 sequences make up most of the non-ASCII ones (see MIN_UTF8_SHARE)."""
    text = sample.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f") - invalid
    return valid > 0 and valid >= MIN_UTF8_SHARE * (valid + invalid)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared_charset(head: bytes) -> str | None:
    """The <meta> charset as a Python codec, widened to the superset browsers use."""
    match = _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")):
        return None  # a UTF-16 page has a BOM or NUL bytes; the label alone means UTF-8
    return _WHATWG_SUPERSETS.get(codec, codec)


def _mess(text: str) -> float:
    from charset_normalizer.md import mess_ratio

    return float(mess_ratio(text[:DETECT_SAMPLE_BYTES], maximum_threshold=1.0))


def _detected_encoding(data: bytes) -> str | None:
    """The encoding detection finds for the document's lines with non-ASCII bytes, each
    from its first such byte: the line's ASCII before it holds no trail byte, so the
    piece starts on a character of any ASCII-compatible encoding."""
    pieces: list[bytes] = []
    size = 0
    position = 0
    while size < DETECT_SAMPLE_BYTES:
        found = _NON_ASCII.search(data, position)
        if found is None:
            break
        start = found.start()
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        piece = _cut(data, start, min(end, start + DETECT_MAX_LINE_BYTES))
        pieces.append(piece)
        size += len(piece) + 1
        position = end + 1
    return _best_encoding(b"\n".join(pieces) if pieces else data[:DETECT_SAMPLE_BYTES])


def _cut(data: bytes, start: int, end: int) -> bytes:
    """data[start:end], ended where no character is split: after two ASCII bytes in a
    row (a trail byte follows a non-ASCII lead byte), or at a line end."""
    if end == len(data) or data[end : end + 1] == b"\n":
        return data[start:end]
    boundary = None
    for match in _CHAR_BOUNDARY.finditer(data, start, end):
        boundary = match.end()
    return data[start : boundary or end]


def _best_encoding(sample: bytes) -> str | None:
    """charset-normalizer's choice, ties going to the encoding more pages use."""
    from charset_normalizer import from_bytes  # only pages that are not UTF-8 pay for it

    matches = list(from_bytes(sample))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least + CHAOS_TIE]
    for encoding in _WEB_ENCODINGS:
        if any(encoding in match.could_be_from_charset for match in tied):
            return encoding
    return str(min(matches, key=lambda m: m.chaos).encoding)
