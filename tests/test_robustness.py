"""Bad input and faults: `clean` never raises, never hangs on an adversarial line or
page, refuses what is too large, and answers with a problem id where there is no
article. An adversarial page's cost grows linearly: doubling it may not triple the time.
The projection to 10 MB is a measurement, not an assertion: `scripts/robustness_scaling.py`
reports it."""

from __future__ import annotations

import base64
import json
import random
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.decode import decode
from cleaner.errors import Problem
from cleaner.furniture import group_of
from cleaner.htmlmode import MAX_NESTING, flatten_deep_nesting, looks_like_html
from tests.helpers import PROSE

ROOT = Path(__file__).resolve().parent.parent

ARTICLE_HTML = "".join(f"<p>{p}</p>" for p in PROSE)


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# --- adversarial inputs, by how they grow -------------------------------------------

LINE_UNITS = {
    "words": "word ",
    "capitalised_words": "Word ",
    "slashes": "/",
    "open_parens": "(",
    "letters": "a",
    "digits": "1",
    "dashes": "- ",
    "hashtags": "#tag ",
    "urls": "http://",
    "letter_dots": "x.",
    "paren_letter_slash": "(a/",
    "html_comments": "<!--a-->",
    "open_tags": "<p ",
    "names": "O'Neil-Smith ",
    "titled_list": "Word, ",
    "bylines": "by Jane Doe and ",
    "pipes": "Home | ",
    "photo_credits": "Name/AFP/",
    "ellipses": "… ",
    "cjk": "市議会は",
}
"""One enormous line of each unit: plain words and the characters the rules' patterns
treat specially (slashes, parentheses, dots, capitals, credit and byline shapes)."""

_rng = random.Random(6)
_B64 = base64.b64encode(_rng.randbytes(256 * 1024)).decode()

PAGE_MAKERS: dict[str, Callable[[int], str]] = {
    **{
        f"line_{name}": (lambda unit: lambda n: repeat(unit, n))(u)
        for name, u in LINE_UNITS.items()
    },
    "line_base64": lambda n: _B64[:n],
    "prose_dump": lambda n: repeat("\n\n".join(PROSE) + "\n\n", n),
    "menu_lines": lambda n: repeat("Home\nNews\nSport\nWeather\nContact us\n", n),
    "short_sentences": lambda n: repeat("It rained.\n", n),
    "numbered_lines": lambda n: "\n".join(f"Item number {i} in the list" for i in range(n // 26)),
    "wrapped_lowercase_lines": lambda n: repeat(
        "and the council said that the wall would be rebuilt over the next few years\n", n
    ),
    "tweet_lines": lambda n: "\n".join(
        f"Post number {i} about the match today pic.twitter.com/a{i}" for i in range(n // 50)
    ),
    "html_prose": lambda n: (
        "<html><body><article>"
        + repeat("".join(f"<div class='c'><p>{p}</p></div>\n" for p in PROSE), n)
        + "</article></body></html>"
    ),
    "html_nested_divs": lambda n: (
        "<html><body>" + "<div>" * (n // 11) + ARTICLE_HTML + "</div>" * (n // 11)
    ),
    "html_unclosed_tags": lambda n: "<html><body>" + repeat("<div><span><b><p>Text ", n),
}

START_CHARS = 4_000
MAX_CHARS = 32_000
STOP_SECONDS = 0.3
"""Each page grows by doubling from START_CHARS until cleaning it takes STOP_SECONDS or it
reaches MAX_CHARS; linear pages stay under ~0.15 s at 32 kB (1-4 us per character).
Times are CPU seconds of the cleaning process, so other processes' load does not count."""

SUPERLINEAR_RATIO = 3.0
"""Doubling the input doubles a linear cost and quadruples a quadratic one."""

MIN_TIMED_SECONDS = 0.1
"""Below this a doubling ratio is timer noise."""

TIMING_REPEATS = 3
"""Each size is timed this many times and the least kept, as `timeit` advises: a garbage
collection or another process's cache traffic only ever adds time."""

TEN_MB = 10_000_000
TEN_MB_BUDGET_SECONDS = 60.0
"""What `scripts/robustness_scaling.py` flags: a 10 MB input projected past a minute."""

SCALING_DEADLINE_SECONDS = 120.0
"""A wall-clock guard against a hang only: every adversarial page, grown to 32 kB, must
come back within it (all of them together take ~15 s on an idle 2-core machine)."""


def measure_scaling() -> Iterator[dict[str, object]]:
    """Time `clean` on each page of PAGE_MAKERS at doubling sizes (run in a subprocess)."""
    clean("\n\n".join(PROSE), kind="text")  # load stoplists and phrase lists first
    clean(f"<html><body>{ARTICLE_HTML}</body></html>", kind="html")
    for name, make in PAGE_MAKERS.items():
        kind = "html" if name.startswith("html") else "text"
        clean(make(START_CHARS), kind=kind)  # whatever this kind of page loads on first use
        sizes: list[int] = []
        times: list[float] = []
        size = START_CHARS
        while True:
            page = make(size)
            sizes.append(len(page))
            times.append(min(_cpu_seconds(page, kind) for _ in range(TIMING_REPEATS)))
            if times[-1] > STOP_SECONDS or size >= MAX_CHARS:
                break
            size *= 2
        yield {"name": name, "sizes": sizes, "times": times}


def _cpu_seconds(page: str, kind: str) -> float:
    start = time.process_time()
    clean(page, kind=kind)
    return time.process_time() - start


@dataclass(frozen=True)
class Scaling:
    sizes: list[int]
    times: list[float]

    @property
    def ratio(self) -> float:
        if len(self.times) < 2 or self.times[-1] < MIN_TIMED_SECONDS:
            return 2.0
        return self.times[-1] / max(self.times[-2], 1e-6)

    @property
    def ten_mb_seconds(self) -> float:
        return self.times[-1] * TEN_MB / self.sizes[-1]

    def problems(self) -> list[str]:
        found = []
        if self.ratio > SUPERLINEAR_RATIO:
            found.append(f"superlinear: x{self.ratio:.1f} time for x2 input")
        if self.ten_mb_seconds > TEN_MB_BUDGET_SECONDS:
            found.append(f"10 MB would take ~{self.ten_mb_seconds:.0f} s")
        return found

    def __str__(self) -> str:
        steps = ", ".join(
            f"{s // 1000} kB {t:.2f} s" for s, t in zip(self.sizes, self.times, strict=True)
        )
        return f"{steps}; {'; '.join(self.problems()) or 'linear'}"


@pytest.fixture(scope="module")
def scaling() -> dict[str, Scaling | None]:
    """Every page's timings, from one subprocess so a hang cannot stall the suite."""
    code = "import json; from tests.test_robustness import measure_scaling as m\n"
    code += "for row in m(): print(json.dumps(row), flush=True)\n"
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    rows: list[str] = []
    reader = threading.Thread(target=lambda: rows.extend(process.stdout or ()), daemon=True)
    reader.start()
    try:
        process.wait(timeout=SCALING_DEADLINE_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    reader.join()
    found: dict[str, Scaling | None] = dict.fromkeys(PAGE_MAKERS)
    for row in rows:
        data = json.loads(row)
        found[data["name"]] = Scaling(data["sizes"], data["times"])
    return found


@pytest.mark.parametrize("name", list(PAGE_MAKERS))
def test_adversarial_page_never_hangs(scaling: dict[str, Scaling | None], name: str) -> None:
    measured = scaling[name]
    assert measured is not None, f"{name}: no result within {SCALING_DEADLINE_SECONDS} s (hang)"


@pytest.mark.parametrize("name", list(PAGE_MAKERS))
def test_adversarial_page_cost_grows_linearly(
    scaling: dict[str, Scaling | None], name: str
) -> None:
    measured = scaling[name]
    assert measured is not None, f"{name}: no result within {SCALING_DEADLINE_SECONDS} s (hang)"
    assert measured.ratio <= SUPERLINEAR_RATIO, f"{name}: {measured}"


def test_the_growth_check_catches_a_quadratic_cost() -> None:
    """The check above can fail: a cost that quadruples when the input doubles."""
    quadratic = Scaling([16_000, 32_000], [0.2, 0.8])
    assert quadratic.ratio > SUPERLINEAR_RATIO
    assert Scaling([16_000, 32_000], [0.2, 0.4]).ratio <= SUPERLINEAR_RATIO


# --- size: one enormous line, and a 100 MB file -------------------------------------

HUNDRED_MB = 100_000_000
HANG_SECONDS = 2.0
"""A guard against catastrophic backtracking, not a speed claim: a linear scan of these
inputs takes milliseconds, an exponential one would not come back at all."""


def test_one_enormous_line_of_10mb() -> None:
    line = repeat(" ".join(PROSE) + " ", TEN_MB)
    result = clean(line)
    assert result.kind == "text"
    assert result.text in line
    assert (result.problem is None) == bool(result.text)


def test_100mb_of_anything_is_refused_as_too_large() -> None:
    for data in (b" \n" * (HUNDRED_MB // 2), random.Random(1).randbytes(HUNDRED_MB)):
        assert clean(data).problem == Problem.TOO_LARGE
        del data
    text = repeat("\n\n".join(PROSE) + "\n\n", HUNDRED_MB)
    result = clean(text)
    assert (result.text, result.problem) == ("", Problem.TOO_LARGE)


def test_100mb_utf8_file_decodes() -> None:
    data = repeat("\n\n".join(PROSE) + " Señor café.\n\n", HUNDRED_MB).encode()
    decoded = decode(data)
    assert decoded.encoding == "utf-8" and decoded.text.startswith(PROSE[0])


# --- malformed HTML ---------------------------------------------------------------


def _assert_article(html: str) -> None:
    result = clean(html)
    assert result.kind == "html"
    assert result.problem is None
    for paragraph in PROSE:
        assert paragraph in result.text


MALFORMED = {
    "unclosed_tags": "<html><body><div><p>" + "<p>".join(PROSE) + "<div><span><b>",
    "no_body": "<html><head><title>Harbour wall</title></head>" + ARTICLE_HTML,
    "no_html_element": "<div>" + ARTICLE_HTML + "</div>" + "<br>" * 5,
    "10000_nested_divs": "<html><body>" + "<div>" * 10_000 + ARTICLE_HTML + "</div>" * 10_000,
    "10000_unclosed_divs": "<html><body>" + "<div>" * 10_000 + ARTICLE_HTML,
    "20000_nested_spans": "<html><body>" + "<span>" * 20_000 + ARTICLE_HTML,
    "300_nested_tables": "<html><body>" + "<table><tr><td>" * 300 + ARTICLE_HTML,
    "xml_prolog": '<?xml version="1.0"?>\n<!DOCTYPE html><html><body>' + ARTICLE_HTML,
    "stray_end_tags": "<html><body>" + "</div></span>" * 5000 + ARTICLE_HTML,
}


@pytest.mark.parametrize("html", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_html_still_gives_its_article(html: str) -> None:
    _assert_article(html)


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><script>var wall = 'The council voted to rebuild the sea wall';</script>"
        "</head><body><script>document.write('hello')</script></body></html>",
        "<html><head><style>body { color: red }</style></head><body></body></html>",
        "<html><body>" + "<script>x = 1;</script>" * 1000 + "</body></html>",
        "<html><body><noscript></noscript><iframe src='x'></iframe></body></html>",
    ],
    ids=["scripts", "style", "1000-scripts", "embeds"],
)
def test_html_without_text_has_no_article(html: str) -> None:
    result = clean(html)
    assert (result.text, result.problem) == ("", Problem.NO_ARTICLE)


def test_flattening_leaves_shallow_pages_alone() -> None:
    page = (ROOT / "fixtures/html/synthetic_news.html").read_text(encoding="utf-8")
    assert flatten_deep_nesting(page) is page
    deep = "<div>" * (MAX_NESTING + 5) + "x" + "</div>" * (MAX_NESTING + 5)
    assert flatten_deep_nesting(deep).count("<div>") == MAX_NESTING


@pytest.mark.parametrize(
    "head",
    ["<!--a-->" * 5000 + "x", "<!--" * 5000, "<!-- " + "-" * 10_000, "<p " * 5000, "<" * 10_000],
    ids=["comments", "open-comments", "dashes", "open-tags", "angles"],
)
def test_html_sniffing_is_linear(head: str) -> None:
    start = time.process_time()
    looks_like_html(head)
    assert time.process_time() - start < HANG_SECONDS


# --- pages with no article ----------------------------------------------------------

INDEX_PAGE = """\
The Harbour Gazette
Skip to content
Home
News
Politics
Business
Sport
Subscribe
Sign in
Latest news
Council votes to rebuild the sea wall after winter storms
Ferry timetable changes from next month
Harbour master retires after thirty years at the port
Fishermen protest over new quota rules
Local school wins national robotics prize
Read more
Business
Shipyard announces two hundred new jobs
Tourism numbers rise for the third year in a row
Port fees to increase in April
Read more
Most read
Sea wall repairs to begin in spring
Storm damage bill reaches four million euros
New cafe opens on the quay
About us
Contact
Privacy policy
© 2024 The Harbour Gazette. All rights reserved.
"""


def test_text_index_page_has_no_article() -> None:
    result = clean(INDEX_PAGE, kind="text")
    assert (result.text, result.problem) == ("", Problem.NO_ARTICLE)


def test_html_index_page_has_no_article() -> None:
    links = "".join(
        f"<div class='teaser'><h3><a href='/{i}'>{line}</a></h3></div>"
        for i, line in enumerate(INDEX_PAGE.splitlines())
    )
    result = clean(f"<html><head><title>The Harbour Gazette</title></head><body>{links}</body>")
    assert (result.text, result.problem) == ("", Problem.NO_ARTICLE)


def test_menu_only_dump_has_no_article() -> None:
    result = clean("Home\nNews\nSport\nWeather\nContact us\n" * 20, kind="text")
    assert (result.text, result.problem) == ("", Problem.NO_ARTICLE)


def test_a_url_that_does_not_parse_is_only_a_lost_hint() -> None:
    """urllib raises on "http://[broken" (an unclosed IPv6 bracket); the page is cleaned
    as if it had no URL, in both modes, and batch grouping finds no host in it."""
    dump = "\n\n".join(PROSE)
    html = f"<html><body><article><p>{'</p><p>'.join(PROSE)}</p></article></body></html>"
    for url in ("http://[broken/harbour-sea-wall-to-be-rebuilt", "http://[::1"):
        assert clean(dump, url, kind="text").text == clean(dump, kind="text").text
        assert PROSE[0] in clean(html, url, kind="html").text
        assert group_of(url) is None
