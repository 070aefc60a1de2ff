"""WARC and WET input as crawlers write it, built here with warcio: Common Crawl's WET
text, HTTP-encoded responses, records that hold no page, and cut-off archives."""

from __future__ import annotations

import gzip
import json
import zlib
from io import BytesIO
from pathlib import Path

import brotli
import pytest

from cleaner import clean, cli, warc
from cleaner.httpbody import BodyError, read_body
from cleaner.iso639 import language_hint
from cleaner.sources import Failure
from tests.test_cli import HTML, MASTHEAD, SEED, html_page, records, run, site_page

NEWSWEEK = SEED.parent / "seed_newsweek_via_aggregator.txt"
WARC_DATE = "2026-11-02T10:20:30Z"
RUSSIAN = "Городской совет проголосовал за восстановление старой морской стены в гавани."


def writer_for(handle: BytesIO) -> object:
    from warcio.warcwriter import WARCWriter

    return WARCWriter(handle, gzip=True)


def wet_record(writer: object, uri: str, text: str, language: str | None) -> None:
    """A Common Crawl WET `conversion` record."""
    headers = {"WARC-Date": WARC_DATE}
    if language is not None:
        headers["WARC-Identified-Content-Language"] = language
    record = writer.create_warc_record(  # type: ignore[attr-defined]
        uri, "conversion", payload=BytesIO(text.encode("utf-8")),
        warc_content_type="text/plain", warc_headers_dict=headers,
    )  # fmt: skip
    writer.write_record(record)  # type: ignore[attr-defined]


def make_wet(path: Path, pages: list[tuple[str, str, str | None]]) -> None:
    """A WET file as Common Crawl writes it: a warcinfo record, then one conversion
    record per (uri, text, language annotation)."""
    with path.open("wb") as handle:
        writer = writer_for(handle)  # type: ignore[arg-type]
        info = writer.create_warcinfo_record(path.name, {"software": "test"})  # type: ignore[attr-defined]
        writer.write_record(info)  # type: ignore[attr-defined]
        for uri, text, language in pages:
            wet_record(writer, uri, text, language)


def response(
    writer: object,
    uri: str,
    body: bytes,
    headers: list[tuple[str, str]],
    record_type: str = "response",
) -> None:
    from warcio.statusandheaders import StatusAndHeaders

    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(  # type: ignore[attr-defined]
        uri, record_type, payload=BytesIO(body), http_headers=http
    )
    writer.write_record(record)  # type: ignore[attr-defined]


def make_warc(path: Path, cases: list[tuple[str, bytes, list[tuple[str, str]]]]) -> None:
    with path.open("wb") as handle:
        writer = writer_for(handle)  # type: ignore[arg-type]
        for uri, body, headers in cases:
            response(writer, uri, body, headers)


def chunked(body: bytes, size: int = 100) -> bytes:
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


def deflated(body: bytes) -> bytes:
    return zlib.compress(body)  # HTTP's deflate: the zlib format


PAGE = HTML.read_bytes()
PAGE_HOST = "https://coastal-courier.example"


# --- WET ------------------------------------------------------------------------------


def wet_pages() -> list[tuple[str, str, str | None]]:
    return [
        ("https://kyivindependent.com/a", SEED.read_text(encoding="utf-8"), "eng"),
        ("https://www.newsweek.com/b", NEWSWEEK.read_text(encoding="utf-8"), "eng,deu"),
        ("https://harbour-gazette.example/1", site_page(1), None),
    ]


def test_wet_records_are_cleaned_as_text_like_clean(tmp_path: Path) -> None:
    wet = tmp_path / "CC-MAIN-test.warc.wet.gz"
    pages = wet_pages()
    make_wet(wet, pages)
    result = run(wet, "--jsonl-out", tmp_path / "out.jsonl", "-j", "1")
    out = records((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert result.exit_code == cli.EXIT_OK
    assert [r["url"] for r in out] == [uri for uri, _, _ in pages]
    assert all(r["warc_date"] == WARC_DATE for r in out)
    assert all(str(r["id"]).startswith("<urn:uuid:") for r in out)
    assert len({r["id"] for r in out}) == len(pages)
    for record, (uri, text, annotation) in zip(out, pages, strict=True):
        expected = clean(text, uri, kind="text", language=language_hint(annotation))
        assert record["text"] == expected.text
        assert record["text"]  # each page has an article
    assert "Newsweek AI is in beta" not in str(out[1]["text"])
    assert "records without a page, not cleaned: warcinfo 1" in result.stderr


def test_wet_language_annotation_is_the_language_used(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    wet = tmp_path / "a.warc.wet"
    make_wet(wet, [("https://a.example/1", text, "deu,eng"), ("https://b.example/2", text, "jpn")])
    out = records(run(wet, "-j", "1", "--no-learn-furniture").stdout)
    assert out[0]["language"] == "de"  # the annotation's first language
    assert out[1]["language"] == "en"  # no stoplist for Japanese: guessed from the text


@pytest.mark.parametrize(
    ("annotation", "hint"),
    [
        ("eng", "English"),
        ("deu,eng", "German"),
        ("lat,ita", "Italian"),  # lorem ipsum is passed over, as the guesser does
        ("jpn,eng", None),  # the first language decides, and it has no stoplist
        ("", None),
        (None, None),
        ("xx", None),
    ],
)
def test_language_hint(annotation: str | None, hint: str | None) -> None:
    assert language_hint(annotation) == hint


def test_wet_furniture_is_learned_per_host(tmp_path: Path) -> None:
    wet = tmp_path / "site.warc.wet.gz"
    make_wet(wet, [(f"https://harbour-gazette.example/{n}", site_page(n), "eng") for n in range(4)])
    learned = records(run(wet, "-j", "1").stdout)
    plain = records(run(wet, "-j", "1", "--no-learn-furniture").stdout)
    assert all(MASTHEAD not in str(r["text"]) for r in learned)
    assert all(MASTHEAD in str(r["text"]) for r in plain)
    assert all("story" in str(r["text"]) for r in learned)


def test_wet_site_rules_apply(tmp_path: Path) -> None:
    text = NEWSWEEK.read_text(encoding="utf-8")
    wet = tmp_path / "a.warc.wet.gz"
    make_wet(wet, [("https://www.newsweek.com/b", text, "eng")])
    with_rules = records(run(wet, "-j", "1").stdout)[0]
    without = records(run(wet, "-j", "1", "--no-site-rules").stdout)[0]
    assert with_rules["text"] == clean(text, "https://www.newsweek.com/b", kind="text").text
    assert without["text"] == clean(text, "https://www.newsweek.com/b", kind="text",
                                    site_rules=False).text  # fmt: skip
    assert with_rules["text"] != without["text"]


# --- responses as crawlers write them -------------------------------------------------


@pytest.mark.parametrize(
    ("encode", "headers"),
    [
        (gzip.compress, [("Content-Encoding", "gzip")]),
        (deflated, [("Content-Encoding", "deflate")]),
        (brotli.compress, [("Content-Encoding", "br")]),
        (chunked, [("Transfer-Encoding", "chunked")]),
        (lambda b: chunked(gzip.compress(b)),
         [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]),
    ],
    ids=["gzip", "deflate", "br", "chunked", "chunked-gzip"],
)  # fmt: skip
def test_encoded_response_bodies_are_decoded(
    tmp_path: Path, encode: object, headers: list[tuple[str, str]]
) -> None:
    path = tmp_path / "crawl.warc.gz"
    body = encode(PAGE)  # type: ignore[operator]
    make_warc(path, [(f"{PAGE_HOST}/a", body, [("Content-Type", "text/html"), *headers])])
    result = run(path, "-j", "1", "--no-learn-furniture")
    out = records(result.stdout)
    assert result.exit_code == cli.EXIT_OK
    assert out[0]["text"] == clean(PAGE, f"{PAGE_HOST}/a").text
    assert "sea wall" in str(out[0]["text"])


def russian_page(meta: str = "") -> bytes:
    paragraphs = "".join(f"<p>{RUSSIAN} {n}</p>" for n in range(6))
    head = f"<head>{meta}<title>Новости</title></head>"
    return f"<html>{head}<body><article>{paragraphs}</article></body></html>".encode("cp1251")


def test_charset_comes_from_the_header_then_the_page(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    make_warc(path, [
        (f"{PAGE_HOST}/header", russian_page(),
         [("Content-Type", "text/html; charset=windows-1251")]),
        (f"{PAGE_HOST}/meta", russian_page('<meta charset="windows-1251">'),
         [("Content-Type", "text/html")]),
        (f"{PAGE_HOST}/quote", html_page(
            "The council \u201cvoted\u201d on Monday to rebuild the old sea wall of the harbour "
            "after two storms, ending a long debate among the residents of the town.\n\n"
            "Engineers said the work would take two years and cost less than first feared."
         ).encode("cp1252"), [("Content-Type", "text/html; charset=ISO-8859-1")]),
    ])  # fmt: skip
    out = records(run(path, "-j", "1", "--no-learn-furniture").stdout)
    assert RUSSIAN in str(out[0]["text"])
    assert RUSSIAN in str(out[1]["text"])
    assert "\u201cvoted\u201d" in str(out[2]["text"])  # the Latin-1 label read as cp1252


def test_records_without_a_page_are_counted_not_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = writer_for(handle)
        request = writer.create_warc_record(  # type: ignore[attr-defined]
            f"{PAGE_HOST}/a", "request", payload=BytesIO(b"GET /a HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)  # type: ignore[attr-defined]
        response(writer, f"{PAGE_HOST}/a", PAGE, [("Content-Type", "text/html")])
        for name, body, content_type in [
            ("a.pdf", b"%PDF-1.7\n...", "application/pdf"),
            ("b.jpg", b"\xff\xd8\xff\xe0", "image/jpeg"),
            ("c.jpg", b"\xff\xd8\xff\xe1", "image/jpeg"),
            ("api", b'{"a": 1}', "application/json; charset=utf-8"),
        ]:
            response(writer, f"{PAGE_HOST}/{name}", body, [("Content-Type", content_type)])
        dns = writer.create_warc_record(  # type: ignore[attr-defined]
            "dns:coastal-courier.example", "response", warc_content_type="text/dns",
            payload=BytesIO(b"coastal-courier.example. 300 IN A 192.0.2.1\n"),
        )  # fmt: skip
        writer.write_record(dns)  # type: ignore[attr-defined]
        revisit = writer.create_revisit_record(  # type: ignore[attr-defined]
            f"{PAGE_HOST}/a", "sha1:AAAA", f"{PAGE_HOST}/a", WARC_DATE
        )
        writer.write_record(revisit)  # type: ignore[attr-defined]
    items = list(warc.items(str(path)))
    assert [i.skipped for i in items] == [
        "request", None, "application/pdf", "image/jpeg", "image/jpeg", "application/json",
        "text/dns", "revisit",
    ]  # fmt: skip
    result = run(path, "-j", "1")
    assert [r["url"] for r in records(result.stdout)] == [f"{PAGE_HOST}/a"]
    assert result.exit_code == cli.EXIT_OK
    assert "1 documents: 1 cleaned" in result.stderr
    assert (
        "records without a page, not cleaned: image/jpeg 2, request 1, application/pdf 1, "
        "application/json 1, text/dns 1, revisit 1"
    ) in result.stderr


def test_a_record_over_the_size_limit_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    make_warc(path, [
        (f"{PAGE_HOST}/big", gzip.compress(b" " * 5000 + PAGE),
         [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]),
        (f"{PAGE_HOST}/a", PAGE, [("Content-Type", "text/html")]),
    ])  # fmt: skip
    items = list(warc.items(str(path), limit=len(PAGE) + 100))
    assert [i.failure for i in items] == [Failure.TOO_LARGE, None]
    assert items[0].payload == b""
    assert items[1].payload == PAGE


# --- broken archives -----------------------------------------------------------------


def crawl_bytes(tmp_path: Path, compressed: bool) -> tuple[bytes, list[str]]:
    """A WARC of a request, three responses and a WET record, and its record ids."""
    path = tmp_path / "whole.warc.gz"
    with path.open("wb") as handle:
        writer = writer_for(handle)
        response(writer, f"{PAGE_HOST}/a", PAGE, [("Content-Type", "text/html")])
        response(writer, f"{PAGE_HOST}/logo.png", b"\x89PNG\r\n", [("Content-Type", "image/png")])
        response(writer, f"{PAGE_HOST}/b", html_page(site_page(2)).encode(),
                 [("Content-Type", "text/html"), ("Content-Encoding", "identity")])  # fmt: skip
        wet_record(writer, f"{PAGE_HOST}/c", site_page(3), "eng")
    ids = [str(i.id) for i in warc.items(str(path))]
    data = path.read_bytes()
    return (data if compressed else gzip.decompress(data)), ids


def record_ends(path: Path) -> set[int]:
    """Offsets where a record of the file ends: a cut there loses nothing."""
    from warcio.archiveiterator import ArchiveIterator

    ends = {0}
    with path.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        for _ in iterator:
            ends.add(iterator.get_record_offset())
        ends.add(iterator.offset)
    return ends


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_a_cut_archive_gives_the_records_before_the_cut_then_an_error(
    tmp_path: Path, compressed: bool
) -> None:
    """Cut everywhere: what is read is always whole records from the start, in order,
    and then one error item, unless the cut falls where a record ends or in the blank
    lines after it (a .gz cut in a member's 8-byte trailer, after its record, is a cut)."""
    data, _ = crawl_bytes(tmp_path, compressed)
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    path.write_bytes(data)
    whole = [(i.id, i.payload, i.skipped) for i in warc.items(str(path))]
    ends = record_ends(path)
    for cut in range(1, len(data), 3):
        path.write_bytes(data[:cut])
        found = list(warc.items(str(path)))
        read = [(i.id, i.payload, i.skipped) for i in found if i.failure is None]
        assert read == whole[: len(read)], cut
        if any(cut <= end and not data[cut:end].strip() for end in ends):
            assert len(found) == len(read), cut  # at a record's end, or in its blank lines
            continue
        assert len(found) == len(read) + 1, cut
        assert found[-1].failure is Failure.UNREADABLE
        assert found[-1].message.startswith(f"{path}: cannot be read (")


def test_a_cut_archive_through_the_command(tmp_path: Path) -> None:
    data, ids = crawl_bytes(tmp_path, compressed=False)
    path = tmp_path / "cut.warc"
    header_end = data.rindex(b"WARC-Type: conversion") + 5  # inside the last record's head
    path.write_bytes(data[:header_end])
    result = run(path, "-j", "1")
    out = records(result.stdout)
    assert result.exit_code == cli.EXIT_PARTIAL
    assert "Traceback" not in result.stderr + result.stdout
    assert [r["id"] for r in out[:2]] == [ids[0], ids[2]]
    assert out[2]["error"]["reason"] == "unreadable_input"  # type: ignore[index]
    assert "3 documents: 2 cleaned, 0 without an article, 1 failed" in result.stderr
    assert "image/png 1" in result.stderr


ZEROS_MEMBER = 1 << 24
BOMB_MEMBERS = 128
"""A .gz of 2 GB of zeros: one 16 MB member of zeros (16 kB packed), written 128 times
(gzip readers unpack every member in turn)."""


def write_bomb(path: Path) -> None:
    member = gzip.compress(bytes(ZEROS_MEMBER), compresslevel=1)
    with path.open("wb") as handle:
        for _ in range(BOMB_MEMBERS):
            handle.write(member)


def test_a_decompression_bomb_is_refused_at_the_size_limit(tmp_path: Path) -> None:
    import time

    bomb = tmp_path / "page.txt.gz"
    write_bomb(bomb)
    started = time.perf_counter()
    result = run(bomb)
    elapsed = time.perf_counter() - started
    assert result.exit_code == cli.EXIT_INPUT
    assert "larger than the size limit" in result.stderr
    assert elapsed < 1.0  # unpacking all of it takes 15-30 s


def test_a_bomb_in_a_folder_fails_alone(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    write_bomb(pages / "bomb.txt.gz")
    (pages / "page.txt").write_bytes(SEED.read_bytes())
    result = run(pages, "--jsonl-out", "-", "-j", "1")
    out = {str(r["id"]).rsplit("/", 1)[-1]: r for r in records(result.stdout)}
    assert result.exit_code == cli.EXIT_PARTIAL
    assert out["bomb.txt.gz"]["error"]["reason"] == "input_too_large"  # type: ignore[index]
    assert out["page.txt"]["text"]


def test_every_record_is_accounted_for(tmp_path: Path) -> None:
    data, ids = crawl_bytes(tmp_path, compressed=True)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    result = run(path, "-j", "1", "--jsonl-out", tmp_path / "out.jsonl")
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    skipped = result.stderr.split("not cleaned: ")[1].split()
    assert len(out) + int(skipped[1]) == len(ids)


# --- HTTP bodies -----------------------------------------------------------------------


@pytest.mark.parametrize("pack", [gzip.compress, deflated, brotli.compress, lambda b: b])
def test_a_packed_body_stops_at_the_limit(pack: object) -> None:
    body = pack(bytes(50_000_000))  # type: ignore[operator]
    found = read_body(BytesIO(body), _coding(pack), 1000)
    assert found == bytes(1001)


def _coding(pack: object) -> str | None:
    return {gzip.compress: "gzip", deflated: "deflate", brotli.compress: "br"}.get(pack)  # type: ignore[call-overload]


def test_a_body_labelled_packed_but_plain_is_taken_as_it_is() -> None:
    assert read_body(BytesIO(PAGE), "gzip", len(PAGE)) == PAGE
    assert read_body(BytesIO(PAGE), "x-unknown", len(PAGE)) == PAGE


def test_raw_deflate_is_read_too() -> None:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    raw = packer.compress(PAGE) + packer.flush()
    assert read_body(BytesIO(raw), "deflate", len(PAGE)) == PAGE


def test_a_body_corrupt_after_its_start_fails_its_record(tmp_path: Path) -> None:
    packed = bytearray(gzip.compress(PAGE * 40))
    packed[20:40] = b"\xff" * 20  # gzip's header whole, its deflate data broken
    with pytest.raises(BodyError):
        read_body(BytesIO(bytes(packed)), "gzip", 10**7)
    path = tmp_path / "crawl.warc.gz"
    make_warc(path, [
        (f"{PAGE_HOST}/bad", bytes(packed),
         [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]),
        (f"{PAGE_HOST}/a", PAGE, [("Content-Type", "text/html")]),
    ])  # fmt: skip
    assert [i.failure for i in warc.items(str(path))] == [Failure.BAD_RECORD, None]


def test_a_jsonl_line_past_any_record_ends_the_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cleaner import sources

    monkeypatch.setattr(sources, "LONGEST_LINE", 100_000)
    good = json.dumps({"id": "one", "text": SEED.read_text(encoding="utf-8")}).encode() + b"\n"
    path = tmp_path / "in.jsonl.gz"
    write_bomb(path)  # 2 GB of zeros, no newline
    path.write_bytes(gzip.compress(good) + path.read_bytes())
    result = run("--jsonl", path, "-j", "1")
    out = records(result.stdout)
    assert result.exit_code == cli.EXIT_PARTIAL
    assert out[0]["id"] == "one" and out[0]["text"]
    assert out[1]["error"]["reason"] == "input_too_large"  # type: ignore[index]
    assert "line 2 is longer than 100000 bytes; the rest of the file is not read" in result.stderr


def test_gunzip_reads_what_gzip_reads_and_stops_at_the_limit() -> None:
    from cleaner.sources import gunzip

    page = SEED.read_bytes()
    packed = gzip.compress(page) + gzip.compress(b"tail") + b"\x00" * 8
    assert gunzip(packed, 10**7) == gzip.decompress(packed) == page + b"tail"
    with pytest.raises(OverflowError):
        gunzip(packed, len(page))
    assert gunzip(packed, len(page) + 4) == page + b"tail"
    with pytest.raises(EOFError):
        gunzip(gzip.compress(page)[:-4], 10**7)  # cut in its trailer


def test_resource_records_of_html_are_cleaned_and_metadata_is_counted(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = writer_for(handle)
        for uri, record_type, content_type in [
            (f"{PAGE_HOST}/a", "resource", "text/html; charset=utf-8"),
            (f"{PAGE_HOST}/a", "metadata", "application/warc-fields"),
            (f"{PAGE_HOST}/a.css", "resource", "text/css"),
        ]:
            record = writer.create_warc_record(  # type: ignore[attr-defined]
                uri, record_type, payload=BytesIO(PAGE), warc_content_type=content_type
            )
            writer.write_record(record)  # type: ignore[attr-defined]
    found = list(warc.items(str(path)))
    assert [(i.skipped, i.charset) for i in found] == [
        (None, "utf-8"), ("metadata", None), ("text/css", None),
    ]  # fmt: skip
    assert found[0].payload == PAGE
