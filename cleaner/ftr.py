"""Reading the fivefilters Full-Text RSS site-config collection (one `host.txt` file per site).

Owns the line format, host-to-file matching and whole-collection validation; applying a
config to a page (and XPath compilation) lives in `cleaner.ftr_apply`, re-exported here.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from cleaner.ftr_apply import (
    NOT_NODES,
    Applied,
    CompiledXPath,
    FtrRemoval,
    apply_replacements,
    apply_site_config,
    compile_xpath,
)

__all__ = [
    "Applied",
    "CompiledXPath",
    "FtrDirectory",
    "FtrRemoval",
    "FtrReplacement",
    "FtrRule",
    "SiteConfig",
    "apply_replacements",
    "apply_site_config",
    "candidate_names",
    "compile_xpath",
    "parse_site_config",
    "read_site_config",
    "validate_directory",
]

log = logging.getLogger(__name__)

# Directives whose value is an XPath expression, from the fivefilters site-patterns manual
# and graby's ConfigBuilder; `wrap_in(tag)` and `move_into(xpath)` are matched by their stem.
XPATH_DIRECTIVES = frozenset(
    {
        "body", "strip", "title", "author", "date", "single_page_link",
        "single_page_link_in_feed", "next_page_link", "strip_attr", "post_strip_attr",
        "native_ad_clue", "not_logged_in_xpath", "if_page_contains", "dissolve", "wrap_in",
        "move_into",
    }
)  # fmt: skip
# Directives the manual or graby define that this module keeps in `SiteConfig.other` without
# applying them (HTTP, login, paging, test and output options).
_OTHER_DIRECTIVES = XPATH_DIRECTIVES - {"body", "strip", "title", "author", "date"} | {
    "test_url", "test_contains", "tidy", "http_header", "parser", "requires_login",
    "login_uri", "login_username_field", "login_password_field", "login_extra_fields",
    "autodetect_on_failure", "autodetect_next_page", "insert_detected_image",
    "convert_double_br_tags", "skip_json_ld", "footnotes", "src_lazy_load_attr",
    "strip_comments",
}  # fmt: skip
_BOOLEANS = {"yes": True, "true": True, "no": False, "false": False}  # graby parseLines
# `directive: value` or `directive(argument): value`. The argument ends at the first `)`
# followed by `:`, so `replace_string(,"value":): x` keeps its colon; FTR and graby split
# the line at its first `:` and silently drop such rules (14 lines in 7 files, 2026-08).
_LINE = re.compile(r"(?P<name>[A-Za-z0-9_]+)(?:\((?P<arg>.*?)\))?\s*:(?P<value>.*)")
# Host names graby accepts (ConfigBuilderConfig hostname_regex) and its length limit.
_HOSTNAME = re.compile(r"(?:[a-z0-9-]*[a-z0-9]\.)*[a-z0-9-]*[a-z0-9]")
_MAX_HOST_LENGTH = 200
# Files in the collection that belong to no host: the licence, and FTR's fallback rules.
NON_HOST_FILES = frozenset({"LICENSE.txt", "global.txt"})
_NOT_CONFIG_FILES = frozenset({"LICENSE.txt"})
_NODE_DIRECTIVES = frozenset({"body", "strip"})  # apply_site_config needs nodes from these


@dataclass(frozen=True, slots=True)
class FtrRule:
    """One `directive: value` line, with the file and 1-based line it came from."""

    directive: str
    value: str
    path: str
    line: int


class FtrReplacement(NamedTuple):
    """A find_string/replace_string pair; `line` is where its find string was written."""

    find: str
    replace: str
    line: int


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """One parsed site-config file.

    `body`, `title`, `author`, `date` and `strip` hold XPath expressions (first match wins
    for all but strip); `strip_id_or_class` and `strip_image_src` hold substrings of
    @id/@class and img/@src. `replacements` apply to the raw HTML in order. `prune` is
    None when the file does not say. `other` keeps recognised directives that are not
    applied here (test_url, single_page_link, http_header(...), tidy, ...). `problems`
    are `path:line: message` strings for lines that could not be used.
    """

    path: str
    body: tuple[FtrRule, ...] = ()
    strip: tuple[FtrRule, ...] = ()
    strip_id_or_class: tuple[FtrRule, ...] = ()
    strip_image_src: tuple[FtrRule, ...] = ()
    title: tuple[FtrRule, ...] = ()
    author: tuple[FtrRule, ...] = ()
    date: tuple[FtrRule, ...] = ()
    replacements: tuple[FtrReplacement, ...] = ()
    prune: bool | None = None
    other: tuple[FtrRule, ...] = ()
    problems: tuple[str, ...] = ()

    def xpath_rules(self) -> Iterator[FtrRule]:
        """Every rule whose value is an XPath expression, in directive then file order."""
        yield from (*self.body, *self.strip, *self.title, *self.author, *self.date)
        yield from (rule for rule in self.other if _stem(rule.directive) in XPATH_DIRECTIVES)


_LISTS = ("body", "strip", "strip_id_or_class", "strip_image_src", "title", "author", "date")
_KNOWN_DIRECTIVES = _OTHER_DIRECTIVES | set(_LISTS) | {"find_string", "prune"}


def _stem(directive: str) -> str:
    return directive.split("(", 1)[0]


def parse_site_config(text: str, path: str) -> SiteConfig:
    """Parse one file's text; never raises, unusable lines go to `problems`."""
    lists: dict[str, list[FtrRule]] = {name: [] for name in (*_LISTS, "other")}
    replacements: list[FtrReplacement] = []
    problems: list[str] = []
    prune: bool | None = None
    pending: FtrRule | None = None  # a find_string waiting for its replace_string

    def problem(line: int, message: str) -> None:
        problems.append(f"{path}:{line}: {message}")

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            problem(number, f"not a 'directive: value' line: {line[:60]!r}")
            continue
        name, arg, value = match["name"], match["arg"], match["value"].strip()
        if name == "replace_string":
            if arg is not None:
                if pending is not None:
                    problem(pending.line, "find_string has no replace_string")
                    pending = None
                if arg:
                    replacements.append(FtrReplacement(arg, value, number))
                else:
                    problem(number, "replace_string() has an empty search string")
            elif pending is None:
                problem(number, "replace_string without a find_string before it")
            else:
                replacements.append(FtrReplacement(pending.value, value, pending.line))
                pending = None
            continue
        if name not in _KNOWN_DIRECTIVES:
            log.debug("%s:%d: ignoring unknown directive %r", path, number, name)
            continue
        if not value:
            problem(number, f"{name} has an empty value")
            continue
        rule = FtrRule(name if arg is None else f"{name}({arg})", value, path, number)
        if name == "find_string":
            if pending is not None:
                problem(pending.line, "find_string has no replace_string")
            pending = rule
        elif name == "prune":
            prune = _BOOLEANS.get(value.lower(), prune)
            if value.lower() not in _BOOLEANS:
                problem(number, f"prune should be yes or no, not {value!r}")
        elif name in lists and arg is None:
            lists[name].append(rule)
        else:
            lists["other"].append(rule)
    if pending is not None:
        problem(pending.line, "find_string has no replace_string")
    return SiteConfig(
        path=path,
        **{name: tuple(rules) for name, rules in lists.items()},
        replacements=tuple(replacements),
        prune=prune,
        problems=tuple(problems),
    )


def read_site_config(path: Path) -> SiteConfig:
    """Read and parse one file; unreadable or non-UTF-8 files become problems, not errors."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return SiteConfig(path=str(path), problems=(f"{path}:0: cannot read: {error}",))
    try:
        return parse_site_config(data.decode("utf-8-sig"), str(path))
    except UnicodeDecodeError as error:
        config = parse_site_config(data.decode("utf-8-sig", errors="replace"), str(path))
        note = f"{path}:0: not UTF-8 ({error.reason} at byte {error.start})"
        return replace(config, problems=(*config.problems, note))


def candidate_names(host: str) -> list[str]:
    """File names to try for `host`, best first.

    The convention of FTR's SiteConfig::build and graby's loadSiteConfig: drop a leading
    `www.`, try `host.txt`, then `.parent.txt` for the host minus its first label. They
    stop there; this also walks further up (`a.b.example.com` reaches `.example.com.txt`)
    because the collection documents `.example.com.txt` as covering every subdomain.
    It stops at two labels (no `.com.txt`); a file named after a two-label public
    suffix (`.co.uk.txt`) does not exist. A `.example.com.txt` does not cover
    `example.com` itself. Invalid host names give no candidates.
    """
    host = host.strip().lower().rstrip(".").removeprefix("www.")
    if not host or len(host) > _MAX_HOST_LENGTH or not _HOSTNAME.fullmatch(host):
        return []
    labels = host.split(".")
    wildcards = ["." + ".".join(labels[start:]) for start in range(1, len(labels) - 1)]
    return [f"{name}.txt" for name in (host, *wildcards)]


class FtrDirectory:
    """Site configs from one or more collection directories; later directories win.

    Construction touches no file. The first `find` lists each directory once; each file
    is parsed the first time it is needed and kept.
    """

    def __init__(self, directories: Sequence[Path]) -> None:
        self._directories = tuple(Path(directory) for directory in directories)
        self._files: dict[str, Path] | None = None  # file name -> the directory holding it
        self._parsed: dict[Path, SiteConfig] = {}

    def _index(self) -> dict[str, Path]:
        if self._files is None:
            files: dict[str, Path] = {}
            for directory in self._directories:
                try:
                    names = os.listdir(directory)
                except OSError as error:
                    log.warning("cannot list site-config directory %s: %s", directory, error)
                    continue
                for name in names:
                    if name.endswith(".txt") and name not in NON_HOST_FILES:
                        files[name] = directory  # a Path per file would cost 5 us each
            self._files = files
        return self._files

    def find(self, host: str) -> SiteConfig | None:
        """The config for `host` (a bare host name, as urllib's `hostname`), or None.

        Name priority comes first: the best candidate name present in any directory,
        read from the last directory that has it.
        """
        files = self._index()
        for name in candidate_names(host):
            if name in files:
                path = files[name] / name
                if path not in self._parsed:
                    self._parsed[path] = read_site_config(path)
                return self._parsed[path]
        return None


def validate_directory(directory: Path) -> list[str]:
    """Parse every file in `directory` and compile every XPath; `path:line: message` list."""
    problems: list[str] = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".txt") or name in _NOT_CONFIG_FILES:
            continue
        config = read_site_config(directory / name)
        problems.extend(config.problems)
        for rule in config.xpath_rules():
            compiled = compile_xpath(rule.value)
            error = compiled.error
            if not error and rule.directive in _NODE_DIRECTIVES and not compiled.selects_nodes:
                error = NOT_NODES
            if error:
                problems.append(f"{rule.path}:{rule.line}: {rule.directive}: {error}")
    return problems
