"""Every option of the `clean` command is documented in README.md (as sqlite-utils does)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaner import cli

README = Path(__file__).resolve().parent.parent / "README.md"
SECTION = "## Command line"


def cli_section() -> str | None:
    """The README's `## Command line` section, up to the next second-level heading."""
    if not README.exists():
        return None
    text = README.read_text(encoding="utf-8")
    start = text.find(SECTION + "\n")
    if start < 0:
        return None
    rest = text[start + len(SECTION) :]
    end = re.search(r"^## ", rest, flags=re.M)
    return rest[: end.start()] if end else rest


def option_names() -> list[str]:
    names = []
    for param in cli.main.params:
        names.extend(n for n in (*param.opts, *param.secondary_opts) if n.startswith("--"))
    return names


PENDING: frozenset[str] = frozenset()
"""The batch options of issue 5, not yet in the README: known failures, kept strict so
the list must shrink as soon as the README documents them."""


def documented_param(option: str) -> object:
    if cli_section() is None:
        reason = "README.md has no '## Command line' section yet"
    elif option in PENDING:
        reason = "batch option not documented in README.md yet (issue 5)"
    else:
        return option
    return pytest.param(option, marks=pytest.mark.xfail(reason=reason, strict=True))


@pytest.mark.parametrize("option", [documented_param(o) for o in option_names()])
def test_option_is_documented_in_readme(option: str) -> None:
    section = cli_section()
    assert section is not None
    assert re.search(rf"{re.escape(option)}\b", section), f"{option} is not in {SECTION}"


def test_every_option_is_checked() -> None:
    """The list above is read from the command itself, so a new option is never missed."""
    wanted = {"--out-dir", "--jsonl", "--jobs", "--learn-furniture", "--version"}
    assert wanted <= set(option_names())


def test_readme_has_the_command_line_section() -> None:
    """Fails, not skips, when the heading the tests above look for is renamed or gone."""
    section = cli_section()
    assert section is not None, f"README.md has no {SECTION!r} section"
    assert all(option in section for option in ("--out-dir", "--jsonl", "--url"))


def readme_recipes() -> list[tuple[str, str]]:
    """(what, command) pairs of the CLI section's first `sh` block: a comment, a command."""
    section = cli_section()
    assert section is not None
    block = re.search(r"```sh\n(.*?)```", section, flags=re.S)
    assert block is not None, "the Command line section opens with its recipes"
    lines = block.group(1).strip().splitlines()
    assert len(lines) % 2 == 0 and len(lines) >= 14, "two lines a recipe"
    pairs = list(zip(lines[::2], lines[1::2], strict=True))
    assert all(c.startswith("# ") and not k.startswith("#") for c, k in pairs)
    return [(c.removeprefix("# "), k) for c, k in pairs]


def test_help_reads_like_the_readme_recipes() -> None:
    from click.testing import CliRunner

    shown = CliRunner().invoke(cli.main, ["--help"], terminal_width=100).output
    shown_lines = [line.strip() for line in shown.splitlines()]
    for what, command in readme_recipes():
        assert what in shown_lines, f"clean --help lacks the recipe {what!r}"
        assert command in shown_lines, f"clean --help lacks {command!r}"
        assert shown_lines.index(command) == shown_lines.index(what) + 1
