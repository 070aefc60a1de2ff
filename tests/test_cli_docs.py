"""Every option of the `clean` command is documented in README.md (as sqlite-utils does)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaner import cli

README = Path(__file__).resolve().parent.parent / "README.md"
SECTION = "Command line"
"""The CLI section is the first heading, of any level, whose title holds these words
(case-folded, a hyphen read as a space): "## Command line", "### The command-line tool"."""

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def headings(text: str) -> list[tuple[int, int, str]]:
    """(line index, level, title) of each Markdown heading outside fenced code."""
    found = []
    fenced = False
    for i, line in enumerate(text.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := _HEADING.match(line)):
            found.append((i, len(m.group(1)), m.group(2)))
    return found


def section_of(text: str) -> str | None:
    """The CLI section of a Markdown text, from its heading to the next heading of the
    same or a higher level (None when no heading names it)."""
    lines = text.splitlines()
    found = headings(text)
    for n, (start, level, title) in enumerate(found):
        if SECTION.casefold() in title.casefold().replace("-", " "):
            ends = (i for i, lvl, _ in found[n + 1 :] if lvl <= level)
            return "\n".join(lines[start : next(ends, len(lines))])
    return None


def cli_section() -> str | None:
    """README.md's CLI section."""
    return section_of(README.read_text(encoding="utf-8"))


def readme_cli_section() -> str:
    section = cli_section()
    assert section is not None, f"README.md has no heading containing {SECTION!r}"
    return section


def option_names() -> list[str]:
    names = []
    for param in cli.main.params:
        names.extend(n for n in (*param.opts, *param.secondary_opts) if n.startswith("--"))
    return names


@pytest.mark.parametrize("option", option_names())
def test_option_is_documented_in_readme(option: str) -> None:
    section = readme_cli_section()
    assert re.search(rf"{re.escape(option)}\b", section), f"{option} is not in the CLI section"


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


def test_a_readme_without_the_section_is_found_out() -> None:
    assert section_of("# Tool\n\n## Usage\n\n`--jobs`\n") is None
    assert section_of("# Tool\n\n```\n## Command line\n```\n`--jobs`\n") is None


def test_the_section_is_found_by_any_heading_naming_it() -> None:
    text = (
        "# Tool\n\n## Using the command-line tool\n\n`--jobs`\n\n### Exit codes\n\n4\n\n"
        "## Library\n\n`--out-dir`\n"
    )
    section = section_of(text)
    assert section is not None
    assert "--jobs" in section and "Exit codes" in section
    assert "--out-dir" not in section
