"""The one options object of the cleaner; every knob a caller can turn lives here."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

InputKind = Literal["auto", "text", "html"]
HtmlExtraction = Literal["adaptive", "precision", "recall"]

RULES_PATH_ENV = "CLEANER_RULES_PATH"
"""Environment variable: extra site-rule directories, separated by os.pathsep."""

FTR_PATH_ENV = "CLEANER_FTR_PATH"
"""Environment variable: fivefilters site-config directories, separated by os.pathsep."""


MAX_INPUT = 20_000_000
"""20 MB: the largest page of the development sets is about 2 MB of HTML; a 10 MB
one-line dump is still cleaned, a 100 MB file is refused at once."""


@dataclass(frozen=True)
class Config:
    """Options of `clean`.

    kind:
        "auto" (default) detects HTML or a plain-text dump; "text" or "html" forces it.
    language:
        ISO 639-1 code of the page's language for stopword measures, or None to
        guess it from the text.
    site_rules:
        Use per-site rule files (the shipped ones plus `rule_dirs`). Off gives the
        generic cleaner alone.
    rule_dirs:
        Extra directories of site-rule files; later ones override earlier ones and
        the shipped rules for the same host. Directories named in the
        CLEANER_RULES_PATH environment variable come after these.
    ftr_dirs:
        Directories of fivefilters site configs (the ftr-site-config collection or
        your own files in its format), used in HTML mode; later ones win. Directories
        named in CLEANER_FTR_PATH come after these.
    html_extraction:
        How trafilatura is run in HTML mode: "precision" (favour_precision), "recall"
        (its default), or "adaptive" (default): both, keeping the precise text unless
        it holds under half of what recall mode finds, the sign that it cut the
        article. Adaptive costs two extractions; measured best (README).
    html_fallback:
        In HTML mode, also read the page as a text dump when that may find more of
        the article than trafilatura did, and take that reading where it holds nearly
        all of trafilatura's body and either three times its words (trafilatura saw a
        fragment) or 1.5 times them, added inside the body (trafilatura left holes;
        `cleaner.fallback`). Costs a text-mode pass on the pages whose dump could hold
        such a reading (README, Speed).
    block_model:
        In text mode, let the learned block classifier (trained on the development
        sets with site-grouped cross-validation; see README) make the final keep/drop
        call on blocks no rule has marked, on pages whose words fit a stoplist (not on
        Japanese or Chinese text, which it has hardly seen). Off gives the hand-written
        heuristics alone.
    markdown:
        In text mode, read a dump that writes links as markdown (html2text and its
        kind; `cleaner.markdown.looks_like_markdown`) as the text it shows: links
        become their text, images and emphasis marks go, wrapped paragraphs are
        joined. The output is then plain text, not markdown. Off keeps every line as
        the dump wrote it.
    max_input:
        Documents longer than this (characters of a str, bytes of bytes) are refused
        with the problem "input_too_large" instead of being cleaned: no web page's
        article needs more, and cleaning costs time linear in the size (100 MB of text
        would take about ten minutes).
    timeout:
        Seconds one document may take before it is given up with the problem
        "timeout" (None: no limit, the library's default; the `clean` command sets
        `--timeout`, 60 s by default). Enforced with a real-time alarm, so only when
        `clean` runs in the main thread (batch workers always do); see
        `cleaner.deadline`.
    furniture:
        Lines known to be the site's furniture (e.g. learned from many pages of the
        same host in a batch), as `cleaner.segment.fold` keys; blocks equal to one
        are dropped as "repeated_site_furniture".
    """

    kind: InputKind = "auto"
    language: str | None = None
    site_rules: bool = True
    rule_dirs: tuple[Path, ...] = ()
    ftr_dirs: tuple[Path, ...] = ()
    html_extraction: HtmlExtraction = "adaptive"
    html_fallback: bool = True
    block_model: bool = True
    markdown: bool = True
    max_input: int = MAX_INPUT
    timeout: float | None = None
    furniture: frozenset[str] = frozenset()

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with the given options replaced (None values are ignored)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def all_rule_dirs(self) -> tuple[Path, ...]:
        """The user's rule directories, option first, then the environment variable."""
        return tuple(self.rule_dirs) + _env_dirs(RULES_PATH_ENV)

    def all_ftr_dirs(self) -> tuple[Path, ...]:
        """The fivefilters directories, option first, then the environment variable."""
        return tuple(self.ftr_dirs) + _env_dirs(FTR_PATH_ENV)


def _env_dirs(variable: str) -> tuple[Path, ...]:
    return tuple(Path(p) for p in os.environ.get(variable, "").split(os.pathsep) if p)


DEFAULT_CONFIG = Config()
