"""Per-site rules as data: TOML files matched by host (from the URL) or recognised in
a dump by marker lines, each naming a site's recurring furniture.

The shipped files live in cleaner/sites/; users add directories of their own. Their
patterns are compiled and matched by the Rust core (`_core.Patterns`): Rust `regex`
syntax, so no look-around and no back-references.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from cleaner import _core
from cleaner.errors import RuleFileError
from cleaner.page import Page
from cleaner.results import Mark, Reason

DEFAULT_MIN_MARKERS = 1
"""Blocks that must match a site's markers before a URL-less dump counts as that site."""


@dataclass(frozen=True, slots=True)
class DropRule:
    pattern: _core.Patterns | None
    """The rule's pattern, searched for case-insensitively (None: every block)."""
    reason: Reason
    max_words: int | None
    headline: bool
    body_only: bool
    name: str
    example: str | None = None


@dataclass(frozen=True, slots=True)
class SiteRules:
    """One site's rule file, compiled."""

    name: str
    source: str
    hosts: tuple[str, ...]
    markers: _core.Patterns | None
    """Case-sensitive patterns, searched for, that recognise the site in a dump."""
    min_markers: int
    drops: tuple[DropRule, ...]
    ends: _core.Patterns | None
    """Headings after which the article is over, matched whole, case-insensitively."""
    end_reasons: tuple[Reason, ...]

    def matches_host(self, host: str) -> bool:
        host = host.lower().removeprefix("www.")
        return any(host == h or host.endswith("." + h) for h in self.hosts)

    def recognised_in(self, blocks: Sequence[str]) -> bool:
        if self.markers is None:
            return False
        return sum(self.markers.any(list(blocks))) >= self.min_markers


def parse_rules(text: str, source: str) -> SiteRules:
    """Compile one TOML rule file; raises RuleFileError naming the file and problem."""
    try:
        data = tomllib.loads(text)
        stem = Path(source).stem
        drops = tuple(
            _drop(d, f"site.{stem}.{d.get('id', f'drop{n}')}")
            for n, d in enumerate(data.get("drop", []))
        )
        ends = [str(e["pattern"]) for e in data.get("end", [])]
        markers = [str(m) for m in data.get("markers", [])]
        return SiteRules(
            name=data.get("name", stem),
            source=source,
            hosts=tuple(h.lower().removeprefix("www.") for h in data.get("hosts", [])),
            markers=_compiled(markers, case_insensitive=False) if markers else None,
            min_markers=int(data.get("min_markers", DEFAULT_MIN_MARKERS)),
            drops=drops,
            ends=_compiled(ends, whole=True) if ends else None,
            end_reasons=tuple(
                Reason(e.get("reason", Reason.SPILLOVER)) for e in data.get("end", [])
            ),
        )
    except (tomllib.TOMLDecodeError, KeyError, ValueError, TypeError) as exc:
        raise RuleFileError(f"{source}: {exc}") from exc


def _compiled(
    patterns: list[str], *, case_insensitive: bool = True, whole: bool = False
) -> _core.Patterns:
    """The core's matcher (`_core.RuleError`, a ValueError, where one does not compile)."""
    return _core.Patterns(patterns, case_insensitive=case_insensitive, whole=whole)


def _drop(data: dict[str, object], name: str) -> DropRule:
    pattern = data.get("pattern")
    max_words = data.get("max_words")
    return DropRule(
        pattern=_compiled([str(pattern)]) if pattern is not None else None,
        reason=Reason(str(data.get("reason", Reason.SITE_RULE))),
        max_words=int(str(max_words)) if max_words is not None else None,
        headline=data.get("shape") == "headline",
        body_only=data.get("where", "anywhere") == "body",
        name=name,
        example=str(data["example"]) if "example" in data else None,
    )


def _rule_files(directory: Path) -> Iterable[Path]:
    return sorted(directory.glob("*.toml")) if directory.is_dir() else ()


@cache
def shipped_rules() -> tuple[SiteRules, ...]:
    folder = resources.files("cleaner").joinpath("sites")
    return tuple(
        parse_rules(f.read_text("utf-8"), f"cleaner/sites/{f.name}")
        for f in sorted(folder.iterdir(), key=lambda f: f.name)
        if f.name.endswith(".toml")
    )


@cache
def load_rules(directories: tuple[Path, ...]) -> tuple[SiteRules, ...]:
    """Shipped rules, then each directory's; a later file with the same name wins."""
    by_name = {Path(r.source).name: r for r in shipped_rules()}
    for directory in directories:
        for path in _rule_files(directory):
            by_name[path.name] = parse_rules(path.read_text("utf-8"), str(path))
    return tuple(by_name.values())


def host_of(url: str | None) -> str | None:
    """The URL's host, lower-cased; None where there is none or the URL does not parse
    ("http://[broken"): the URL is a hint, and a page is cleaned without it."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def select_rules(
    rules: Sequence[SiteRules], url: str | None, blocks: Sequence[str]
) -> list[SiteRules]:
    """Rules for the page's host, plus rules whose markers the dump shows (a page of
    one site can wrap another's article, as aggregators do)."""
    host = host_of(url)
    return [r for r in rules if (host and r.matches_host(host)) or r.recognised_in(blocks)]


def site_marks(
    page: Page, rules: Sequence[SiteRules], body: range | None = None
) -> dict[int, Mark]:
    """Blocks a site's drop rules describe; body-only rules need the body's range."""
    marks: dict[int, Mark] = {}
    texts = [b.text for b in page.blocks]
    for site in rules:
        for rule in site.drops:
            if rule.body_only and body is None:
                continue
            found = rule.pattern.any(texts) if rule.pattern is not None else [True] * len(texts)
            for i, matched in enumerate(found):
                if i in marks or (rule.body_only and body is not None and i not in body):
                    continue
                if matched and _shape_fits(rule, page, i):
                    marks[i] = Mark(rule.name, rule.reason, site.source)
    return marks


def _shape_fits(rule: DropRule, page: Page, i: int) -> bool:
    f = page.features[i]
    if rule.max_words is not None and f.words > rule.max_words:
        return False
    return not (rule.headline and (f.ends_sentence or not f.headline_like))


def site_end_markers(page: Page, rules: Sequence[SiteRules]) -> dict[int, Reason]:
    """Blocks that are a site's end heading; where several match, the last rule's
    reason (sites in order, then their headings in file order)."""
    found: dict[int, Reason] = {}
    texts = [b.text for b in page.blocks]
    for site in rules:
        if site.ends is None:
            continue
        for i, matching in enumerate(site.ends.matching(texts)):
            if matching:
                found[i] = site.end_reasons[matching[-1]]
    return found
