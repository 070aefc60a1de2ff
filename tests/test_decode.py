"""Decoding: empty and binary input is refused with its problem id, and text in legacy,
wide or mislabelled encodings comes out as the words that were written."""

from __future__ import annotations

import codecs
import gzip
import io
import random
import zipfile
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.decode import decode
from cleaner.errors import Problem
from tests.helpers import PROSE

# The same news story in each language: three paragraphs of real prose, long enough
# for charset detection and for the text cleaner to take them as an article.
STORY = {
    "en": PROSE,
    "fr": [
        "Le conseil municipal a voté lundi la reconstruction de la digue qui protège le port "
        "depuis le dix-neuvième siècle, mettant fin à un débat qui divisait les habitants.",
        "Les ingénieurs ont expliqué que deux tempêtes d’hiver avaient ouvert des fissures le "
        "long d’un tiers de l’ouvrage, et que sans réparations le quai serait inondé.",
        "Le projet devrait coûter environ quatre millions d’euros, dont la majeure partie "
        "proviendra d’un fonds régional pour la protection du littoral, ont précisé les élus.",
    ],
    "de": [
        "Der Gemeinderat hat am Montag beschlossen, die Ufermauer wieder aufzubauen, die den "
        "Hafen seit dem neunzehnten Jahrhundert schützt, und damit einen Streit beendet.",
        "Die Ingenieure erklärten, dass zwei Winterstürme Risse über ein Drittel der Mauer "
        "geöffnet hätten und der Kai ohne Reparaturen bald überflutet werden könnte.",
        "Die Kosten werden auf etwa vier Millionen Euro geschätzt, größtenteils aus einem "
        "regionalen Fonds für Küstenschutz, wie die Verwaltung am Dienstag mitteilte.",
    ],
    "es": [
        "El ayuntamiento votó el lunes la reconstrucción del malecón que protege el puerto "
        "desde el siglo diecinueve, poniendo fin a un debate que dividía a los vecinos.",
        "Los ingenieros explicaron que dos tormentas de invierno habían abierto grietas a lo "
        "largo de un tercio del muro y que, sin reparaciones, el muelle podría inundarse.",
        "Se espera que el proyecto cueste unos cuatro millones de euros, la mayor parte de un "
        "fondo regional para la protección de la costa, según informó el señor alcalde.",
    ],
    "pl": [
        "Rada miejska zagłosowała w poniedziałek za odbudową falochronu, który chroni port od "
        "dziewiętnastego wieku, kończąc wieloletni spór mieszkańców.",
        "Inżynierowie wyjaśnili, że dwa zimowe sztormy spowodowały pęknięcia wzdłuż jednej "
        "trzeciej muru i że bez napraw nabrzeże może zostać zalane.",
        "Koszt projektu szacuje się na około czterech milionów euro, z czego większość "
        "pochodzić będzie z regionalnego funduszu ochrony wybrzeża.",
    ],
    "ru": [
        "Городской совет в понедельник проголосовал за восстановление волнолома, который "
        "защищает гавань с девятнадцатого века, положив конец многолетнему спору жителей.",
        "Инженеры сообщили, что два зимних шторма вызвали трещины вдоль трети стены и что без "
        "ремонта причал может оказаться затопленным уже следующей зимой.",
        "Проект обойдётся примерно в четыре миллиона евро, большая часть которых поступит из "
        "регионального фонда защиты побережья, сообщили во вторник чиновники.",
    ],
    "ja": [
        "市議会は月曜日、十九世紀から港を守ってきた防波堤を再建することを賛成多数で決め、"
        "住民の間で何年も続いていた議論にようやく終止符を打った。",
        "技術者たちは会合で、この冬に相次いだ二つの大きな嵐によって防波堤の三分の一に沿って"
        "深い亀裂が入り、早急に修理しなければ岸壁が浸水する恐れがあると説明した。",
        "事業費はおよそ四百万ユーロと見込まれており、その大部分は沿岸保護のための地域基金から"
        "支出されると、市の担当者が火曜日の記者会見で明らかにした。",
    ],
    "zh": [
        "市议会星期一以多数票通过决定，重建自十九世纪以来一直保护港口的防波堤，"
        "从而结束了多年来令当地居民意见严重分歧的争论。",
        "工程师在会上表示，今年冬天接连发生的两场强烈风暴使防波堤大约三分之一的地段"
        "出现了深深的裂缝，如果不尽快进行修复，码头将面临被海水淹没的危险。",
        "该项目预计耗资约四百万欧元，其中大部分资金将来自一个专门用于海岸保护的地区基金，"
        "市政府官员星期二在新闻发布会上说。",
    ],
    "ko": [
        "시의회는 월요일 19세기부터 항구를 지켜온 방파제를 재건하기로 결정하며 수년간 "
        "주민들을 갈라놓았던 논쟁에 마침표를 찍었다.",
        "기술자들은 회의에서 올겨울 잇따른 두 차례의 폭풍으로 방파제의 3분의 1에 걸쳐 깊은 "
        "균열이 생겼으며, 보수하지 않으면 부두가 침수될 위험이 있다고 설명했다.",
        "사업비는 약 400만 유로로 예상되며 대부분은 해안 보호를 위한 지역 기금에서 충당될 "
        "것이라고 시 관계자가 화요일 기자회견에서 밝혔다.",
    ],
}
CJK = ("ja", "zh", "ko")


def dump(language: str) -> str:
    return "\n\n".join(STORY[language]) + "\n"


def page(language: str, charset: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in STORY[language])
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="{charset}">'
        f"<title>Harbour wall</title></head>\n<body><article><h1>Harbour wall</h1>\n"
        f"{paragraphs}</article></body></html>\n"
    )


def assert_story(text: str, language: str) -> None:
    for paragraph in STORY[language]:
        assert paragraph in text


# --- empty --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    ["", b"", "   \n\t\r\n  ", b" \n\n\t ", "\u00a0\u3000\u2003\n", "\u200b\ufeff\u200d"],
    ids=["str", "bytes", "spaces", "space-bytes", "unicode-spaces", "zero-width"],
)
def test_empty_and_whitespace_input(document: str | bytes) -> None:
    result = clean(document)
    assert (result.text, result.problem, result.kind) == ("", Problem.EMPTY, "unknown")
    if isinstance(document, str):
        assert clean(document.encode("utf-8")).problem == Problem.EMPTY


@pytest.mark.parametrize(
    "document",
    [codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), b"\x00\x00\x00"],
    ids=["utf8-bom", "utf16-bom-space", "nuls"],
)
def test_bom_or_nul_only_has_no_text(document: bytes) -> None:
    assert clean(document).problem in (Problem.EMPTY, Problem.BINARY)
    assert clean(document).text == ""


# --- binary -------------------------------------------------------------------------


def _random_bytes(size: int, seed: int = 6) -> bytes:
    return random.Random(seed).randbytes(size)


def _zip(compression: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        archive.writestr("article.txt", "\n\n".join(STORY["en"]))
    return buffer.getvalue()


BINARY = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random_bytes(20_000),
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + _random_bytes(5_000),
    "zip-stored": _zip(zipfile.ZIP_STORED),  # its member's text sits in it uncompressed
    "zip-deflated": _zip(zipfile.ZIP_DEFLATED),
    "gzip": gzip.compress(dump("en").encode()),
    "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
    "nul-bytes": b"\x00" * 10_000,
    "random": _random_bytes(50_000),
    "text-then-nuls": b"Some words before the zeros.\n" + b"\x00" * 4000,
}


@pytest.mark.parametrize("data", BINARY.values(), ids=BINARY.keys())
def test_binary_input(data: bytes) -> None:
    result = clean(data)
    assert (result.text, result.problem) == ("", Problem.BINARY)


def test_binary_read_as_latin1_text_is_binary_too() -> None:
    assert clean(BINARY["png"].decode("latin-1")).problem == Problem.BINARY
    assert clean(BINARY["random"].decode("latin-1")).problem == Problem.BINARY


@pytest.mark.parametrize(
    "opening",
    ["GIF is an image format. ", "PK said that ", "RIFF raids continued. ", "BZh... ", "%PDF "],
)
def test_text_opening_like_a_file_signature_is_text(opening: str) -> None:
    text = opening + dump("en")
    assert decode(text).problem is None
    assert decode(text.encode()).problem is None
    assert_story(clean(text.encode(), kind="text").text, "en")


def test_stray_control_characters_are_dropped_not_fatal() -> None:
    noisy = dump("en").replace("harbour", "har\x00bour", 1).replace("wall", "wall\x1b", 1)
    for document in (noisy, noisy.encode()):
        result = clean(document, kind="text")
        assert result.problem is None
        assert_story(result.text, "en")
        assert "\x00" not in result.text and "\x1b" not in result.text


def test_c1_controls_are_dropped_too() -> None:
    # A caller decoded cp1252 as Latin-1: the curly quotes arrive as C1 controls.
    noisy = dump("en").replace("harbour", "\x93harbour\x94", 1).replace("wall", "wall\x81", 1)
    result = clean(noisy, kind="text")
    assert_story(result.text, "en")
    assert not any("\x80" <= ch <= "\x9f" for ch in result.text)
    assert clean(result.text, kind="text").text == result.text  # never binary the second time


def test_lone_surrogates_become_replacement_characters() -> None:
    result = clean(dump("en").replace("Monday", "Mon\udcffday"), kind="text")
    assert "Mon\ufffdday" in result.text
    result.text.encode("utf-8")  # writable, as the CLI must


# --- encodings ----------------------------------------------------------------------

ENCODED = [
    ("fr", "cp1252"),
    ("fr", "latin-1"),
    ("de", "latin-1"),
    ("es", "latin-1"),
    ("pl", "cp1250"),
    ("pl", "iso8859-2"),
    ("ru", "cp1251"),
    ("ru", "koi8-r"),
    ("ja", "shift_jis"),
    ("ja", "euc-jp"),
    ("ja", "iso2022_jp"),
    ("zh", "gb2312"),
    ("zh", "gbk"),
    ("ko", "euc-kr"),
]
UTF16 = [
    (language, encoding)
    for language in ("en", "fr", "ru", "ja", "zh")
    for encoding in ("utf-16", "utf-16-le", "utf-16-be")  # "utf-16" writes a BOM
]


def encode(text: str, encoding: str) -> bytes:
    if encoding == "latin-1":  # typographic apostrophes are not in Latin-1
        text = text.replace("’", "'")
    return text.encode(encoding)


def expected(language: str, encoding: str) -> str:
    text = dump(language)
    return text.replace("’", "'") if encoding == "latin-1" else text


@pytest.mark.parametrize(("language", "encoding"), ENCODED + UTF16)
def test_dump_in_legacy_or_wide_encoding_decodes_to_its_words(language: str, encoding: str) -> None:
    decoded = decode(encode(dump(language), encoding))
    assert decoded.problem is None
    assert decoded.text == expected(language, encoding)


@pytest.mark.parametrize(
    ("language", "encoding"), [(lang, enc) for lang, enc in ENCODED + UTF16 if lang not in CJK]
)
def test_dump_in_legacy_or_wide_encoding_is_cleaned(language: str, encoding: str) -> None:
    result = clean(encode(dump(language), encoding), kind="text")
    assert result.problem is None
    assert result.text == expected(language, encoding).strip()


@pytest.mark.parametrize("language", CJK)
def test_clean_cjk_dump_comes_back_whole(language: str) -> None:
    # Nothing in it is furniture a rule can name, so nothing is cut (cleaner.settle).
    assert_story(clean(dump(language), kind="text").text, language)


@pytest.mark.parametrize("language", CJK)
def test_cjk_dump_with_menus_keeps_its_paragraphs(language: str) -> None:
    document = "Home\nNews\nSign in\n" + dump(language) + "Privacy policy\n"
    result = clean(document, kind="text")
    assert_story(result.text, language)
    assert result.language == language
    for menu in ("Home", "Sign in", "Privacy policy"):
        assert menu not in result.text


# The HTML declares one charset and its bytes are in another.
MISLABELLED = [
    ("fr", "iso-8859-1", "utf-8"),
    ("fr", "utf-8", "cp1252"),
    ("de", "utf-8", "latin-1"),
    ("fr", "iso-8859-1", "cp1252"),  # browsers read the Latin-1 label as cp1252
    ("ru", "windows-1252", "koi8-r"),
    ("ru", "utf-8", "cp1251"),
    ("ja", "iso-8859-1", "shift_jis"),
    ("ja", "utf-8", "euc-jp"),
    ("zh", "utf-8", "gb2312"),
    ("zh", "windows-1252", "gbk"),
    ("ko", "iso-8859-1", "euc-kr"),
]
CORRECTLY_LABELLED = [
    ("fr", "windows-1252", "cp1252"),
    ("pl", "iso-8859-2", "iso8859-2"),
    ("ru", "koi8-r", "koi8-r"),
    ("ja", "shift_jis", "shift_jis"),
    ("zh", "gb2312", "gb2312"),
]


@pytest.mark.parametrize(("language", "declared", "actual"), MISLABELLED + CORRECTLY_LABELLED)
def test_html_meta_charset_is_checked_against_its_bytes(
    language: str, declared: str, actual: str
) -> None:
    data = encode(page(language, declared), actual)
    paragraphs = expected(language, actual).strip().split("\n\n")
    decoded = decode(data).text
    assert all(f"<p>{paragraph}</p>" in decoded for paragraph in paragraphs)
    result = clean(data)
    assert result.kind == "html"
    assert all(paragraph in result.text for paragraph in paragraphs)


def test_utf8_page_with_stray_cp1252_bytes_stays_utf8() -> None:
    text = dump("fr")
    data = text.encode("utf-8").replace(b"digue", b"\x93digue\x94")  # pasted curly quotes
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == text.replace("digue", "“digue”")


def test_utf8_cut_off_mid_character_keeps_the_rest() -> None:
    data = dump("ru").encode("utf-8")[:-2]  # "." and newline gone, then half a letter
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(STORY["ru"][0])


def test_undecodable_bytes_are_refused() -> None:
    # High bytes only, no line breaks, no letters in any encoding: nothing to read.
    data = bytes(range(0x80, 0x100)) * 40
    result = clean(data)
    assert result.text == ""
    assert result.problem in (Problem.UNDECODABLE, Problem.BINARY)


def test_decoding_reports_the_encoding() -> None:
    assert decode(dump("ru").encode("koi8-r")).encoding == "koi8-r"
    assert decode(dump("ja").encode("utf-16-le")).encoding == "utf-16-le"
    assert decode(dump("en").encode("utf-8")).encoding == "utf-8"
    assert decode(dump("en")).encoding is None


# --- the files in fixtures/bad (for the CLI's tests too) ----------------------------

BAD_FIXTURES = {
    "empty.txt": Problem.EMPTY,
    "whitespace.txt": Problem.EMPTY,
    "image.png": Problem.BINARY,
    "latin1_label_utf8_bytes.html": STORY["fr"],
    "utf8_label_cp1252_bytes.html": STORY["fr"],
    "latin1_label_shift_jis_bytes.html": STORY["ja"],
    "cp1252_label_koi8r_bytes.html": STORY["ru"],
    "utf16le_no_bom.txt": STORY["ru"],
    "gb2312.txt": STORY["zh"],
    "html_comments_then_text.txt": ["<!--a-->" * 30 + "x"],
}


@pytest.mark.parametrize(("name", "expected"), BAD_FIXTURES.items(), ids=BAD_FIXTURES.keys())
def test_bad_fixture(fixtures: Path, name: str, expected: Problem | list[str]) -> None:
    data = (fixtures / "bad" / name).read_bytes()
    if isinstance(expected, Problem):
        assert clean(data).problem == expected
    else:
        decoded = decode(data)
        assert decoded.problem is None
        assert all(paragraph in decoded.text for paragraph in expected)


def test_nul_beside_a_wide_utf8_character_is_not_utf16() -> None:
    """Fuzzing found "\\x00\\u0800" read as UTF-16 ("àꂀ"): valid UTF-8 past ASCII
    keeps its reading, and the NUL goes like any control; str and bytes agree."""
    text = "\x00\u0800" * 4  # NUL in every even byte, as UTF-16 BE would have
    decoded = decode(text.encode())
    assert decoded.encoding == "utf-8"
    assert "à" not in decoded.text
    assert decode(text) == decoded
