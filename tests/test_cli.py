"""The `clean` command through click's CliRunner: one page, folders, JSON Lines, WARC."""

from __future__ import annotations

import gzip
import json
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner import batch, clean, cli
from tests.conftest import FIXTURES
from tests.helpers import PROSE

SEED = FIXTURES / "text" / "seed_kyiv_independent.txt"
HTML = FIXTURES / "html" / "synthetic_news.html"
MASTHEAD = "The Harbour Gazette has been read by the families of this coast since 1921."
"""A furniture line the generic rules keep (it reads like prose) but learning drops."""


def site_page(story: int) -> str:
    article = [f"Part {i} of story {story}: {PROSE[i % len(PROSE)]}" for i in range(3)]
    return "\n\n".join(["Home", "News", "Sport", *article, MASTHEAD, "Sign up for our newsletter"])


def html_page(text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    head = "<head><title>Story</title></head>"
    return f"<html>{head}<body><article>{paragraphs}</article></body></html>"


def make_tree(root: Path) -> Path:
    """pages/a.txt, pages/b.txt.gz, pages/site/{1..4}.txt, pages/bad.html."""
    pages = root / "pages"
    (pages / "site").mkdir(parents=True)
    (pages / "a.txt").write_bytes(SEED.read_bytes())
    (pages / "b.txt.gz").write_bytes(gzip.compress(SEED.read_bytes()))
    for n in range(1, 5):
        (pages / "site" / f"{n}.txt").write_text(site_page(n), encoding="utf-8")
    (pages / "bad.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return pages


def make_jsonl(path: Path) -> list[str]:
    """Five lines: two good records, a broken line, a record without a document, HTML."""
    lines = [
        json.dumps({"id": "one", "url": "https://kyivindependent.com/a", "text": SEED.read_text()}),
        "{not json",
        json.dumps({"id": "three", "text": site_page(1)}),
        json.dumps({"id": "four", "url": "https://example.com/x"}),
        json.dumps({"id": "five", "html": HTML.read_text()}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def make_warc(path: Path) -> None:
    """Two HTML responses, an image response and a request record, written by warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = [
        ("https://coastal-courier.example/a", "text/html; charset=utf-8", HTML.read_bytes()),
        ("https://coastal-courier.example/logo.png", "image/png", b"\x89PNG\r\n"),
        ("https://coastal-courier.example/b", "text/html", html_page(site_page(2)).encode()),
    ]
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        get = BytesIO(b"GET /a HTTP/1.1\r\n\r\n")
        request = writer.create_warc_record(records[0][0], "request", payload=get)
        writer.write_record(request)
        for uri, content_type, body in records:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri, "response", payload=BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def run(*args: str | Path, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli.main, [str(a) for a in args], input=stdin)


def records(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


# --- one page (unchanged behaviour) -------------------------------------------------


def test_single_file_prints_the_body() -> None:
    result = run(SEED)
    assert result.exit_code == cli.EXIT_OK
    assert result.stdout == clean(SEED.read_bytes()).text + "\n"


def test_single_file_json_and_stdin() -> None:
    result = run("-", "--format", "json", "--url", "https://kyivindependent.com/a",
                 stdin=SEED.read_bytes())  # fmt: skip
    payload = json.loads(result.stdout)
    assert result.exit_code == 0
    assert payload["url"] == "https://kyivindependent.com/a"
    assert payload["removed"]


def test_no_markdown_keeps_a_markdown_dumps_links() -> None:
    menu = "".join(f"  * [Section {n}](/s/{n})\n" for n in range(6))
    story = PROSE[1].replace("two winter storms", "[two winter storms](/storms)")
    dump = f"Skip to content\n\n{menu}\n{PROSE[0]}\n\n{story}\n\n{PROSE[2]}\n"
    read = run("-", stdin=dump)
    kept = run("-", "--no-markdown", stdin=dump)
    assert read.exit_code == kept.exit_code == cli.EXIT_OK
    assert "two winter storms had" in read.stdout
    assert "[two winter storms](/storms) had" in kept.stdout


def test_single_missing_file_is_an_input_error() -> None:
    result = run("nowhere.txt")
    assert result.exit_code == cli.EXIT_INPUT
    assert "clean: error: nowhere.txt: no such file" in result.stderr


def test_single_directory_without_out_dir_is_an_input_error(tmp_path: Path) -> None:
    result = run(tmp_path)
    assert result.exit_code == cli.EXIT_INPUT
    assert "is a directory, not a page" in result.stderr
    assert "--out-dir" in result.stderr


def test_single_output_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "body.txt"
    assert run(SEED, "-o", target).exit_code == 0
    assert target.read_text(encoding="utf-8") == clean(SEED.read_bytes()).text + "\n"
    assert [p.name for p in tmp_path.iterdir()] == ["body.txt"]


# --- folders ------------------------------------------------------------------------


def test_out_dir_mirrors_the_tree(tmp_path: Path) -> None:
    pages = make_tree(tmp_path)
    out = tmp_path / "out"
    result = run(pages, "--out-dir", out, "--jobs", "1")
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["a.txt", "b.txt", "site/1.txt", "site/2.txt", "site/3.txt", "site/4.txt"]
    assert (out / "a.txt").read_text() == (out / "b.txt").read_text(), ".gz read transparently"
    assert result.exit_code == cli.EXIT_PARTIAL, "bad.html failed"
    assert f"clean: error: {pages / 'bad.html'}: the input is binary data" in result.stderr
    assert "7 documents: 6 cleaned, 0 without an article, 1 failed" in result.stderr
    assert "blocks removed: " in result.stderr


def test_out_dir_json_format_uses_json_extension(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(SEED, HTML, "--out-dir", out, "--format", "json", "-j", "1")
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "seed_kyiv_independent.json",
        "synthetic_news.json",
    ]
    assert json.loads((out / "synthetic_news.json").read_text())["kind"] == "html"


def test_learned_furniture_drops_the_masthead(tmp_path: Path) -> None:
    pages = make_tree(tmp_path)
    learned, plain = tmp_path / "learned", tmp_path / "plain"
    run(pages / "site", "--out-dir", learned, "-j", "1")
    run(pages / "site", "--out-dir", plain, "-j", "1", "--no-learn-furniture")
    assert MASTHEAD in (plain / "1.txt").read_text()
    assert MASTHEAD not in (learned / "1.txt").read_text()
    assert "Part 0 of story 1" in (learned / "1.txt").read_text()


def test_learned_furniture_drops_a_markdown_dumps_linked_masthead(tmp_path: Path) -> None:
    """Furniture is learned from a markdown dump as it is cleaned: the masthead's
    link text, not the markdown line with its URL."""
    site = tmp_path / "md"
    site.mkdir()
    menu = "".join(f"  * [Section {n}](/s/{n})\n" for n in range(5))
    for n in range(1, 5):
        page = site_page(n).replace(MASTHEAD, f"[{MASTHEAD}](https://gazette.example/)")
        (site / f"{n}.txt").write_text(f"{menu}\n{page}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run(site, "--out-dir", out, "-j", "1").exit_code == cli.EXIT_OK
    body = (out / "1.txt").read_text()
    assert "Part 0 of story 1" in body
    assert MASTHEAD not in body
    assert "](" not in body


@pytest.mark.parametrize("inside", ["pages", "pages/site", "."])
def test_out_dir_that_would_hold_or_sit_in_an_input_is_refused(tmp_path: Path, inside: str) -> None:
    pages = make_tree(tmp_path)
    out = tmp_path / inside if inside != "." else tmp_path
    before = sorted(pages.rglob("*"))
    result = run(pages / "a.txt" if inside == "." else pages, "--out-dir", out)
    assert result.exit_code == cli.EXIT_USAGE
    assert "would hold the input" in result.stderr
    assert sorted(pages.rglob("*")) == before


def test_missing_file_in_a_batch_fails_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(tmp_path / "gone.txt", SEED, "--out-dir", out, "-j", "1")
    assert result.exit_code == cli.EXIT_PARTIAL
    assert "gone.txt: no such file" in result.stderr
    assert (out / "seed_kyiv_independent.txt").exists()


def test_jobs_2_writes_the_same_files_as_jobs_1(tmp_path: Path) -> None:
    pages = make_tree(tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    results = [run(pages, "--out-dir", one, "-j", "1"), run(pages, "--out-dir", two, "-j", "2")]
    assert [r.exit_code for r in results] == [cli.EXIT_PARTIAL] * 2, "bad.bin fails in both"
    files = sorted(str(p.relative_to(one)) for p in one.rglob("*") if p.is_file())
    assert files == ["a.txt", "b.txt", "site/1.txt", "site/2.txt", "site/3.txt", "site/4.txt"]
    assert files == sorted(str(p.relative_to(two)) for p in two.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)
    assert "North Korea" in (two / "a.txt").read_text(encoding="utf-8")
    assert "Part 0 of story 3" in (two / "site" / "3.txt").read_text(encoding="utf-8")


# --- JSON Lines -----------------------------------------------------------------------


def test_jsonl_keeps_order_and_gives_error_records(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    make_jsonl(source)
    result = run("--jsonl", source, "-j", "1")
    out = records(result.stdout)
    assert [r["id"] for r in out] == ["one", 2, "three", "four", "five"]
    assert out[1]["error"]["reason"] == "bad_json"  # type: ignore[index]
    assert out[3]["error"]["reason"] == "missing_field"  # type: ignore[index]
    assert out[3]["url"] == "https://example.com/x"
    assert (
        out[0]["text"] == clean(SEED.read_text(), "https://kyivindependent.com/a", kind="text").text
    )
    assert set(out[0]) >= {"title", "author", "date", "site", "language", "removed_counts"}
    assert out[4]["title"] == clean(HTML.read_text()).title
    assert result.exit_code == cli.EXIT_PARTIAL
    assert f"{source}:2: not valid JSON" in result.stderr


def test_jsonl_fields_are_configurable_and_stdin_works() -> None:
    line = json.dumps({"key": 7, "body": SEED.read_text(), "link": "https://kyivindependent.com/a"})
    result = run("--jsonl", "-", "--text-field", "body", "--id-field", "key", "--url-field", "link",
                 stdin=line + "\n")  # fmt: skip
    (record,) = records(result.stdout)
    assert result.exit_code == 0
    assert (record["id"], record["url"]) == (7, "https://kyivindependent.com/a")
    assert "North Korea" in str(record["text"])


def test_jsonl_out_file_and_jobs_2_match_jobs_1(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    make_jsonl(source)
    results = [
        run("--jsonl", source, "--jsonl-out", tmp_path / "one.jsonl", "-j", "1"),
        run("--jsonl", source, "--jsonl-out", tmp_path / "two.jsonl", "-j", "2"),
    ]
    assert [r.exit_code for r in results] == [cli.EXIT_PARTIAL] * 2, "lines 2 and 4 fail"
    assert all(r.stdout == "" for r in results), "records go to the file, not stdout"
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    written = records((tmp_path / "two.jsonl").read_text())
    assert [r["id"] for r in written] == ["one", 2, "three", "four", "five"]
    assert "North Korea" in str(written[0]["text"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "one.jsonl", "two.jsonl"]


def test_gzipped_jsonl_is_read(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(gzip.compress(json.dumps({"text": SEED.read_text()}).encode() + b"\n"))
    (record,) = records(run("--jsonl", source).stdout)
    assert record["id"] == 1 and "North Korea" in str(record["text"])


def test_files_can_go_to_jsonl(tmp_path: Path) -> None:
    result = run(SEED, HTML, "--jsonl-out", tmp_path / "o.jsonl", "-j", "1")
    found = records((tmp_path / "o.jsonl").read_text())
    assert result.exit_code == 0
    assert [r["id"] for r in found] == [str(SEED), str(HTML)]


# --- WARC -----------------------------------------------------------------------------


def test_warc_html_responses_become_records(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    make_warc(warc)
    result = run(warc, "--jsonl-out", tmp_path / "out.jsonl", "-j", "1")
    out = records((tmp_path / "out.jsonl").read_text())
    assert result.exit_code == 0
    assert [r["url"] for r in out] == [
        "https://coastal-courier.example/a",
        "https://coastal-courier.example/b",
    ]
    assert all(str(r["warc_date"]).startswith("20") for r in out)
    assert all(str(r["id"]).startswith("<urn:uuid:") for r in out)
    assert "sea wall" in str(out[0]["text"])


def test_broken_warc_keeps_what_was_read(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc"
    make_warc(tmp_path / "whole.warc.gz")
    data = gzip.decompress((tmp_path / "whole.warc.gz").read_bytes())
    warc.write_bytes(data + b"this is no WARC record\r\n\r\n")
    result = run(warc, "-j", "1")
    out = records(result.stdout)
    assert result.exit_code == cli.EXIT_PARTIAL
    assert [r["url"] for r in out[:2]] == [
        "https://coastal-courier.example/a",
        "https://coastal-courier.example/b",
    ]
    assert out[2]["error"]["reason"] == "unreadable_input"  # type: ignore[index]
    assert "crawl.warc: cannot be read (Invalid WARC record" in result.stderr


# --- usage errors, interruption -------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((SEED, HTML), "several inputs need --out-dir"),
        (("--jsonl", "-", SEED), "give no FILE arguments"),
        (("--jsonl", "-", "--learn-furniture"), "cannot read standard input"),
        ((SEED, "--out-dir", "o", "--url", "https://x.example"), "--url applies to one page"),
        ((SEED, "--out-dir", "o", "-o", "x.txt"), "-o/--output is for one page"),
        (("--jsonl", "-", "--out-dir", "o"), "gives records, not files"),
        ((SEED, HTML, "--jsonl-out", "x.jsonl", "--explain"), "--explain does not apply"),
        ((SEED, "--out-dir", "o", "--jobs", "0"), "--jobs"),
        ((SEED, "--out-dir", "o", "--jsonl-out", "x.jsonl"), "choose one"),
        ((SEED, "--jsonl-out", SEED), "is an input of this batch"),
    ],
)
def test_usage_errors(args: tuple[object, ...], message: str) -> None:
    result = run(*map(str, args))
    assert result.exit_code == cli.EXIT_USAGE
    assert message in result.stderr


def test_missing_jsonl_input_is_an_input_error(tmp_path: Path) -> None:
    result = run("--jsonl", tmp_path / "none.jsonl")
    assert result.exit_code == cli.EXIT_INPUT
    assert "none.jsonl: no such file" in result.stderr


def test_ctrl_c_stops_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = make_tree(tmp_path)
    calls = []

    def interrupted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return clean(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "clean", interrupted)
    out = tmp_path / "out"
    result = run(pages, "--out-dir", out, "-j", "1", "--no-learn-furniture")
    assert result.exit_code == cli.EXIT_INTERRUPTED
    assert "interrupted: 2 documents finished" in result.stderr
    assert sorted(p.name for p in out.rglob("*")) == ["a.txt", "b.txt"], "no partial file"

    calls.clear()
    jsonl = tmp_path / "in.jsonl"
    make_jsonl(jsonl)
    result = run("--jsonl", jsonl, "--jsonl-out", tmp_path / "o.jsonl", "-j", "1")
    assert result.exit_code == cli.EXIT_INTERRUPTED
    assert not (tmp_path / "o.jsonl").exists()
    assert not list(tmp_path.glob(".clean-*"))


def test_quiet_batch_prints_only_failures(tmp_path: Path) -> None:
    pages = make_tree(tmp_path)
    result = run(pages, "--out-dir", tmp_path / "out", "-q", "-j", "1")
    assert result.exit_code == cli.EXIT_PARTIAL
    assert result.stderr.splitlines() == [
        f"clean: error: {pages / 'bad.html'}: the input is binary data, not a web page"
    ]


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    result = run(SEED, HTML, "--jsonl-out", tmp_path / "o.jsonl", "-j", "1")
    assert "doc/s" not in result.stderr and "\r" not in result.stderr
    assert "2 documents: 2 cleaned, 0 without an article, 0 failed" in result.stderr


# --- markdown and blocks ------------------------------------------------------------

GUIDE = FIXTURES / "html" / "structure_guide.html"


def test_format_markdown_prints_the_markdown_body() -> None:
    result = run(GUIDE, "--format", "markdown")
    assert result.exit_code == cli.EXIT_OK
    assert result.stdout == clean(GUIDE.read_bytes()).markdown + "\n"
    assert "\n## What you need\n" in result.stdout
    assert "\n  - Rinse the paper with hot water before use\n" in result.stdout


def test_links_and_images_options_reach_the_markdown() -> None:
    page = HTML.read_text(encoding="utf-8")
    plain = run("-", "--format", "markdown", stdin=page)
    linked = run("-", "--format", "markdown", "--links", "--images", stdin=page)
    assert plain.exit_code == linked.exit_code == cli.EXIT_OK
    expected = clean(page, links=True, images=True).markdown
    assert linked.stdout == expected + "\n"
    assert "](" not in plain.stdout


def test_json_lists_the_kept_blocks_and_explain_every_block() -> None:
    result = run(GUIDE, "--format", "json")
    payload = json.loads(result.stdout)
    blocks = payload["blocks"]
    assert all(set(b) == {"block", "kind", "level", "text"} for b in blocks)
    headings = {b["text"]: b["level"] for b in blocks if b["kind"] == "heading"}
    assert headings["The method, step by step"] == 2 and headings["A timer script"] == 3
    assert any(b["kind"] == "list_item" and b["level"] == 2 for b in blocks)
    assert [b["text"] for b in blocks] == payload["text"].split("\n\n")
    explained = json.loads(run(GUIDE, "--format", "json", "--explain").stdout)["blocks"]
    assert len(explained) == len(blocks) + len(payload["removed"])
    by_index = {b["block"]: b for b in explained}
    for removal in payload["removed"]:
        assert by_index[removal["block"]]["text"] == removal["text"]
        assert not by_index[removal["block"]]["kept"]
    for kept in blocks:
        assert by_index[kept["block"]]["kind"] == kept["kind"]


def test_out_dir_markdown_format_uses_md_extension(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(GUIDE, "--out-dir", out, "--format", "markdown", "-j", "1")
    assert result.exit_code == 0
    written = out / "structure_guide.md"
    assert written.read_text(encoding="utf-8") == clean(GUIDE.read_bytes()).markdown + "\n"


def test_jsonl_records_carry_a_markdown_body_on_request(tmp_path: Path) -> None:
    line = json.dumps({"id": "g", "html": GUIDE.read_text(encoding="utf-8")}) + "\n"
    text = records(run("--jsonl", "-", stdin=line).stdout)[0]
    markdown = records(run("--jsonl", "-", "--format", "markdown", stdin=line).stdout)[0]
    result = clean(GUIDE.read_bytes())
    assert text["text"] == result.text
    assert markdown["text"] == result.markdown
    assert {k: v for k, v in markdown.items() if k != "text"} == {
        k: v for k, v in text.items() if k != "text"
    }
