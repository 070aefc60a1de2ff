"""The one options object of the cleaner; every knob a caller can turn lives here."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal, get_args

InputKind = Literal["auto", "text", "html"]
HtmlExtraction = Literal["adaptive", "precision", "recall"]

KINDS: tuple[str, ...] = get_args(InputKind)
HTML_EXTRACTIONS: tuple[str, ...] = get_args(HtmlExtraction)

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

    Every option is checked when the object is built: a value of the wrong type
    raises TypeError, a value outside the allowed ones ValueError, each naming the
    option and what it accepts (`kind` and `html_extraction` are read without
    regard to case, so "HTML" is "html"; one folder given as a str or Path for
    `rule_dirs` or `ftr_dirs` is that folder).

    kind:
        "auto" (default) detects HTML or a plain-text dump from the whole document
        (`cleaner.htmlmode.looks_like_html`); "text" or "html" forces it.
    language:
        The page's language for stopword measures: an ISO 639-1 code ("en") or a
        jusText stoplist name ("English"), one the shipped stoplists hold; or None
        to guess it from the text.
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
    links:
        In HTML mode, keep the article's links in its markdown (`Result.markdown`) as
        `[text](url)`. The plain text is the same words either way.
    images:
        In HTML mode, keep the article's images in its markdown as `![alt](src)`.
    comments:
        Also give the reader comment thread the cleaner found, apart from the body, as
        `Result.comments` (and `comments` in JSON and in batch records that have some):
        plain text, one comment per paragraph (a blank line between comments, a line
        break between the paragraphs of one), without the thread's names, dates, vote
        counts and buttons (`cleaner.readercomments`). In HTML mode they are
        trafilatura's, asked for in the extraction that already reads the metadata, one
        paragraph each (its output does not say where a comment ends); in text mode, the
        texts of the thread the block steps found. Off (default) gives "" and leaves the
        body and the cost as they are.
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
    links: bool = False
    images: bool = False
    comments: bool = False
    max_input: int = MAX_INPUT
    timeout: float | None = None
    furniture: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for option in fields(self):
            value = getattr(self, option.name)
            checked = _CHECKS[option.name](option.name, value)
            if checked is not value:
                object.__setattr__(self, option.name, checked)

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with the given options replaced (None values are ignored)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def all_rule_dirs(self) -> tuple[Path, ...]:
        """The user's rule directories, option first, then the environment variable."""
        return tuple(self.rule_dirs) + _env_dirs(RULES_PATH_ENV)

    def all_ftr_dirs(self) -> tuple[Path, ...]:
        """The fivefilters directories, option first, then the environment variable."""
        return tuple(self.ftr_dirs) + _env_dirs(FTR_PATH_ENV)


MSG_TYPE = "Config.{name} must be {expected}, not {value!r}"
MSG_CHOICE = "Config.{name} must be one of {choices}, not {value!r}"
MSG_POSITIVE = "Config.{name} must be {expected} above 0, not {value!r}"
MSG_LANGUAGE = (
    "Config.language must be None, an ISO 639-1 code such as 'en' or a stoplist name "
    "such as 'English' (one of the languages the stoplists know), not {value!r}"
)
_NAME = re.compile(r"[A-Za-z_]+")
"""What a language code or stoplist name is made of (and nothing that reaches another
file when it names the stoplist's file)."""


def is_known_language(language: str) -> bool:
    """Whether the stoplists know `language` (an ISO 639-1 code or a jusText name)."""
    from cleaner.language import stoplist  # loads CLD2; only when a language is given

    return bool(_NAME.fullmatch(language)) and bool(stoplist(language))


def _choice(choices: tuple[str, ...]) -> Any:
    def check(name: str, value: object) -> str:
        if not isinstance(value, str):
            raise TypeError(MSG_TYPE.format(name=name, expected="a str", value=value))
        if value.lower() not in choices:
            listed = ", ".join(map(repr, choices))
            raise ValueError(MSG_CHOICE.format(name=name, choices=listed, value=value))
        return value.lower()

    return check


def _language(name: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(MSG_TYPE.format(name=name, expected="None or a str", value=value))
    if not is_known_language(value):
        raise ValueError(MSG_LANGUAGE.format(value=value))
    return value


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(MSG_TYPE.format(name=name, expected="True or False", value=value))
    return value


def _folders(name: str, value: object) -> tuple[Path, ...]:
    expected = "a tuple or list of folders (str or Path)"
    if isinstance(value, str | os.PathLike):
        value = (value,)
    if not isinstance(value, tuple | list) or not all(
        isinstance(v, str | os.PathLike) for v in value
    ):
        raise TypeError(MSG_TYPE.format(name=name, expected=expected, value=value))
    paths = tuple(v if isinstance(v, Path) else Path(v) for v in value)
    return paths


def _max_input(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(MSG_TYPE.format(name=name, expected="an int", value=value))
    if value <= 0:
        raise ValueError(MSG_POSITIVE.format(name=name, expected="an int", value=value))
    return value


def _timeout(name: str, value: object) -> float | None:
    expected = "None (no limit) or a finite number of seconds"
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(MSG_TYPE.format(name=name, expected=expected, value=value))
    if not 0 < value < math.inf:  # also refuses NaN, and infinity, which no alarm can hold
        raise ValueError(MSG_POSITIVE.format(name=name, expected=expected, value=value))
    return value


def _furniture(name: str, value: object) -> frozenset[str]:
    if isinstance(value, frozenset) and all(isinstance(v, str) for v in value):
        return value
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise TypeError(MSG_TYPE.format(name=name, expected="a set of str", value=value))
    found = frozenset(value)
    if not all(isinstance(v, str) for v in found):
        raise TypeError(MSG_TYPE.format(name=name, expected="a set of str", value=value))
    return found


_CHECKS = {
    "kind": _choice(KINDS),
    "language": _language,
    "site_rules": _flag,
    "rule_dirs": _folders,
    "ftr_dirs": _folders,
    "html_extraction": _choice(HTML_EXTRACTIONS),
    "html_fallback": _flag,
    "block_model": _flag,
    "markdown": _flag,
    "links": _flag,
    "images": _flag,
    "comments": _flag,
    "max_input": _max_input,
    "timeout": _timeout,
    "furniture": _furniture,
}
"""Each option's check: it raises on a bad value and returns the value as stored."""


def _env_dirs(variable: str) -> tuple[Path, ...]:
    return tuple(Path(p) for p in os.environ.get(variable, "").split(os.pathsep) if p)


DEFAULT_CONFIG = Config()
