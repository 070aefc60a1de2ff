"""What a user meets first: which files a folder run takes, the size limit's option and
message, and `Result.language` agreeing with the JSON."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner, Result

from cleaner import clean, cli, sources
from tests.test_cli import SEED


def run(*args: object, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli.main, [str(a) for a in args], input=input)


def written(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())


def test_a_folder_run_takes_pages_and_leaves_gold_and_meta_files_alone(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    page = SEED.read_bytes()
    (pages / "foo.html").write_bytes(page)
    (pages / "foo.gold").write_text("the gold body", encoding="utf-8")
    (pages / "meta.json").write_text('{"source": "crawl"}', encoding="utf-8")
    (pages / "notes.md").write_text("# notes", encoding="utf-8")
    (pages / "sub" / "bar.HTM").write_bytes(page)
    (pages / "sub" / "baz.txt.gz").write_bytes(gzip.compress(page))
    (pages / "sub" / "baz.json.gz").write_bytes(gzip.compress(b"{}"))
    out = tmp_path / "out"
    result = run(pages, "--out-dir", out, "-j", "1")
    assert result.exit_code == cli.EXIT_OK, result.stderr
    assert written(out) == ["foo.txt", "sub/bar.txt", "sub/baz.txt"]
    assert "taken by" not in result.stderr, "foo.html beside foo.gold is no name clash"
    assert "left alone 4 file(s) that are not pages" in result.stderr
    assert "3 documents: 3 cleaned" in result.stderr


def test_a_file_named_on_the_command_line_is_taken_whatever_its_name(tmp_path: Path) -> None:
    page = tmp_path / "page.dump"
    page.write_bytes(SEED.read_bytes())
    result = run(page, "--out-dir", tmp_path / "out", "-j", "1", "-q")
    assert result.exit_code == cli.EXIT_OK, result.stderr
    assert written(tmp_path / "out") == ["page.txt"]


def test_two_pages_with_one_output_name_still_clash(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(SEED.read_bytes())
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    failures = [i.failure for i in sources.file_items([str(tmp_path)], ".txt")]
    assert failures == [None, sources.Failure.NAME_CLASH]


def test_is_page() -> None:
    taken = ["a.txt", "a.html", "a.htm", "A.HTML", "a.html.gz", "a.txt.gz"]
    left = ["a.json", "a.gold", "meta.json", "a.gz", "a.png", ".a.txt", "a.json.gz"]
    assert [n for n in taken + left if sources.is_page(n)] == taken


def test_the_size_limit_names_the_option_that_raises_it(tmp_path: Path) -> None:
    page = tmp_path / "big.txt"
    page.write_bytes(SEED.read_bytes())  # about 8 kB
    refused = run(page, "--max-input", "0.001")
    assert refused.exit_code == cli.EXIT_INPUT
    [line] = refused.stderr.splitlines()
    assert line.startswith(f"clean: error: {page}: the input is larger than the size limit")
    assert "--max-input MB" in line and "Traceback" not in refused.output
    assert run(page, "--max-input", "1").exit_code == cli.EXIT_OK


def test_the_size_limit_applies_to_every_document_of_a_batch(tmp_path: Path) -> None:
    page = tmp_path / "big.txt"
    page.write_bytes(SEED.read_bytes())
    out = tmp_path / "out.jsonl"
    result = run(page, SEED, "--max-input", "0.001", "--jsonl-out", out, "-j", "1", "-q")
    assert result.exit_code == cli.EXIT_PARTIAL
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["error"]["reason"] for r in records] == ["input_too_large", "input_too_large"]
    assert "--max-input MB" in records[0]["error"]["message"]


def test_max_input_must_be_positive() -> None:
    assert run(SEED, "--max-input", "0").exit_code == cli.EXIT_USAGE


def test_result_language_is_the_json_language() -> None:
    result = clean(SEED.read_bytes())
    assert result.language == "en"
    assert result.language == result.to_dict()["language"] == result.metadata.language
    given = clean(SEED.read_bytes(), language="uk")
    assert given.language == given.to_dict()["language"] == "uk"


def test_cli_json_language_is_the_librarys(tmp_path: Path) -> None:
    shown = json.loads(run(SEED, "--format", "json").stdout)
    assert shown["language"] == clean(SEED.read_bytes()).language
