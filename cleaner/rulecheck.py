"""Checks on rule directories themselves: every site-rule file parses and every pattern
and XPath compiles. Serves `clean --check-rules DIR` and the test of the shipped rules.

Patterns are checked by the Rust core that will match them, so a pattern in Python
`re` syntax that Rust `regex` refuses (look-around, back-references) is reported with
its file and line, every one of them, not just the first.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from cleaner import _core
from cleaner.errors import RuleFileError
from cleaner.ftr import validate_directory as validate_ftr
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
    """One TOML site-rule file's problems: each pattern the core cannot compile, with
    its line, or else whatever else keeps the file from loading."""
    try:
        text = path.read_text("utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return [f"{path}: {exc}"]
    patterns = list(_patterns_of(data))
    errors = _core.pattern_errors(patterns)
    if errors:
        return [f"{path}:{line_of(text, patterns[i])}: {message}" for i, message in errors]
    try:
        parse_rules(text, str(path))
    except RuleFileError as exc:
        return [str(exc)]
    return []


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
