"""Checks on rule directories themselves: every site-rule file parses and every pattern
and XPath compiles. Serves `clean --check-rules DIR` and the test of the shipped rules.

Patterns are checked by the Rust core that will match them, so a pattern in Python
`re` syntax that Rust `regex` refuses (look-around, back-references) is reported with
its file and line, every one of them, not just the first.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from cleaner import _core
from cleaner.errors import RuleFileError
from cleaner.ftr import validate_directory as validate_ftr
from cleaner.results import Reason
from cleaner.sites import parse_rules


def check_directory(directory: Path) -> list[str]:
    """Problems as `path[:line]: message`: our TOML site rules and fivefilters .txt
    site configs alike; an empty list when everything is usable."""
    if not directory.is_dir():
        return [f"{directory}: not a directory"]
    problems: list[str] = []
    for path in sorted(directory.glob("*.toml")):
        problems.extend(check_rule_file(path))
    if any(directory.glob("*.txt")):
        problems.extend(validate_ftr(directory))
    return problems


def check_rule_file(path: Path) -> list[str]:
    """One TOML site-rule file's problems, each with its line: TOML syntax, each pattern
    the core cannot compile, and each key or value the rules would not take (a
    misspelt key or an unknown reason would otherwise do nothing, or stop the file
    from loading with only the first problem named)."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        return [f"{path}: {exc.strerror or exc}"]
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [f"{path}:{line}: not UTF-8 ({exc.reason})"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [f"{path}:{_decode_error_line(str(exc), text)}: {_without_position(str(exc))}"]
    patterns = list(_patterns_of(data))
    problems = [
        f"{path}:{line_of(text, patterns[i])}: {message}"
        for i, message in _core.pattern_errors(patterns)
    ]
    problems += [f"{path}:{line}: {message}" for line, message in _schema_problems(data, text)]
    if problems:
        return problems
    try:
        parse_rules(text, str(path))
    except RuleFileError as exc:  # anything the checks above do not foresee
        return [f"{path}:1: {str(exc).removeprefix(f'{path}: ')}"]
    return []


TOP_KEYS = frozenset({"name", "hosts", "markers", "min_markers", "drop", "end"})
DROP_KEYS = frozenset({"id", "example", "pattern", "reason", "max_words", "shape", "where"})
END_KEYS = frozenset({"pattern", "reason"})
"""The keys `cleaner.sites.parse_rules` reads (docs/site-rules.md); any other does nothing."""
SHAPES = ("headline",)
WHERES = ("anywhere", "body")
_REASONS = tuple(r.value for r in Reason)

_TOML_POSITION = re.compile(r" \(at line (\d+), column \d+\)$| \(at end of document\)$")


def _decode_error_line(message: str, text: str) -> int:
    found = _TOML_POSITION.search(message)
    if found and found.group(1):
        return int(found.group(1))
    return max(1, len(text.splitlines()))


def _without_position(message: str) -> str:
    return _TOML_POSITION.sub("", message)


def _schema_problems(data: dict[str, Any], text: str) -> list[tuple[int, str]]:
    """(line, message) for each key or value of the file the rules would not take."""
    lines = _Lines(text)
    problems = [(lines.top(k), f"unknown key {k!r}") for k in data if k not in TOP_KEYS]
    for key in ("hosts", "markers"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append((lines.top(key), f"{key} must be a list of strings"))
    min_markers = data.get("min_markers", 1)
    if not isinstance(min_markers, int) or isinstance(min_markers, bool) or min_markers < 1:
        problems.append((lines.top("min_markers"), "min_markers must be a whole number >= 1"))
    for table, known in (("drop", DROP_KEYS), ("end", END_KEYS)):
        entries = data.get(table, [])
        if not isinstance(entries, list):
            problems.append((lines.top(table), f"{table} must be a [[{table}]] table list"))
            continue
        for n, entry in enumerate(entries):
            problems += [
                (lines.key(table, n, key), message)
                for key, message in _entry_problems(table, entry, known)
            ]
    return sorted(problems)


def _entry_problems(
    table: str, entry: dict[str, Any], known: frozenset[str]
) -> list[tuple[str, str]]:
    found = [(k, f"[[{table}]]: unknown key {k!r}") for k in entry if k not in known]
    if table == "end" and "pattern" not in entry:
        found.append(("", "[[end]]: no pattern"))
    if "reason" in entry and entry["reason"] not in _REASONS:
        found.append(("reason", f"[[{table}]]: unknown reason {entry['reason']!r}"))
    max_words = entry.get("max_words", 1)
    if not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 1:
        found.append(("max_words", f"[[{table}]]: max_words must be a whole number >= 1"))
    for key, allowed in (("shape", SHAPES), ("where", WHERES)):
        if key in entry and entry[key] not in allowed:
            choices = ", ".join(map(repr, allowed))
            found.append((key, f"[[{table}]]: {key} must be one of {choices}, not {entry[key]!r}"))
    return found


class _Lines:
    """Where keys sit in a rule file: top-level keys before the first table, and each
    key of the n-th `[[table]]` entry (its header's line when the key is not written
    there, e.g. a missing one)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def top(self, key: str) -> int:
        for number, line in enumerate(self.lines, start=1):
            if line.lstrip().startswith("["):
                break
            if _assigns(line, key):
                return number
        return 1

    def key(self, table: str, n: int, key: str) -> int:
        headers = [
            number
            for number, line in enumerate(self.lines, start=1)
            if re.fullmatch(rf"\s*\[\[\s*{table}\s*\]\]\s*(#.*)?", line)
        ]
        if n >= len(headers):
            return self.top(table)
        for number in range(headers[n] + 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if line.lstrip().startswith("["):
                break
            if key and _assigns(line, key):
                return number
        return headers[n]


def _assigns(line: str, key: str) -> bool:
    return re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", line) is not None


def _patterns_of(data: dict[str, Any]) -> list[str]:
    found = [str(m) for m in data.get("markers", [])]
    for table in ("drop", "end"):
        found += [str(r["pattern"]) for r in data.get(table, []) if "pattern" in r]
    return found


def line_of(text: str, pattern: str) -> int:
    """The line of a TOML file that holds `pattern` (as a literal or a basic string);
    1 where it cannot be found."""
    escaped = pattern.replace("\\", "\\\\").replace('"', '\\"')
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern in line or escaped in line:
            return number
    return 1
