"""The `clean` command: parse options, read input, call the library, write output.

Exit codes: 0 done (an article-less page gives empty output and a warning),
2 usage error, 3 input error (missing, unreadable, empty, binary or undecodable input).
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from cleaner import __version__
from cleaner.api import clean
from cleaner.config import Config
from cleaner.errors import INPUT_PROBLEMS, MESSAGES, CleanerError, Problem
from cleaner.model import Result

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INPUT = 3

MSG_MISSING = "{name}: no such file"
MSG_DIRECTORY = "{name}: is a directory, not a page"
MSG_UNREADABLE = "{name}: cannot be read ({reason})"
MSG_PROBLEM = "{name}: {message}"
MSG_WRITE = "{name}: cannot be written ({reason})"

EXAMPLES = """
\b
Examples:
  clean page.txt > body.txt          clean a text dump
  clean page.html --url https://example.com/a  clean HTML, with its address
  curl -s URL | clean -              read standard input
  clean page.txt --format json       body plus title, author, date, removals
  clean page.txt --explain           show every block and why it was kept or dropped
  clean page.txt --rules ./my-rules  add your own site-rule files

\b
Exit codes: 0 done (no article: empty output and a warning on stderr),
2 usage error, 3 input error (missing, empty, binary or undecodable input).
"""


class InputError(Exception):
    """Raised inside the CLI for input that cannot be cleaned; carries the user message."""


@click.command(epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("source", default="-", metavar="[FILE]")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="text: the body only; json: body, metadata and removal records.",
)  # fmt: skip
@click.option("--explain", is_flag=True, help="Show every block with its decision and reason.")
@click.option("--url", help="Where the page came from (selects site rules, fills metadata).")
@click.option(
    "--kind", type=click.Choice(["auto", "text", "html"]), default="auto", show_default=True,
    help="Input kind; auto detects HTML.",
)  # fmt: skip
@click.option("--language", help="Page language (ISO code, e.g. en); guessed if omitted.")
@click.option(
    "--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
    help="A directory of site-rule files (repeatable; later ones win).",
)  # fmt: skip
@click.option("--no-site-rules", is_flag=True, help="Use the generic rules only.")
@click.version_option(__version__, prog_name="clean")
def main(
    source: str,
    output: str | None,
    fmt: str,
    explain: bool,
    url: str | None,
    kind: str,
    language: str | None,
    rule_dirs: tuple[Path, ...],
    no_site_rules: bool,
) -> None:
    """Clean one web page (a plain-text dump or HTML) down to its article body."""
    config = Config(
        kind=kind,  # type: ignore[arg-type]  # click.Choice guarantees the literal
        language=language,
        site_rules=not no_site_rules,
        rule_dirs=rule_dirs,
    )
    name = "<stdin>" if source == "-" else source
    try:
        data = read_source(source)
        result = clean(data, url, config=config)
        if result.problem in INPUT_PROBLEMS:
            raise InputError(MSG_PROBLEM.format(name=name, message=MESSAGES[Problem(result.problem)]))
    except (InputError, CleanerError) as exc:
        fail(str(exc), EXIT_INPUT)
    if result.problem == Problem.NO_ARTICLE:
        click.echo(f"clean: warning: {name}: {MESSAGES[Problem.NO_ARTICLE]}", err=True)
    try:
        write_output(render(result, fmt, explain), output)
    except OSError as exc:
        fail(MSG_WRITE.format(name=output, reason=exc.strerror or exc), EXIT_INPUT)


def fail(message: str, code: int) -> None:
    click.echo(f"clean: error: {message}", err=True)
    sys.exit(code)


def read_source(source: str) -> bytes:
    """The bytes of a file or of stdin; .gz files are unpacked."""
    if source == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(MSG_MISSING.format(name=source)) from None
    except IsADirectoryError:
        raise InputError(MSG_DIRECTORY.format(name=source)) from None
    except OSError as exc:
        raise InputError(MSG_UNREADABLE.format(name=source, reason=exc.strerror)) from None
    if path.is_dir():
        raise InputError(MSG_DIRECTORY.format(name=source))
    if path.suffix == ".gz":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(MSG_UNREADABLE.format(name=source, reason=exc)) from None
    return data


def render(result: Result, fmt: str, explain: bool) -> str:
    if fmt == "json":
        payload: dict[str, Any] = result.to_dict(explain=explain)
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if explain:
        return explain_table(result)
    return result.text + "\n" if result.text else ""


def explain_table(result: Result) -> str:
    """One line per input block: number, KEEP/drop, reason, rule, start of the text."""
    lines = [f"# kind={result.kind} title={result.title!r} author={result.author!r}"]
    for b in result.blocks:
        verdict = "KEEP" if b.kept else "drop"
        text = b.text if len(b.text) <= 90 else b.text[:87] + "..."
        lines.append(f"{b.block:4d} {verdict} {b.reason or b.label:<22} {b.rule:<24} {text}")
    return "\n".join(lines) + "\n"


def write_output(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to a file (temporary file, then rename)."""
    if output is None:
        sys.stdout.write(text)
        return
    target = Path(output)
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=".clean-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
