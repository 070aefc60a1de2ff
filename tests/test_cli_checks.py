"""The command refuses options that would do nothing (a rule folder that is not there,
a language no stoplist knows), says when it waits for a page on a terminal, and
`--check-rules` names every problem of a rule folder by file and line."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner import cli
from tests.test_cli import SEED

ROOT = Path(__file__).resolve().parent.parent


def run(*args: object, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli.main, [str(a) for a in args], input=input)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--rules", "no-such-folder"), ["--rules", "no-such-folder", "does not exist"]),
        (("--ftr-rules", "no-such-folder"), ["--ftr-rules", "does not exist"]),
        (("--rules", SEED), ["--rules", "is a file"]),
        (("--language", "zz"), ["--language", "'zz' is not a language the stoplists know"]),
        (("--language", "Klingon"), ["--language", "ISO 639-1 code"]),
        (("--timeout", "inf"), ["--timeout", "finite"]),
        (("--timeout", "nan"), ["--timeout"]),
    ],
)
def test_options_that_would_do_nothing_are_usage_errors(
    args: tuple[object, ...], words: list[str]
) -> None:
    result = run(SEED, *args)
    assert result.exit_code == cli.EXIT_USAGE
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1
    assert all(word in errors[0] for word in words), errors[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("language", ["en", "EN", "English"])
def test_known_languages_are_taken(language: str) -> None:
    result = run(SEED, "--language", language, "--format", "json")
    assert result.exit_code == cli.EXIT_OK, result.stderr
    assert '"language": "en"' in result.stdout


def test_existing_rule_folders_are_taken(tmp_path: Path) -> None:
    result = run(SEED, "--rules", tmp_path, "--ftr-rules", tmp_path)
    assert result.exit_code == cli.EXIT_OK, result.stderr
    assert "ballistic missile" in result.stdout


# --- standard input at a terminal -----------------------------------------------------


def test_a_terminal_on_stdin_is_told_a_page_is_awaited() -> None:
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "cleaner"],
            cwd=ROOT,
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        os.close(follower)
        page = SEED.read_text("utf-8").splitlines()[:40]
        os.write(leader, ("\n".join(page) + "\n").encode() + b"\x04")
        out, err = process.communicate(timeout=60)
    finally:
        os.close(leader)
    assert cli.MSG_READING_STDIN in err.decode()
    assert process.returncode == cli.EXIT_OK, err.decode()
    assert "ballistic missile" in out.decode()


def test_jsonl_from_a_terminal_is_told_too(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(cli, "_note_terminal", lambda: calls.append("noted"))
    record = '{"id": 1, "text": "A short line."}\n'
    result = run("--jsonl", "-", "-q", input=record)
    assert result.exit_code == cli.EXIT_OK, result.stderr
    assert calls == ["noted"]


def test_the_note_is_given_only_for_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    notes: list[str] = []
    monkeypatch.setattr(cli.click, "echo", lambda message, err=False: notes.append(message))
    for terminal in (True, False):
        monkeypatch.setattr(cli.sys.stdin, "isatty", lambda terminal=terminal: terminal)
        cli._note_terminal()
    assert notes == [f"clean: {cli.MSG_READING_STDIN}"]


def test_piped_stdin_is_read_without_a_word() -> None:
    result = run(input=SEED.read_bytes())
    assert result.exit_code == cli.EXIT_OK
    assert cli.MSG_READING_STDIN not in result.stderr
    assert "ballistic missile" in result.stdout


# --- --check-rules --------------------------------------------------------------------

BROKEN_RULES = """\
name = "Broken"
hosts = ["broken.example"]
colour = "red"

[[drop]]
id = "lookaround"
pattern = '^Sponsored(?= content)'
reason = "promo_line"

[[drop]]
id = "typo"
pattern = 'Buy now'
reason = "promo"
max_word = 5

[[drop]]
pattern = 'Subscribe'
max_words = "ten"
shape = "heading"

[[end]]
reason = "related_content"
"""

BROKEN_FTR = """\
body: //div[@id='story'
strip: //aside
a line without a directive
strip: //div[
"""


def test_check_rules_names_every_problem_by_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text(BROKEN_RULES, encoding="utf-8")
    (tmp_path / "unclosed.toml").write_text('name = "U"\nhosts = ["u.example"\n', "utf-8")
    (tmp_path / "broken.example.txt").write_text(BROKEN_FTR, encoding="utf-8")
    result = run("--check-rules", tmp_path)
    assert result.exit_code == cli.EXIT_RULE_PROBLEMS
    problems = result.stdout.splitlines()
    assert all(re.match(rf"{re.escape(str(tmp_path))}/[\w.]+:\d+: \S", p) for p in problems)
    places = sorted(p.split(": ")[0].removeprefix(f"{tmp_path}/") for p in problems)
    assert places == sorted(
        [
            "broken.toml:3",  # unknown key colour
            "broken.toml:7",  # look-ahead
            "broken.toml:13",  # unknown reason
            "broken.toml:14",  # max_word, a misspelt key
            "broken.toml:18",  # max_words not a number
            "broken.toml:19",  # shape not headline
            "broken.toml:21",  # [[end]] without a pattern
            "unclosed.toml:2",
            "broken.example.txt:1",
            "broken.example.txt:3",
            "broken.example.txt:4",
        ]
    )
    assert f"clean: {len(problems)} rule problem(s) found" in result.stderr


def test_check_rules_passes_good_files(tmp_path: Path) -> None:
    result = run("--check-rules", ROOT / "cleaner" / "sites")
    assert result.exit_code == cli.EXIT_OK
    assert result.stdout == ""
