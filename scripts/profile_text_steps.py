"""Where text mode's time goes: CPU ms per page of each named step, over the cached
development dumps (a measurement, never a test).

Each step of `cleaner.textmode` (its heuristic steps, each generic rule, the model
step, `decide`), the page set-up (`new_state`: the language guess and the block
measures) and the settling loop (`cleaner.settle`) is wrapped in a timer for the run;
a step's time counts every pass that runs it. The rest of `clean()` (decoding,
reading the dump, cutting it into blocks, the result) is "outside the steps".

    python scripts/profile_text_steps.py [BENCHMARKS] [--dumps html-text] [--set scrapinghub]
        [--cprofile 25]

Dumps are read from compare_outputs.py's cache (made there on first use).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import os
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl
import compare_outputs as co

from cleaner import clean, settle, textmode

SPENT: dict[str, float] = defaultdict(float)
"""Step name -> CPU seconds, exclusive of the timed steps it calls."""
_STACK: list[list[float]] = []


def _timed(name: str, call: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(call)
    def run(*args: Any, **kwargs: Any) -> Any:
        _STACK.append([time.process_time(), 0.0])
        try:
            return call(*args, **kwargs)
        finally:
            start, inner = _STACK.pop()
            total = time.process_time() - start
            SPENT[name] += total - inner
            if _STACK:
                _STACK[-1][1] += total

    return run


def instrument() -> None:
    """Wrap every named step in a timer (module attributes and the step tuples)."""
    rules = tuple(_timed(f"rule {r.__module__}.{r.__name__}", r) for r in textmode.GENERIC_RULES)
    textmode.GENERIC_RULES = rules
    wrapped = {}
    for step in {*textmode.HEURISTIC_STEPS, *textmode.MODEL_STEPS}:
        wrapped[step] = _timed(f"step {step.__name__}", step)
    textmode.HEURISTIC_STEPS = tuple(wrapped[s] for s in textmode.HEURISTIC_STEPS)
    textmode.MODEL_STEPS = tuple(wrapped[s] for s in textmode.MODEL_STEPS)
    for module, name in (
        (textmode, "guess_language"),
        (textmode, "measure_page"),
        (textmode, "measure_all"),  # before the page was kept in the core
        (textmode, "new_state"),
        (textmode, "decide"),
        (settle, "clean_blocks"),
    ):
        if not hasattr(module, name):
            continue
        label = f"{module.__name__.split('.')[-1]}.{name}"
        setattr(module, name, _timed(label, getattr(module, name)))


def documents(benchmarks: Path, set_name: str, kind: str) -> list[tuple[str, str]]:
    mode = bl.text_mode(kind)
    out = []
    for page in bl.load_set(set_name, benchmarks):
        doc = co.Document(set_name, page.page_id, mode, page.url, page.gold)
        out.append((co.document_text(page, doc), page.url))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--dumps", default=bl.HTML_TEXT, choices=sorted(bl.DUMP_MAKERS))
    parser.add_argument("--set", default=bl.SCRAPINGHUB, choices=sorted(bl.SET_DIRS))
    parser.add_argument("--cprofile", type=int, default=0, help="also print N cProfile lines")
    args = parser.parse_args(argv)
    docs = documents(args.benchmarks, args.set, args.dumps)
    for text, url in docs:  # load what loads once (stoplists, rules, the model)
        clean(text, url or None, kind="text")
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    instrument()
    SPENT.clear()
    start = time.process_time()
    for text, url in docs:
        clean(text, url or None, kind="text")
    total = time.process_time() - start
    steps = sum(SPENT.values())
    print(f"\n{len(docs)} {args.set} {args.dumps} dumps, text mode: "
          f"{1000 * total / len(docs):.2f} CPU ms per page\n")  # fmt: skip
    print("| step (exclusive of the steps it runs) | ms per page | share |")
    print("|---|---:|---:|")
    rows = sorted(SPENT.items(), key=lambda kv: -kv[1])
    rows.append(("outside the steps (decode, read, segment, result)", total - steps))
    for name, seconds in rows:
        print(f"| {name} | {1000 * seconds / len(docs):.3f} | {seconds / total:.1%} |")
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")
    if args.cprofile:
        profiler = cProfile.Profile()
        profiler.enable()
        for text, url in docs:
            clean(text, url or None, kind="text")
        profiler.disable()
        print("\n```")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(args.cprofile)
        print("```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
