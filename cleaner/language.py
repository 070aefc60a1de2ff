"""Stopword lists (jusText's, ~100 languages) and a guess of the page's language.

The guess is CLD2's (Google's compact language detector, as Common Crawl annotates
its pages with), where it names a language that has a stoplist; otherwise the
stoplist with the most hits among the page's words. jusText's lists come from
Wikipedia and hold many English words and names (Marathi, Kannada, Finnish), so the
stoplist vote alone misread pages of names and numbers, and an English page under a
French menu.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycld2

from cleaner import _core

_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters, which CLD2 reports as invalid UTF-8."""

GUESS_CHARS = 200_000
"""The language shows in the first 200 kB; reading further only costs time."""

FALLBACK_LANGUAGE = "English"
"""Used when no stoplist matches at all (e.g. a page of numbers)."""

# jusText names its stoplists by language name; these are the ISO 639-1 codes
# users pass for the common ones.
_ISO_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "ru": "Russian",
    "uk": "Ukrainian", "pl": "Polish", "cs": "Czech", "sk": "Slovak",
    "sv": "Swedish", "da": "Danish", "no": "Norwegian_Bokmal", "fi": "Finnish",
    "hu": "Hungarian", "ro": "Romanian", "tr": "Turkish", "el": "Greek",
    "id": "Indonesian", "ca": "Catalan", "hr": "Croatian", "bg": "Bulgarian",
    "ko": "Korean", "ar": "Arabic", "he": "Hebrew", "hi": "Hindi", "fa": "Persian",
    "vi": "Vietnamese", "sr": "Serbian", "sl": "Slovenian", "lt": "Lithuanian",
    "lv": "Latvian", "et": "Estonian", "bn": "Bengali", "ur": "Urdu", "ms": "Malay",
    "tl": "Tagalog", "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "mr": "Marathi",
    "eu": "Basque", "gl": "Galician", "is": "Icelandic", "ga": "Irish", "cy": "Welsh",
    "sq": "Albanian", "mk": "Macedonian", "be": "Belarusian", "ka": "Georgian",
    "hy": "Armenian", "az": "Azerbaijani", "kk": "Kazakh", "af": "Afrikaans",
    "nn": "Norwegian_Nynorsk", "lb": "Luxembourgish", "mt": "Maltese", "bs": "Bosnian",
}  # fmt: skip


def iso_code(language: str) -> str:
    """ISO 639-1 code of a jusText language name where known, else the name lowercased."""
    names = {v: k for k, v in _ISO_NAMES.items()}
    return names.get(language, language.lower())


_VARIANTS = frozenset({"Simple_English"})
"""Stoplists of a language another list already covers; they only split its votes."""


def _stoplist_dir() -> Path:
    # Located without importing justext itself: its import pulls in lxml.html.
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jusText is not installed; it ships the stopword lists")
    return Path(next(iter(spec.submodule_search_locations))) / "stoplists"


@cache
def stoplist(language: str) -> frozenset[str]:
    """The stopwords of a language, by jusText name or ISO 639-1 code."""
    name = _ISO_NAMES.get(language.lower(), language)
    path = _stoplist_dir() / f"{name}.txt"
    if not path.exists():
        return frozenset()
    words = path.read_text(encoding="utf-8").split()
    return frozenset(w.casefold() for w in words)


@cache
def core_stoplist(*languages: str, wide: bool = False) -> _core.Stoplist:
    """The languages' stoplists as the Rust core's measures read them (each block is
    counted against the list that fits it best), built once per combination; `wide`
    where the page is in Chinese, Japanese or Korean, whose characters count double in
    a block's length (`WIDE_CHAR_WEIGHT` in `rust/src/features.rs`)."""
    lists = [sorted(stoplist(language)) for language in languages]
    return _core.Stoplist(lists, wide_weight=WIDE_CHAR_WEIGHT if wide else 1)


WIDE_CHAR_WEIGHT = 2
"""As `rust/src/features.rs` says why."""

WIDE_SCRIPT_CODES = frozenset({"ja", "zh", "zh-Hant", "ko"})
"""CLD2's codes of the languages written in Han, kana or Hangul."""


@cache
def _stoplists() -> tuple[tuple[str, frozenset[str]], ...]:
    """Every stoplist but the variants, loaded once per process."""
    names = sorted(p.stem for p in _stoplist_dir().glob("*.txt"))
    return tuple((name, stoplist(name)) for name in names if name not in _VARIANTS)


@dataclass(frozen=True, slots=True)
class PageLanguage:
    """What a page is written in, as the block steps use it and as it is reported."""

    name: str
    """The main language, as a jusText stoplist name (whether or not a list exists)."""
    code: str
    """Its ISO code (CLD2's where it read one, also for languages without a stoplist
    such as Japanese, Chinese or Thai)."""
    stoplists: tuple[str, ...]
    """The stoplists a block's words are counted against (each block against the one
    that fits it best): the main language's, and further ones where part of the page
    is in another language; none where the main language is judged by length alone."""

    @property
    def wide(self) -> bool:
        """Whether the page is in a language written in Han, kana or Hangul."""
        return self.code in WIDE_SCRIPT_CODES

    def core_stoplist(self) -> _core.Stoplist:
        """What the core measures the page's blocks with."""
        return core_stoplist(*self.stoplists, wide=self.wide)


LENGTH_ONLY = frozenset({"Korean"})
"""Languages with a jusText stoplist that is not used: Korean writes its particles
joined to the word before them, and the list (Wikipedia's most frequent tokens) holds
few words a sentence must use: of three sentences of one news story, one matched none
of its 14 words and two 43-44%, so a paragraph's density says little. Such pages are
judged by length, as the languages without a list are."""


MIXED_SHARE = 45
"""A further language CLD2 reads in at least this percentage of the page's text adds
its stoplist: an English press release inside a German site's menus (CLD2: 51%
German, 49% English) keeps its paragraphs. Measured on the development dumps
(`scripts/compare_outputs.py`): at 20% the block model dropped list items of an
Italian page listing products by their English names (32% and 42% English in two of
its dumps; F1 0.80 -> 0.58 and 0.90 -> 0.84) and no page gained; at 45% that page is
judged in Italian alone, and the one page taken (an English article under French
menus, 45% French) does not change."""


def given_language(language: str) -> PageLanguage:
    """The language a caller named (an ISO code or a stoplist name): its list is used
    as named, whatever `LENGTH_ONLY` says."""
    name = _ISO_NAMES.get(language.lower(), language)
    return PageLanguage(name, iso_code(name), (name,))


def guess_page_language(text: str) -> PageLanguage:
    """The page's languages: CLD2's guess, else the stoplist vote (`vote_language`).

    A main language without a stoplist (Japanese, Chinese, Thai) gets none: its
    blocks are judged by length alone (`classify.uses_stopwords`), as jusText's
    language-free mode does; counting them against the English words of their menus
    made every paragraph low quality. A page's further languages add their lists only
    beside a main language that has one."""
    sample = text[:GUESS_CHARS]
    found = _cld2(sample)
    listed = _stoplist_names()
    first = found[0][0] if found else vote_language(sample)
    if first not in listed or first in LENGTH_ONLY:
        return PageLanguage(first, found[0][1] if found else iso_code(first), ())
    others = [
        name
        for name, _, percent in found[1:]
        if percent >= MIXED_SHARE and name in listed - LENGTH_ONLY and name != first
    ]
    code = found[0][1] if found else iso_code(first)
    return PageLanguage(first, code, (first, *others))


def guess_language(text: str) -> str:
    """The text's main language as a jusText stoplist name (`guess_page_language`)."""
    return guess_page_language(text).name


# CLD2 names the languages in capitals; these are the ones jusText spells otherwise.
_CLD2_NAMES = {
    "NORWEGIAN": "Norwegian_Bokmal", "NORWEGIAN_N": "Norwegian_Nynorsk",
    "HAITIAN_CREOLE": "Haitian", "FRISIAN": "West_Frisian", "PUNJABI": "Western_Panjabi",
    "WARAY_PHILIPPINES": "Waray_Waray",
}  # fmt: skip


def detected_language(text: str) -> str | None:
    """CLD2's most likely language of `text`, where jusText has a stoplist for it."""
    found = _cld2(text)
    return found[0][0] if found and found[0][0] in _stoplist_names() else None


def _cld2(text: str) -> tuple[tuple[str, str, int], ...]:
    """CLD2's languages of `text`, most of it first: the jusText stoplist name (whether
    or not a list exists), the ISO code and the percentage of the text; the
    placeholder left out."""
    try:
        found = pycld2.detect(_CONTROL.sub(" ", text).encode("utf-8", "replace"))
    except pycld2.error:  # CLD2 refuses what it takes for bad UTF-8; the vote reads anything
        return ()
    return tuple(
        (_CLD2_NAMES.get(name, name.title()), code, percent)
        for name, code, percent, _ in found[2]
        if percent and name != PLACEHOLDER
    )


PLACEHOLDER = "LATIN"
"""Latin on a web page is a template's lorem ipsum far more often than the article's
language; the next language CLD2 found is the page's (a WCXB page whose teaser slots
still held lorem ipsum read as Latin, and its English article lost half its text)."""


@cache
def _stoplist_names() -> frozenset[str]:
    """The languages with a stoplist, read from the file names alone: loading all ~100
    lists costs 70 ms of start-up that a page CLD2 reads never needs."""
    return frozenset(p.stem for p in _stoplist_dir().glob("*.txt")) - _VARIANTS


def vote_language(text: str) -> str:
    """The jusText language whose stopwords cover most of the text's words.

    Each distinct word votes once, its vote split among the languages that list it:
    some stoplists (Finnish: 6,813 words) hold many English words and names, so raw
    hit counts let them win, and a footer repeating one name 200 times would too.
    """
    listed_in = _listed_in()
    scores: dict[str, float] = {}
    for word in {w.casefold() for w in _WORD.findall(text)}:
        names = listed_in.get(word, ())
        for name in names:
            scores[name] = scores.get(name, 0.0) + 1 / len(names)
    if not scores:
        return FALLBACK_LANGUAGE
    return max(sorted(scores), key=lambda name: round(scores[name], SCORE_DIGITS))


SCORE_DIGITS = 9
"""Scores are sums of fractions added in set order; rounded, lists that tie exactly
(some stoplists hold the same English words) tie on every run, and the first name in
alphabetical order wins."""


@cache
def _listed_in() -> dict[str, tuple[str, ...]]:
    """Each stopword and the languages whose lists hold it (one lookup per word instead
    of one set intersection per language)."""
    index: dict[str, list[str]] = {}
    for name, stops in _stoplists():
        for word in stops:
            index.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in index.items()}
