"""Checks on rule directories themselves: every site-rule file parses and every pattern
and XPath compiles. Serves `clean --check-rules DIR` and the test of the shipped rules."""

from __future__ import annotations

from pathlib import Path

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
        try:
            parse_rules(path.read_text("utf-8"), str(path))
        except (RuleFileError, OSError, UnicodeDecodeError) as exc:
            problems.append(str(exc) if isinstance(exc, RuleFileError) else f"{path}: {exc}")
    if any(directory.glob("*.txt")):
        problems.extend(validate_ftr(directory))
    return problems
