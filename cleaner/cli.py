"""The `clean` command: parse options, read input, call the library, write output.

One page: `clean FILE` (or stdin) writes its body to stdout or `-o`. Batches:
`clean FILE|DIR... --out-dir OUT` mirrors files into OUT; `clean --jsonl IN.jsonl`
and `clean CRAWL.warc.gz` write one JSON Lines record per document, in input order.

Exit codes: 0 done (an article-less page gives empty output and a warning),
1 `--check-rules` found problems, 2 usage error, 3 input error (missing, unreadable,
empty, binary, undecodable or too large input, or one that took longer than
`--timeout`; for a batch: its JSONL input cannot be opened), 4 partial batch failure (some
documents failed; each is named on stderr or has an error record), 130 interrupted,
141 standard output closed by its reader (e.g. `| head`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cleaner import __version__, rulecheck, sinks, sources, warc
from cleaner.api import clean
from cleaner.config import MAX_INPUT, Config, is_known_language
from cleaner.errors import INPUT_PROBLEMS, MESSAGES, CleanerError, Problem
from cleaner.outcome import Outcome, Sink, Status, Summary
from cleaner.records import EXTENSIONS, FORMATS, render
from cleaner.sources import Fields, Item, SourceError

if TYPE_CHECKING:
    from tqdm import tqdm

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_PARTIAL = 4
EXIT_RULE_PROBLEMS = 1
"""`--check-rules` found problems (as linters do)."""
EXIT_INTERRUPTED = 130
"""128 + SIGINT, as shells report a command stopped by Ctrl-C."""
EXIT_PIPE_CLOSED = 141
"""128 + SIGPIPE: standard output was closed by its reader."""

MSG_MISSING = sources.MSG_MISSING
MSG_DIRECTORY = sources.MSG_DIRECTORY
MSG_UNREADABLE = sources.MSG_UNREADABLE
MSG_PROBLEM = "{name}: {message}"
MSG_WRITE = sinks.MSG_WRITE
MSG_DIRECTORY_HINT = " (use --out-dir DIR or --jsonl-out FILE to clean every file in it)"
MSG_NEEDS_SINK = "several inputs need --out-dir DIR (files) or --jsonl-out FILE"
MSG_JSONL_WITH_FILES = "--jsonl reads its records from one file or '-': give no FILE arguments"
MSG_MIXED_WARC = "WARC files and other inputs cannot be mixed in one run"
MSG_NO_OUT_DIR = "{what} gives records, not files: use --jsonl-out FILE (or stdout), not --out-dir"
MSG_BATCH_ONLY = "{option} applies to one page; batch documents carry their own"
MSG_OUTPUT_IN_BATCH = "-o/--output is for one page; a batch writes to --out-dir or --jsonl-out"
MSG_OUT_DIR_HOLDS_INPUT = "--out-dir {out} would hold the input {input}: choose a folder outside it"
MSG_OUT_DIR_NOT_DIR = "--out-dir {out} is a file, not a folder"
MSG_TWO_SINKS = "--out-dir and --jsonl-out both name where the batch goes: choose one"
MSG_OUT_IS_INPUT = "--jsonl-out {out} is an input of this batch: choose another file"
MSG_EXPLAIN_JSONL = "--explain does not apply to JSON Lines records"
MSG_LEARN_STDIN = "--learn-furniture reads the input twice, so it cannot read standard input"
MSG_LANGUAGE = (
    "{value!r} is not a language the stoplists know: give an ISO 639-1 code such as 'en' "
    "or a stoplist name such as 'English', or leave it out to have it guessed"
)
MSG_READING_STDIN = "reading standard input (end it with Ctrl-D; clean -h for help)"
MSG_INTERRUPTED = "interrupted: {done} documents finished, the batch is incomplete"
MSG_SUMMARY = (
    "{total} documents: {done} cleaned, {no_article} without an article, {failed} failed; "
    "{bytes_in} in, {bytes_out} out"
)
MSG_REMOVED = "blocks removed: {counts}"
MSG_RECORDS_SKIPPED = "records without a page, not cleaned: {counts}"
MSG_RULES_CHECKED = "clean: {count} rule problem(s) found"
MSG_LEARNED = "learned furniture: {lines} lines for {groups} hosts or folders"
MSG_FILES_SKIPPED = (
    "left alone {count} file(s) that are not pages (a folder run takes *.txt, *.html, *.htm)"
)

DEFAULT_TIMEOUT = 60.0
"""Seconds per document: hundreds of times what any development page takes
(docs/speed.md), so only a pathological page reaches it, and a batch never waits for ever."""

STDOUT = Path("-")
"""`--jsonl-out -` names standard output, as `--jsonl -` names standard input."""

MEGABYTE = 1_000_000
DEFAULT_MAX_INPUT_MB = MAX_INPUT / MEGABYTE
"""`--max-input` counts megabytes (10^6 bytes, as `ls -h --si` and the summary do)."""

PROGRESS_MIN_SECONDS = 1.0
"""The bar appears only once a batch has run this long (tqdm's `delay`)."""

EXAMPLES = """
\b
Recipes:
  A text dump (html-text, inscriptis, html2text, a WET record); the body to stdout:
    clean page.txt > body.txt
  HTML, with its address (picks the site's rules, fills url and site):
    clean page.html --url https://example.com/a
  Standard input; JSON with the metadata and every removed block:
    clean - --format json < page.txt
  The body as markdown (headings, lists, tables, code), links kept:
    clean page.html --format markdown --links
  Every block, kept or dropped, with its reason and rule:
    clean page.txt --explain
  A folder: its .txt, .html and .htm pages (also .gz) below it, mirrored as .txt:
    clean pages/ --out-dir bodies/
  JSON Lines: one output record per input line, in input order:
    clean --jsonl in.jsonl --jsonl-out out.jsonl
  WARC: one JSON Lines record per HTML response record (WET: per text record):
    clean crawl.warc.gz --jsonl-out out.jsonl
  Your own site-rule files, and a check of them:
    clean page.txt --rules my-rules/ && clean --check-rules my-rules/

\b
A folder run takes only files named *.txt, *.html or *.htm (or those
names + .gz); other files beside them (a .json, a .gold) are left alone.
Files named on the command line are always taken.

\b
Exit codes: 0 done (no article: empty output and a warning on stderr),
1 --check-rules found problems, 2 usage error, 3 input error (missing,
empty, binary, undecodable or too large input, or over --timeout),
4 partial batch failure (some documents failed; each is named on stderr
or gets an error record), 130 interrupted (Ctrl-C), 141 stdout closed.
"""


class InputError(Exception):
    """Raised inside the CLI for input that cannot be cleaned; carries the user message."""


@click.command(epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, metavar="[FILE|DIR|WARC]...")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
    help="text: the body only; markdown: the body with its headings, lists, tables and "
    "code; json: body, kept blocks, metadata and removal records.  (JSON Lines records: "
    "text or markdown picks the body's form.)",
)  # fmt: skip
@click.option("--links", is_flag=True, help="HTML: keep links in markdown, as [text](url).")
@click.option("--images", is_flag=True, help="HTML: keep images in markdown, as ![alt](src).")
@click.option("--explain", is_flag=True, help="Show every block with its decision and reason.")
@click.option("--url", help="Where the page came from (selects site rules, fills metadata).")
@click.option(
    "--kind", type=click.Choice(["auto", "text", "html"]), default="auto", show_default=True,
    help="Input kind; auto reads a document as HTML when markup is its structure, not a few "
    "stray tags (a JSONL record's field or a WARC record decides).",
)  # fmt: skip
@click.option(
    "--language", callback=lambda _ctx, _param, value: _check_language(value),
    help="Page language (ISO code, e.g. en, or a stoplist name); guessed if omitted.",
)  # fmt: skip
@click.option(
    "--rules", "rule_dirs", multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A directory of site-rule files (repeatable; later ones win).",
)  # fmt: skip
@click.option("--no-site-rules", is_flag=True, help="Use the generic rules only.")
@click.option(
    "--no-markdown", is_flag=True,
    help="Keep a markdown dump's lines as written (default: read links as their text).",
)  # fmt: skip
@click.option(
    "--comments", is_flag=True,
    help="Also give the reader comments found, apart from the body (JSON: 'comments'; "
    "text: after the body, below a '--- comments ---' line).",
)  # fmt: skip
@click.option(
    "--ftr-rules", "ftr_dirs", multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A directory of fivefilters site configs for HTML mode (repeatable; later ones win).",
)  # fmt: skip
@click.option(
    "--check-rules", "check_dirs", multiple=True, metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Check every rule file in DIR (ours and fivefilters'), print problems, and exit.",
)  # fmt: skip
@click.option(
    "--out-dir", type=click.Path(path_type=Path),
    help="Batch: write each input's body here, mirroring folders (.txt, or .json).",
)  # fmt: skip
@click.option(
    "--jsonl", "jsonl_in", metavar="FILE", help="Batch: read JSON Lines records ('-': stdin)."
)
@click.option(
    "--jsonl-out", type=click.Path(dir_okay=False, path_type=Path),
    help="Batch: write JSON Lines records here ('-' or default: stdout).",
)  # fmt: skip
@click.option("--text-field", default="text", show_default=True, help="JSONL field of a text dump.")
@click.option("--html-field", default="html", show_default=True, help="JSONL field of HTML.")
@click.option("--url-field", default="url", show_default=True, help="JSONL field of the URL.")
@click.option("--id-field", default="id", show_default=True, help="JSONL field of the id.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None,
    help="Batch: worker processes.  [default: 1, and the idle cores once a batch runs 5 s]",
)  # fmt: skip
@click.option(
    "--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
    metavar="SECONDS", help="Give up on a document that takes longer (an error; 0: no limit).",
)  # fmt: skip
@click.option(
    "--max-input", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_MAX_INPUT_MB,
    show_default=True, metavar="MB",
    help="Refuse a document larger than this many megabytes (an input error).",
)  # fmt: skip
@click.option(
    "--learn-furniture/--no-learn-furniture", default=None,
    help="Batch: first learn lines that recur on most pages of a host (or folder) and drop "
    "them.  [default: on, except for stdin]",
)  # fmt: skip
@click.option(
    "-q", "--quiet", is_flag=True,
    help="Batch: no progress bar, summary or warnings (failures are still named).",
)  # fmt: skip
@click.version_option(__version__, prog_name="clean")
def main(**options: Any) -> None:
    """Clean web pages (plain-text dumps or HTML) down to their article bodies."""
    config = _config(options)
    if options["check_dirs"]:
        sys.exit(_check_rules(options["check_dirs"]))
    try:
        if _is_batch(options):
            sys.exit(_run_batch(config, options))
        _run_single(config, options)
    except KeyboardInterrupt:
        click.echo(f"clean: {MSG_INTERRUPTED.format(done=0)}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`clean ... | head`): stop quietly, as Unix tools do, and
        # keep Python from failing again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_PIPE_CLOSED)


def _config(options: dict[str, Any]) -> Config:
    """The options as a `Config`; a value it refuses (`--timeout inf`) is a usage error."""
    try:
        return Config(
            kind=options["kind"],
            language=options["language"],
            site_rules=not options["no_site_rules"],
            markdown=not options["no_markdown"],
            links=options["links"],
            images=options["images"],
            comments=options["comments"],
            rule_dirs=options["rule_dirs"],
            ftr_dirs=options["ftr_dirs"],
            timeout=options["timeout"] or None,
            max_input=round(options["max_input"] * MEGABYTE),
        )
    except (TypeError, ValueError) as exc:
        message = str(exc)
        for field, option in _OPTION_OF.items():
            message = message.replace(f"Config.{field}", option)
        raise click.UsageError(message) from None


_OPTION_OF = {"timeout": "--timeout", "max_input": "--max-input (in bytes)"}
"""The options whose values click lets through but `Config` may refuse."""


def _check_language(value: str | None) -> str | None:
    if value is not None and not is_known_language(value):
        raise click.BadParameter(MSG_LANGUAGE.format(value=value), param_hint="'--language'")
    return value


def _check_rules(directories: tuple[Path, ...]) -> int:
    """Print each rule problem on its own line; exit 0 when there is none, else 1."""
    problems = [p for d in directories for p in rulecheck.check_directory(d)]
    for problem in problems:
        click.echo(problem)
    click.echo(MSG_RULES_CHECKED.format(count=len(problems)), err=True)
    return EXIT_RULE_PROBLEMS if problems else EXIT_OK


def _is_batch(options: dict[str, Any]) -> bool:
    inputs = options["inputs"]
    return bool(
        options["jsonl_in"] is not None
        or options["out_dir"] is not None
        or options["jsonl_out"] is not None
        or len(inputs) > 1
        or any(sources.is_warc(i) for i in inputs)
    )


# --- one page ---------------------------------------------------------------------


def _run_single(config: Config, options: dict[str, Any]) -> None:
    source = options["inputs"][0] if options["inputs"] else "-"
    output = options["output"]
    name = "<stdin>" if source == "-" else source
    try:
        data = read_source(source)
        result = clean(data, options["url"], config=config)
        if result.problem in INPUT_PROBLEMS:
            raise InputError(
                MSG_PROBLEM.format(name=name, message=MESSAGES[Problem(result.problem)])
            )
    except (InputError, CleanerError) as exc:
        fail(str(exc), EXIT_INPUT)
    if result.problem == Problem.NO_ARTICLE:
        click.echo(f"clean: warning: {name}: {MESSAGES[Problem.NO_ARTICLE]}", err=True)
    try:
        write_output(render(result, options["fmt"], options["explain"]), output)
    except OSError as exc:
        fail(MSG_WRITE.format(name=output, reason=exc.strerror or exc), EXIT_INPUT)


def fail(message: str, code: int) -> None:
    click.echo(f"clean: error: {message}", err=True)
    sys.exit(code)


def read_source(source: str) -> bytes:
    """The bytes of a file or of stdin; .gz files are unpacked."""
    if source == "-":
        _note_terminal()
        return sys.stdin.buffer.read()
    if Path(source).is_dir():
        raise InputError(MSG_DIRECTORY.format(name=source) + MSG_DIRECTORY_HINT)
    try:
        return sources.read_bytes(source)
    except SourceError as exc:
        raise InputError(str(exc)) from None


def _note_terminal() -> None:
    """Say that standard input is awaited when it is a terminal (a bare `clean` would
    otherwise seem to hang)."""
    if sys.stdin.isatty():
        click.echo(f"clean: {MSG_READING_STDIN}", err=True)


def write_output(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to a file (temporary file, then rename)."""
    if output is None:
        sys.stdout.write(text)
        return
    sinks.write_atomically(Path(output), text)


# --- batches ----------------------------------------------------------------------


def _run_batch(config: Config, options: dict[str, Any]) -> int:
    from cleaner import batch  # its process pool machinery is not needed for one page

    _check_batch_options(options)
    stdin = options["jsonl_in"] == "-"
    learn = options["learn_furniture"]
    if learn and stdin:
        raise click.UsageError(MSG_LEARN_STDIN)
    settings = batch.Settings(
        config,
        Fields(
            options["text_field"], options["html_field"], options["url_field"], options["id_field"]
        ),
        fmt=options["fmt"],
        explain=options["explain"],
        jsonl=options["out_dir"] is None,
    )
    quiet, jobs = options["quiet"], options["jobs"]
    if learn is not False and not stdin:
        with _progress(options, "learning") as bar:
            learned = batch.learn_furniture(_counted(_items(options), bar), settings, jobs)
        settings = replace(settings, furniture=learned)
        if not quiet:
            lines = sum(len(v) for v in learned.values())
            _say(MSG_LEARNED.format(lines=lines, groups=len(learned)))
    skipped = sources.count_skipped(options["inputs"])
    if skipped and not quiet:
        _say(MSG_FILES_SKIPPED.format(count=skipped))
    summary = Summary()
    sink = _sink(options)
    with _progress(options, "cleaning") as bar:
        try:
            batch.run(_items(options), settings, jobs, sink, summary, _notifier(bar, quiet))
        except KeyboardInterrupt:
            bar.close()
            _say(MSG_INTERRUPTED.format(done=summary.total))
            return EXIT_INTERRUPTED
    if not quiet:
        _print_summary(summary)
    return EXIT_PARTIAL if summary.failed else EXIT_OK


def _check_batch_options(options: dict[str, Any]) -> None:
    inputs, out_dir = options["inputs"], options["out_dir"]
    if options["output"] is not None:
        raise click.UsageError(MSG_OUTPUT_IN_BATCH)
    if options["url"] is not None:
        raise click.UsageError(MSG_BATCH_ONLY.format(option="--url"))
    if out_dir is not None and options["jsonl_out"] is not None:
        raise click.UsageError(MSG_TWO_SINKS)
    if options["jsonl_in"] is not None and inputs:
        raise click.UsageError(MSG_JSONL_WITH_FILES)
    warcs = [i for i in inputs if sources.is_warc(i)]
    if warcs and len(warcs) != len(inputs):
        raise click.UsageError(MSG_MIXED_WARC)
    records_only = (
        "--jsonl" if options["jsonl_in"] is not None else "a WARC file" if warcs else None
    )
    if records_only and out_dir is not None:
        raise click.UsageError(MSG_NO_OUT_DIR.format(what=records_only))
    if out_dir is None and options["explain"]:
        raise click.UsageError(MSG_EXPLAIN_JSONL)
    if not records_only and out_dir is None and options["jsonl_out"] is None:
        raise click.UsageError(MSG_NEEDS_SINK)
    if out_dir is not None:
        _check_out_dir(out_dir, inputs)
    jsonl_in, jsonl_out = options["jsonl_in"], options["jsonl_out"]
    if jsonl_in is not None and jsonl_in != "-" and not Path(jsonl_in).is_file():
        fail(MSG_MISSING.format(name=jsonl_in), EXIT_INPUT)
    if jsonl_out is not None and any(_same_file(jsonl_out, i) for i in (*inputs, jsonl_in)):
        raise click.UsageError(MSG_OUT_IS_INPUT.format(out=jsonl_out))


def _same_file(path: Path, other: str | None) -> bool:
    return other not in (None, "-") and path.resolve() == Path(str(other)).resolve()


def _check_out_dir(out_dir: Path, inputs: tuple[str, ...]) -> None:
    """Refuse an output folder that is, holds, or lies inside an input."""
    if out_dir.exists() and not out_dir.is_dir():
        raise click.UsageError(MSG_OUT_DIR_NOT_DIR.format(out=out_dir))
    out = out_dir.resolve()
    for name in inputs:
        path = Path(name).resolve()
        if out == path or out in path.parents or (path.is_dir() and path in out.parents):
            raise click.UsageError(MSG_OUT_DIR_HOLDS_INPUT.format(out=out_dir, input=name))


def _items(options: dict[str, Any]) -> Iterator[Item]:
    """A fresh pass over the batch's documents (the learning pass reads them again)."""
    if options["jsonl_in"] is not None:
        source = options["jsonl_in"]
        name = "<stdin>" if source == "-" else source
        if source == "-":
            _note_terminal()
            yield from sources.jsonl_items(sys.stdin.buffer, name)
            return
        with sources.open_binary(source) as stream:
            yield from sources.jsonl_items(stream, name)
        return
    inputs = options["inputs"]
    if any(sources.is_warc(i) for i in inputs):
        start = 0
        for path in inputs:
            for item in warc.items(path, start):
                start = item.index + 1
                yield item
        return
    extension = EXTENSIONS[options["fmt"]]
    yield from sources.file_items(inputs, extension)


def _sink(options: dict[str, Any]) -> Sink:
    if options["out_dir"] is not None:
        options["out_dir"].mkdir(parents=True, exist_ok=True)
        return sinks.FolderSink(options["out_dir"])
    if options["jsonl_out"] not in (None, STDOUT):
        return sinks.JsonlSink(path=options["jsonl_out"])
    return sinks.JsonlSink(stream=sys.stdout.buffer)


def _progress(options: dict[str, Any], label: str) -> tqdm[Any]:
    """A progress bar on stderr, only for a terminal and without --quiet."""
    from tqdm import tqdm  # slow to import (it reads package metadata); batches only

    enabled = not options["quiet"] and sys.stderr.isatty()
    total = _total(options) if enabled else None
    return tqdm(
        total=total, desc=label, unit="doc", file=sys.stderr, disable=not enabled,
        delay=PROGRESS_MIN_SECONDS, dynamic_ncols=True,
    )  # fmt: skip


def _total(options: dict[str, Any]) -> int | None:
    source = options["jsonl_in"]
    if source is not None:
        return None if source == "-" else sources.count_lines(source)
    inputs = options["inputs"]
    return None if any(sources.is_warc(i) for i in inputs) else sources.count_files(inputs)


def _counted(items: Iterator[Item], bar: tqdm[Any]) -> Iterator[Item]:
    for item in items:
        bar.update(1)
        yield item


def _notifier(bar: tqdm[Any], quiet: bool) -> Callable[[Outcome], None]:
    def notify(outcome: Outcome) -> None:
        bar.update(1)
        if outcome.status is Status.FAILED:
            _say(f"error: {_named(outcome.name, outcome.message)}", bar)
        elif outcome.status is Status.NO_ARTICLE and not quiet:
            _say(f"warning: {outcome.name}: {MESSAGES[Problem.NO_ARTICLE]}", bar)

    return notify


def _named(name: str, message: str) -> str:
    return message if message.startswith(f"{name}:") else f"{name}: {message}"


def _say(message: str, bar: tqdm[Any] | None = None) -> None:
    if bar is not None and not bar.disable:
        bar.write(f"clean: {message}", file=sys.stderr)
    else:
        click.echo(f"clean: {message}", err=True)


def _print_summary(summary: Summary) -> None:
    _say(
        MSG_SUMMARY.format(
            total=summary.total, done=summary.done, no_article=summary.no_article,
            failed=summary.failed, bytes_in=_human_size(summary.bytes_in),
            bytes_out=_human_size(summary.bytes_out),
        )
    )  # fmt: skip
    if summary.removed:
        counts = ", ".join(f"{reason} {n}" for reason, n in summary.removed.most_common())
        _say(MSG_REMOVED.format(counts=counts))
    if summary.skipped:
        counts = ", ".join(f"{kind} {n}" for kind, n in summary.skipped.most_common())
        _say(MSG_RECORDS_SKIPPED.format(counts=counts))


def _human_size(size: int) -> str:
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"
