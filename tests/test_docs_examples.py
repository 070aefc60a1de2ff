"""Every command example in README.md and docs/ runs as written.

`clean` lines run in a shell, in a folder holding the files they name (page.txt,
pages/, in.jsonl, crawl.warc.gz, ...), through a `clean` that runs this checkout.
Script lines (`python scripts/...`, `python examples/...`) are long benchmarks, so
their options are checked against the script's own `--help`. `pip install` lines must
name extras that exist, and the test command must be the one `.ci/run` runs. A line of
any other kind fails until it is classified here.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from cleaner import clean, sites
from tests.test_cli import HTML, SEED, make_tree, make_warc

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))
CI_SCRIPT = ROOT / ".ci" / "run"

NOT_RUN = {
    "git clone": "fetches a repository from the network",
    "export": "sets an environment variable for the commands after it",
    "ruff": "the style check, run by the developers, not an example",
    "mypy": "the type check, run by the developers, not an example",
    "python -m pytest": "the test suite itself (its install command is checked)",
    "(cd rust": "enters the Rust core's folder for its own checks",
    "cargo": "the Rust core's own checks and tests, which CI runs",
}
"""Command kinds the test does not run, and why."""

COMMAND_TIMEOUT = 300
"""Seconds for one documented command (a folder or WARC batch takes a few)."""


@dataclass(frozen=True)
class Example:
    document: str
    line: int
    command: str

    def __str__(self) -> str:
        return f"{self.document}:{self.line}: {self.command}"


def code_blocks(path: Path, language: str) -> list[tuple[int, list[str]]]:
    """The fenced blocks of one language: (first line number, lines)."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    start = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if current is None and line.strip() == f"```{language}":
            current, start = [], number + 1
        elif current is not None and line.strip() == "```":
            blocks.append((start, current))
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def examples() -> list[Example]:
    found = []
    for path in DOCUMENTS:
        for start, lines in code_blocks(path, "sh"):
            for offset, line in enumerate(lines):
                command = re.sub(r"\s+#\s.*$", "", line).strip()
                if command and not command.startswith("#"):
                    found.append(Example(path.name, start + offset, command))
    return found


def parts(command: str) -> list[str]:
    return [p.strip() for p in command.split("&&")]


def kind(part: str) -> str:
    if part == "clean" or part.startswith("clean "):
        return "clean"
    if part.startswith("pip install "):
        return "pip"
    if re.match(r"python (scripts|examples)/\w+\.py\b", part):
        return "script"
    for prefix in NOT_RUN:
        if part == prefix or part.startswith(prefix + " "):
            return "not run"
    return "unknown"


EXAMPLES = examples()


def test_the_documents_have_command_examples() -> None:
    assert len(EXAMPLES) >= 20, "the README and docs/ lost their examples"
    assert {e.document for e in EXAMPLES} >= {"README.md", "site-rules.md", "how-it-works.md"}


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_every_example_is_of_a_known_kind(example: Example) -> None:
    unknown = [p for p in parts(example.command) if kind(p) == "unknown"]
    assert not unknown, f"{example}: classify {unknown} in tests/test_docs_examples.py"


# --- clean ----------------------------------------------------------------------------


def ci_test_command() -> str:
    lines = [ln for ln in CI_SCRIPT.read_text().splitlines() if ln.startswith("pip install")]
    assert len(lines) == 1, ".ci/run installs with one pip line"
    return lines[0]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with every file the examples name, and a `clean` running this checkout."""
    root = tmp_path_factory.mktemp("docs")
    shutil.copy(SEED, root / "page.txt")
    shutil.copy(HTML, root / "page.html")
    make_tree(root)
    (root / "pages" / "bad.html").unlink()  # the examples show runs that succeed
    records = [
        {"id": "one", "url": "https://kyivindependent.com/a", "text": SEED.read_text()},
        {"id": "two", "url": "https://coastal-courier.example/b", "html": HTML.read_text()},
    ]
    (root / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    make_warc(root / "crawl.warc.gz")
    (root / "fixtures" / "text").mkdir(parents=True)
    shutil.copy(SEED, root / "fixtures" / "text" / SEED.name)
    (root / "my-rules").mkdir()
    (root / "my-rules" / "courier.toml").write_text(site_rule_example(), encoding="utf-8")
    (root / "ftr-site-config").mkdir()
    (root / "ftr-site-config" / "example.com.txt").write_text(
        "body: //article\nstrip: //aside\n", encoding="utf-8"
    )
    bin_dir = root / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "clean"
    shim.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m cleaner "$@"\n')
    shim.chmod(0o755)
    return root


CLEAN_EXAMPLES = [e for e in EXAMPLES if all(kind(p) == "clean" for p in parts(e.command))]


@pytest.mark.parametrize("example", CLEAN_EXAMPLES, ids=str)
def test_clean_example_runs(example: Example, sandbox: Path) -> None:
    env = {
        **os.environ,
        "PATH": f"{sandbox / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        ["bash", "-c", example.command], cwd=sandbox, env=env, capture_output=True,
        text=True, timeout=COMMAND_TIMEOUT, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert "Traceback" not in done.stderr, f"{example}\n{done.stderr}"
    assert done.returncode == 0, f"{example}: exit {done.returncode}\n{done.stderr}"


def test_clean_examples_cover_every_recipe() -> None:
    """The README's recipes are runnable lines, not prose: each kind of input is run."""
    commands = " ".join(e.command for e in CLEAN_EXAMPLES)
    for needed in ("--url", "--out-dir", "--jsonl", ".warc.gz", "--format json", "--explain"):
        assert needed in commands, needed


# --- pip ------------------------------------------------------------------------------


def test_the_readme_test_command_is_the_one_ci_runs() -> None:
    commands = [e.command for e in EXAMPLES if e.document == "README.md"]
    assert ci_test_command() in commands
    assert "pip install . && clean fixtures/text/seed_kyiv_independent.txt" in commands


PIP_PARTS = sorted({p for e in EXAMPLES for p in parts(e.command) if kind(p) == "pip"})


@pytest.mark.parametrize("part", PIP_PARTS)
def test_pip_examples_name_extras_that_exist(part: str) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = set(project["optional-dependencies"])
    named = re.findall(r"\[([\w,-]+)\]", part)
    for group in named:
        assert set(group.split(",")) <= extras, f"{part}: unknown extra"
    assert re.fullmatch(r"pip install (-e )?('\.(\[[\w,-]+\])?'|\.)", part), part


# --- scripts --------------------------------------------------------------------------


SCRIPT_PARTS = sorted({p for e in EXAMPLES for p in parts(e.command) if kind(p) == "script"})


@functools.cache
def script_help(script: str, leading: tuple[str, ...]) -> str:
    done = subprocess.run(
        [sys.executable, script, *leading, "--help"], cwd=ROOT, capture_output=True,
        text=True, timeout=COMMAND_TIMEOUT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert done.returncode == 0, f"{script} {' '.join(leading)} --help:\n{done.stderr}"
    return done.stdout


@pytest.mark.parametrize("part", SCRIPT_PARTS)
def test_script_example_names_real_options(part: str) -> None:
    words = shlex.split(part)[1:]
    script, args = words[0], words[1:]
    assert (ROOT / script).is_file(), f"{script} does not exist"
    leading = []
    for arg in args:
        if arg.startswith("-"):
            break
        leading.append(arg)
    shown = script_help(script, tuple(leading))
    for option in (a.split("=")[0] for a in args if a.startswith("--")):
        assert re.search(rf"{re.escape(option)}\b", shown), f"{part}: {script} has no {option}"


# --- the README's before/after, library and rule examples -----------------------------


def text_blocks(path: Path, language: str) -> list[str]:
    return ["\n".join(lines) + "\n" for _, lines in code_blocks(path, language)]


def test_the_readme_before_and_after_is_what_clean_prints() -> None:
    before, after = text_blocks(ROOT / "README.md", "text")[:2]
    assert before.splitlines()[0] in SEED.read_text(encoding="utf-8"), "an excerpt of a seed"
    result = clean(before)
    assert result.text + "\n" == after
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = re.search(r"shows each dropped line's reason: (.*?), \.\.\.\)", readme, flags=re.S)
    assert named is not None
    reasons = {r.strip(" `\n") for r in named.group(1).split(",")}
    assert reasons <= {r.reason for r in result.removed}, "the reasons the README names"


def test_the_readme_library_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    [code] = text_blocks(ROOT / "README.md", "python")
    assert len(code.splitlines()) <= 10, "the library in ten lines"
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out
    assert "North Korean missile" in printed and "Anna Fratsyvir" in printed


def site_rule_example() -> str:
    [toml] = text_blocks(ROOT / "docs" / "site-rules.md", "toml")
    return toml


def test_the_site_rule_example_drops_its_example_line(tmp_path: Path) -> None:
    rules = sites.parse_rules(site_rule_example(), "courier.toml")
    [drop] = rules.drops
    assert drop.example and drop.pattern and drop.pattern.any([drop.example]) == [True]
    (tmp_path / "courier.toml").write_text(site_rule_example(), encoding="utf-8")
    page = SEED.read_text(encoding="utf-8").replace("\n\n", f"\n\n{drop.example}\n\n", 3)
    result = clean(page, url="https://courier.example/a", rule_dirs=(tmp_path,))
    dropped = [(r.rule, r.reason) for r in result.removed if r.text == drop.example]
    assert dropped and set(dropped) == {("site.courier.print_promo", "promo_line")}
    assert drop.example not in result.text


# --- the documents themselves ---------------------------------------------------------

README_MAX_LINES = 250
"""A README read in five minutes; the rest lives in docs/."""


def test_the_readme_is_short_and_links_to_the_rest() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= README_MAX_LINES
    linked = set(re.findall(r"\]\(((?:docs/)?[\w./-]+\.md)(?:#[\w-]+)?\)", text))
    expected = {f"docs/{p.name}" for p in DOCUMENTS[1:]} | {"CHANGELOG.md"}
    assert expected <= linked, f"not linked from the README: {expected - linked}"
    assert all((ROOT / name).is_file() for name in linked)


@pytest.mark.parametrize("path", [*DOCUMENTS, ROOT / "CHANGELOG.md"], ids=lambda p: p.name)
def test_documents_name_no_issue_numbers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\b[Ii]ssue\s*#?\d+|#\d{1,4}\b|\bsession\b", text)


@pytest.mark.parametrize("path", [*DOCUMENTS, ROOT / "CHANGELOG.md"], ids=lambda p: p.name)
def test_relative_links_resolve(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for target, anchor in re.findall(r"\]\(([\w./-]+\.md)(?:#([\w-]+))?\)", text):
        linked = (path.parent / target).resolve()
        assert linked.is_file(), f"{path.name} links to a missing {target}"
        if anchor:
            headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), flags=re.M)
            slugs = {re.sub(r"[^\w-]", "", h.lower().replace(" ", "-")) for h in headings}
            assert anchor in slugs, f"{path.name} links to a missing #{anchor} in {target}"
