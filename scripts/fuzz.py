"""Long fuzzing runs of `clean`, beyond the suite's bounded examples.

    python scripts/fuzz.py properties --minutes 10   # the properties of tests/test_properties.py
    python scripts/fuzz.py regexes --size 100000     # every compiled pattern on adversarial lines

`properties` runs each property with random (not derandomised) hypothesis examples in
rounds until the time is up, and reports how many inputs each one tried and the
shrunk counterexample of each that failed. `regexes` finds every compiled Python
regular expression in the `cleaner` package (module globals; the rule files' patterns
run in the Rust core's linear-time matcher), runs each with search, match and
fullmatch on one long line of every unit in tests/test_robustness.LINE_UNITS, one
pattern per subprocess so a catastrophic one is killed when one call runs too long,
and lists those whose time grows faster than the line, with the call and input that
did it. It tries every method on every pattern: check how the code calls a flagged
one (anchored, or only on short blocks) before calling it a bug.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import multiprocessing
import pkgutil
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

ROUND_EXAMPLES = 40
"""Examples per property per round; rounds go on until the time is up."""

SLOW_MATCH_SECONDS = 0.05
"""Below this a pattern is fast on the line whatever its growth; quadratic growth shows as
16x the time for 4x the line (linear: 4x), so more than 8x is called superlinear."""

CASE_TIMEOUT_SECONDS = 20.0
"""One call on one line running this long is a catastrophic pattern (linear: < 0.5 s)."""

# --- properties -------------------------------------------------------------------


def fuzz_properties(minutes: float, skip: set[str]) -> dict[str, Any]:
    from tests.test_properties import PROPERTIES

    deadline = time.monotonic() + minutes * 60
    tried = dict.fromkeys(PROPERTIES, 0)
    seconds = dict.fromkeys(PROPERTIES, 0.0)
    failures: dict[str, str] = {}
    round_number = 0
    while time.monotonic() < deadline and set(PROPERTIES) - set(failures) - skip:
        round_number += 1
        for name, (check, strategy) in PROPERTIES.items():
            if name in failures or name in skip or time.monotonic() >= deadline:
                continue
            counted = _counting(check, tried, name)
            test = settings(
                max_examples=ROUND_EXAMPLES,
                deadline=None,
                database=None,
                phases=[Phase.generate, Phase.shrink],
                suppress_health_check=list(HealthCheck),
            )(given(strategy)(counted))
            start = time.monotonic()
            try:
                test()
            except Exception as error:  # a property failed: keep its shrunk example
                failures[name] = _describe(error)
                print(f"[{name}] FAILED: {failures[name]}", flush=True)
            seconds[name] += time.monotonic() - start
        print(f"round {round_number}: {json.dumps(tried)}", flush=True)
    return {"tried": tried, "seconds": seconds, "failures": failures, "rounds": round_number}


def _counting(check: Callable[[Any], None], tried: dict[str, int], name: str) -> Any:
    def counted(document: Any) -> None:
        tried[name] += 1
        check(document)

    return counted


def _describe(error: BaseException) -> str:
    notes = getattr(error, "__notes__", [])
    lines = traceback.format_exception_only(type(error), error)
    return " | ".join(line.strip() for line in [*notes, *lines] if line.strip())[:2000]


# --- regular expressions -----------------------------------------------------------


def find_patterns() -> dict[tuple[str | bytes, int], str]:
    """Every compiled pattern reachable from the cleaner's modules, with where it lives."""
    import cleaner

    found: dict[tuple[str | bytes, int], str] = {}

    def walk(value: object, name: str, depth: int = 0) -> None:
        if depth > 4:
            return
        if isinstance(value, re.Pattern):
            found.setdefault((value.pattern, value.flags), name)
        elif isinstance(value, tuple | list | set | frozenset):
            for i, item in enumerate(value):
                walk(item, f"{name}[{i}]", depth + 1)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{name}[{key!r}]", depth + 1)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name), f"{name}.{field.name}", depth + 1)

    for module in pkgutil.walk_packages(cleaner.__path__, "cleaner."):
        if module.name.endswith("__main__"):
            continue  # runs the CLI on import
        for key, value in vars(importlib.import_module(module.name)).items():
            walk(value, f"{module.name}.{key}")
    # The phrase lists and site rules are compiled by the Rust core's regex crate,
    # whose matching is linear in the block's length whatever the pattern
    # (rust/tests/properties.rs fuzzes them); only Python's own patterns are timed.
    return found


def adversarial_lines(size: int) -> Iterator[tuple[str, str]]:
    from tests.test_robustness import LINE_UNITS, repeat

    for name, unit in LINE_UNITS.items():
        line = repeat(unit, size)
        yield name, line
        yield f"{name}+!", line + "!"  # a failing end makes anchored patterns backtrack
        yield f"x+{name}", "x" + line


def _time_pattern(pattern: str | bytes, flags: int, size: int, conn: Any) -> None:
    """Report ("start", case) before each call and ("done", case, seconds) after it, so a
    call that never returns is named by the last start; then the worst case's time at a
    quarter of the size."""
    compiled = re.compile(pattern, flags)
    worst: tuple[float, str, str] = (0.0, "", "")
    for name, line in adversarial_lines(size):
        for method in ("search", "match", "fullmatch"):
            case = f"{method} on {name}"
            conn.send(("start", case))  # a pipe: sent before the call, even if it hangs
            subject = line.encode() if isinstance(pattern, bytes) else line
            start = time.perf_counter()
            getattr(compiled, method)(subject)
            seconds = time.perf_counter() - start
            if seconds > worst[0]:
                worst = (seconds, method, name)
    seconds, method, name = worst
    small = dict(adversarial_lines(size // 4))[name]
    subject = small.encode() if isinstance(pattern, bytes) else small
    start = time.perf_counter()
    getattr(compiled, method)(subject)
    conn.send(("done", f"{method} on {name}", seconds, time.perf_counter() - start))


def check_regexes(size: int) -> list[dict[str, Any]]:
    """Each pattern's worst case, and whether its time grows faster than its input; a
    call still running after CASE_TIMEOUT_SECONDS is catastrophic."""
    rows = []
    for (pattern, flags), where in sorted(find_patterns().items(), key=lambda item: item[1]):
        receiver, sender = multiprocessing.Pipe(duplex=False)
        args = (pattern, flags, size, sender)
        process = multiprocessing.Process(target=_time_pattern, args=args, daemon=True)
        process.start()
        last: tuple[Any, ...] = ("start", "?")
        since = time.monotonic()
        while last[0] != "done" and time.monotonic() - since < CASE_TIMEOUT_SECONDS:
            if receiver.poll(1.0):
                last = receiver.recv()
                since = time.monotonic()
            elif not process.is_alive():
                break
        process.kill()
        process.join()
        if last[0] != "done":
            verdict, case, seconds = "CATASTROPHIC", last[1], float("inf")
        else:
            _, case, seconds, quarter = last
            growth = seconds / max(quarter, 1e-9)
            verdict = "SUPERLINEAR" if seconds > SLOW_MATCH_SECONDS and growth > 8 else "ok"
        rows.append(
            {
                "where": where,
                "pattern": str(pattern)[:120],
                "verdict": verdict,
                "case": case,
                "seconds": round(seconds, 3),
            }
        )
        print(f"{verdict:12} {seconds:8.3f}s  {case:34} {where}", flush=True)
    return rows


# --- command line --------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    props = commands.add_parser("properties", help="fuzz the properties with hypothesis")
    props.add_argument("--minutes", type=float, default=10.0)
    props.add_argument("--skip", action="append", default=[], help="a property to leave out")
    regexes = commands.add_parser("regexes", help="time every pattern on adversarial lines")
    regexes.add_argument("--size", type=int, default=100_000, help="characters per line")
    args = parser.parse_args()
    start = time.monotonic()
    if args.command == "properties":
        report = fuzz_properties(args.minutes, set(args.skip))
    else:
        rows = check_regexes(args.size)
        report = {"patterns": len(rows), "bad": [r for r in rows if r["verdict"] != "ok"]}
    report["wall_seconds"] = round(time.monotonic() - start, 1)
    print(json.dumps(report, indent=2, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
