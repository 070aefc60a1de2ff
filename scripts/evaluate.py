"""Measure the cleaner and its peers on the development benchmarks, in one table.

HTML mode feeds each system the page; text mode feeds it a plain-text dump of the
page (html-text, inscriptis, or html2text's markdown). Scores are the ScrapingHub
shingle metric (`benchlib`); see `--help` for the options. `--structure` adds the
structure scores of markdown outputs (`structure`); the worst-pages view
(`worstpages`) follows the table whenever trafilatura and the cleaner both ran.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from itertools import islice
from pathlib import Path

import benchlib as bl
import floors
import ftr_effect
import structure
import worstpages

BASELINE_PATH = bl.REPO_ROOT / "tests" / "accuracy_baseline.json"
CHANGELOG_PATH = bl.REPO_ROOT / "CHANGELOG.md"

DEFAULT_JOBS = 2
PROGRESS_EVERY = 50
"""Pages between two progress lines on stderr."""
DIFF_LINES = 3
DIFF_WIDTH = 100
ERRORS_LISTED = 10
"""Errors listed per (set, mode, system); the rest are only counted."""

MODE_CHOICES = ("html", "text")
ALL_SYSTEMS = tuple(dict.fromkeys([*bl.HTML_SYSTEMS, *bl.TEXT_SYSTEMS]))
HEADER = ("set", "mode", "system", "F1", "P", "R", "pages/s", "with", "without", "errors")

ERR_UNKNOWN = "unknown {what}: {names} (choose from {choices})"
ERR_NO_BENCHMARKS = "benchmarks folder not found: {path}"
ERR_BASELINE_LIMIT = "--write-baseline needs whole sets: drop --limit"
ERR_LOWER_ALONE = "--lower-floor and --reason go with --write-baseline"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        sets, modes, systems = _selection(args)
        if not args.benchmarks.is_dir():
            raise ValueError(ERR_NO_BENCHMARKS.format(path=args.benchmarks))
        if args.write_baseline and args.limit:
            raise ValueError(ERR_BASELINE_LIMIT)
        lower = _lowering(args, sets, modes)
    except ValueError as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 2
    pages = {s: bl.load_set(s, args.benchmarks)[: args.limit or None] for s in sets}
    plan = _plan(modes, systems)
    jobs = [bl.Job(p, plan, frozenset({bl.CLEANER})) for ps in pages.values() for p in ps]
    started = time.perf_counter()
    outcomes = bl.run_jobs(jobs, args.jobs, _progress_printer(started))
    print(f"evaluated {len(jobs)} pages in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    summaries = bl.summarise(outcomes)
    _report(summaries, outcomes, pages, args)
    shares = worstpages.worst_shares(outcomes)
    if shares:
        print("\n" + "\n".join(worstpages.report_lines(shares)))
    structures = _structure(pages, modes, args) if args.structure else {}
    if args.ftr:
        print("\nHTML mode with and without the fivefilters collection:\n")
        print("\n".join(ftr_effect.effect_table([p for ps in pages.values() for p in ps],
                                                 args.ftr, args.jobs)))  # fmt: skip
    if args.json:
        figures = _as_json(summaries, outcomes)
        figures["worst_pages"] = worstpages.as_json(shares)
        figures["structure"] = structure.as_json(structures)
        args.json.write_text(json.dumps(figures, indent=1) + "\n")
    if args.write_baseline:
        write_baseline(summaries, BASELINE_PATH, lower, args.reason or "")
    return 0


def _structure(
    pages: dict[str, list[bl.Page]], modes: Sequence[str], args: argparse.Namespace
) -> dict[structure.StructureKey, dict[str, structure.Tally]]:
    """Score structure on the pages that have markdown gold, and print the report."""
    started = time.perf_counter()
    every = [p for ps in pages.values() for p in ps]
    results = structure.run(every, modes, args.jobs, _progress_printer(started))
    summaries = structure.summarise(results)
    print("\nStructure of the markdown outputs (WCXB's markdown gold):\n")
    if not structure.cleaner_has_markdown():
        print("(this cleaner has no Result.markdown: its figures are n/a)")
    print("\n".join(structure.report_lines(summaries, modes)))
    for line in structure.errors(results)[:ERRORS_LISTED]:
        print(f"  error: {line[:DIFF_WIDTH]}")
    return summaries


def _lowering(
    args: argparse.Namespace, sets: Sequence[str], modes: Sequence[str]
) -> list[floors.Key]:
    """The floors the user asked to lower (checked before the long run starts)."""
    if (args.lower_floor or args.reason) and not args.write_baseline:
        raise ValueError(ERR_LOWER_ALONE)
    if args.lower_floor and not (args.reason or "").strip():
        raise ValueError(floors.ERR_REASON)
    keys = [floors.parse_key(value) for value in args.lower_floor]
    for key in keys:
        if key[0] not in sets or key[1] not in modes:
            raise ValueError(floors.ERR_LOWER_UNKNOWN.format(key="/".join(key)))
    return keys


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "benchmarks",
        nargs="?",
        type=Path,
        default=bl.DEFAULT_BENCHMARKS,
        help="folder holding scrapinghub/ and wcxb-dev-articles/ "
        "(default: ../shared/benchmarks beside the repo)",
    )
    parser.add_argument("--sets", default=",".join(bl.SET_DIRS), help="comma-separated sets")
    parser.add_argument("--modes", default=",".join(MODE_CHOICES), help="html and/or text")
    parser.add_argument(
        "--dumps", default=",".join(bl.DUMP_MAKERS), help="dump kinds for text mode"
    )
    parser.add_argument(
        "--systems",
        default=",".join(s for s in ALL_SYSTEMS if s not in bl.VARIANTS),
        help="systems to run (each runs in the modes it belongs to); also "
        f"{', '.join(bl.VARIANTS)} (ablations with the block model off, only when named)",
    )
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each set")
    parser.add_argument(
        "--worst",
        type=int,
        default=10,
        metavar="N",
        help="list the cleaner's N worst pages per set and mode (0: none)",
    )
    parser.add_argument("--jobs", type=int, default=DEFAULT_JOBS, help="worker processes")
    parser.add_argument(
        "--ftr",
        type=Path,
        metavar="DIR",
        help="also measure HTML mode with the fivefilters collection in DIR (e.g. "
        "../shared/site-rules/ftr-site-config), on all pages and on those it covers",
    )
    parser.add_argument(
        "--structure",
        action="store_true",
        help="also score structure (headings, list items, table cells, code lines) of "
        "markdown outputs against WCXB's markdown gold: trafilatura's on the HTML and the "
        "cleaner's in each selected mode (--systems does not apply)",
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--write-baseline",
        action="store_true",
        help=f"raise the gate's floors to the cleaner's F1 - {floors.BASELINE_MARGIN} "
        "where that is higher (a floor never falls unless --lower-floor names it)",
    )
    parser.add_argument(
        "--lower-floor",
        action="append",
        default=[],
        metavar="SET/MODE",
        help="with --write-baseline: also lower this floor (e.g. wcxb/text:inscriptis) "
        "if the figure fell; repeatable; needs --reason",
    )
    parser.add_argument(
        "--reason", help="why the floors named by --lower-floor fall (goes to CHANGELOG.md)"
    )
    return parser.parse_args(argv)


def _names(value: str, choices: Iterable[str], what: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    allowed = list(choices)
    unknown = [n for n in names if n not in allowed]
    if unknown:
        raise ValueError(
            ERR_UNKNOWN.format(what=what, names=", ".join(unknown), choices=", ".join(allowed))
        )
    return names


def _selection(args: argparse.Namespace) -> tuple[list[str], list[str], list[str]]:
    sets = _names(args.sets, bl.SET_DIRS, "set")
    kinds = _names(args.modes, MODE_CHOICES, "mode")
    dumps = _names(args.dumps, bl.DUMP_MAKERS, "dump")
    systems = _names(args.systems, ALL_SYSTEMS, "system")
    modes = ([bl.HTML_MODE] if "html" in kinds else []) + (
        [bl.text_mode(d) for d in dumps] if "text" in kinds else []
    )
    return sets, modes, systems


def _plan(modes: Sequence[str], systems: Sequence[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    plan = ((m, tuple(s for s in bl.systems_of(m) if s in systems)) for m in modes)
    return tuple((mode, names) for mode, names in plan if names)


def _progress_printer(started: float) -> bl.Progress:
    def show(done: int, total: int) -> None:
        if done % PROGRESS_EVERY == 0 or done == total:
            elapsed = time.perf_counter() - started
            print(f"  {done}/{total} pages, {elapsed:.0f} s", file=sys.stderr, flush=True)

    return show


# --- the report -------------------------------------------------------------------


def _report(
    summaries: dict[bl.Key, bl.Summary],
    outcomes: list[bl.Outcome],
    pages: dict[str, list[bl.Page]],
    args: argparse.Namespace,
) -> None:
    rows = [_row(key, summary) for key, summary in sorted(summaries.items(), key=_order)]
    print(_markdown(rows) if args.markdown else _aligned(rows))
    _print_errors(summaries)
    if args.worst > 0:
        _print_worst(outcomes, pages, args.worst)


def _order(item: tuple[bl.Key, bl.Summary]) -> tuple[int, int, int]:
    set_name, mode, system = item[0]
    return (
        list(bl.SET_DIRS).index(set_name),
        list(bl.ALL_MODES).index(mode),
        ALL_SYSTEMS.index(system),
    )


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _rate(pages_per_second: float) -> str:
    return f"{pages_per_second:.1f}" if pages_per_second < 1000 else f"{pages_per_second:.0f}"


def _row(key: bl.Key, s: bl.Summary) -> list[str]:
    return [
        *key,
        f"{s.scores.f1:.3f}",
        f"{s.scores.precision:.3f}",
        f"{s.scores.recall:.3f}",
        _rate(s.pages_per_second),
        _share(s.snippets.with_share),
        _share(s.snippets.without_share),
        str(len(s.errors)),
    ]


def _aligned(rows: list[list[str]]) -> str:
    table = [list(HEADER), *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(HEADER))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in table
    )


def _markdown(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def _print_errors(summaries: dict[bl.Key, bl.Summary]) -> None:
    for (set_name, mode, system), summary in sorted(summaries.items()):
        if not summary.errors:
            continue
        print(f"\nerrors: {set_name} {mode} {system}: {len(summary.errors)} pages")
        for outcome in summary.errors[:ERRORS_LISTED]:
            print(f"  {outcome.page_id}: {(outcome.error or '')[:DIFF_WIDTH]}")
        if len(summary.errors) > ERRORS_LISTED:
            print(f"  ... and {len(summary.errors) - ERRORS_LISTED} more")


def _print_worst(outcomes: list[bl.Outcome], pages: dict[str, list[bl.Page]], n: int) -> None:
    by_id = {(p.set_name, p.page_id): p for ps in pages.values() for p in ps}
    mine = [o for o in outcomes if o.system == bl.CLEANER]
    for set_name in pages:
        for mode in bl.ALL_MODES:
            group = [o for o in mine if o.set_name == set_name and o.mode == mode]
            if group:
                print(f"\nworst {n}: {set_name} {mode} cleaner")
                for outcome in sorted(group, key=lambda o: (o.overlap.f1, o.page_id))[:n]:
                    _print_page(outcome, by_id[(set_name, outcome.page_id)])


def _print_page(outcome: bl.Outcome, page: bl.Page) -> None:
    o = outcome.overlap
    print(f"  {page.page_id}  F1={o.f1:.3f} P={o.precision:.3f} R={o.recall:.3f}  {page.url}")
    text = outcome.output or ""
    if not text.strip():
        print("    (empty output)")
    for line in absent_lines(page.gold, text):
        print(f"    - {line}")
    for line in absent_lines(text, page.gold):
        print(f"    + {line}")


def absent_lines(source: str, other: str) -> list[str]:
    """The first lines of `source` whose tokens do not occur, in order, in `other`.

    Lines are compared as the metric sees them (`\\w+` tokens, here case-folded),
    so a curly apostrophe or a changed space does not show as a difference.
    """
    haystack = _token_key(other)
    found = (line for line in source.splitlines() if _token_key(line).strip())
    absent = (line for line in found if _token_key(line) not in haystack)
    return [" ".join(line.split())[:DIFF_WIDTH] for line in islice(absent, DIFF_LINES)]


def _token_key(text: str) -> str:
    return f" {' '.join(bl.tokenize(text)).casefold()} "


# --- files ------------------------------------------------------------------------


def _as_json(summaries: dict[bl.Key, bl.Summary], outcomes: list[bl.Outcome]) -> dict[str, object]:
    def summary(key: bl.Key, s: bl.Summary) -> dict[str, object]:
        return {
            "set": key[0],
            "mode": key[1],
            "system": key[2],
            **asdict(s.scores),
            "pages": s.pages,
            "seconds": round(s.seconds, 3),
            "with_share": s.snippets.with_share,
            "without_share": s.snippets.without_share,
            "errors": {o.page_id: o.error for o in s.errors},
        }

    def page(o: bl.Outcome) -> dict[str, object]:
        return {
            "set": o.set_name,
            "page": o.page_id,
            "mode": o.mode,
            "system": o.system,
            "f1": o.overlap.f1,
            "precision": o.overlap.precision,
            "recall": o.overlap.recall,
            "seconds": round(o.seconds, 4),
            "error": o.error,
        }

    return {
        "summary": [summary(k, s) for k, s in sorted(summaries.items(), key=_order)],
        "pages": [page(o) for o in outcomes],
    }


def write_baseline(
    summaries: dict[bl.Key, bl.Summary],
    path: Path,
    lower: Sequence[floors.Key] = (),
    reason: str = "",
    log: Callable[[str], None] = print,
) -> None:
    """Raise the gate's measured floors to the cleaner's F1 minus the margin where that
    is higher; lower only the floors in `lower`, logging `reason` in CHANGELOG.md."""
    figures = {
        (set_name, mode): summary.scores.f1
        for (set_name, mode, system), summary in summaries.items()
        if system == bl.CLEANER
    }
    floors.renew(path, floors.MEASURED, figures, lower, reason, CHANGELOG_PATH, log)


if __name__ == "__main__":
    sys.exit(main())
