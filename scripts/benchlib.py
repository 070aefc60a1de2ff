"""Development-benchmark helpers: load the sets, make text dumps, score extractions.

The score is the ScrapingHub article-extraction-benchmark metric, reproduced with
the semantics of its reference `evaluate.py` except that Chinese and Japanese text is
tokenised by characters (`tokenize`); snippet scores follow WCXB.
"""

from __future__ import annotations

import gzip
import json
import re
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from html import escape
from pathlib import Path
from statistics import mean

import charset_normalizer
import html2text
import html_text
import inscriptis

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCHMARKS = REPO_ROOT.parent / "shared" / "benchmarks"
"""Where the scripts look for the development sets unless told: ../shared/benchmarks."""
if str(REPO_ROOT) not in sys.path:
    # Measure the working tree's cleaner, not some installed copy of it.
    sys.path.insert(0, str(REPO_ROOT))

SCRAPINGHUB = "scrapinghub"
WCXB = "wcxb"
SET_DIRS = {SCRAPINGHUB: "scrapinghub", WCXB: "wcxb-dev-articles"}
"""Set name -> its folder under the benchmarks root."""

HTML_TEXT = "html-text"
INSCRIPTIS = "inscriptis"
HTML2TEXT = "html2text"
DUMP_MAKERS: dict[str, Callable[[str], str]] = {
    HTML_TEXT: lambda html: html_text.extract_text(html, guess_layout=True),
    INSCRIPTIS: inscriptis.get_text,
    HTML2TEXT: lambda html: html2text.HTML2Text().handle(html),
}
"""How users get a plain-text dump of a page, by dump kind (html2text with its
defaults: markdown links, wrapped at 78 columns)."""

SHINGLE_SIZE = 4
"""Tokens per shingle, as in the benchmark's `string_shingle_matching(ngram_n=4)`."""

SNIFF_BYTES = 4096
"""How much of a page's start is searched for a declared charset."""

UNSPACED = (
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3040-\u30ff"
    "\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003134f"
)
"""Chinese and Japanese letters (Han, kana, bopomofo, their radicals and iteration
marks), written without spaces between words: each is a token of its own."""
WORD_TOKEN = re.compile(r"\w+")
r"""The reference metric's token: a `\w+` run. Over Chinese or Japanese, one run is
a whole sentence (or paragraph) and a single token."""
_TOKEN = re.compile(rf"(?=\w)[{UNSPACED}]|[^\W{UNSPACED}]+")
# The reference compiles `\w+` with IGNORECASE but never lowercases: case matters.
# Outside UNSPACED's letters this finds exactly the reference's `\w+` runs.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: where its HTML lives, and what a good extraction holds."""

    set_name: str
    page_id: str
    url: str
    path: Path
    gold: str
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()

    def html(self) -> str:
        """The page's HTML as text (read and decoded on each call)."""
        data = gzip.decompress(self.path.read_bytes())
        if self.set_name == SCRAPINGHUB:
            return data.decode("utf-8", errors="replace")
        return decode_html(data)


def decode_html(data: bytes) -> str:
    """Decode HTML bytes: UTF-8 (with or without BOM), the declared charset, detection."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:SNIFF_BYTES])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (UnicodeDecodeError, LookupError):
            pass
    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


def load_scrapinghub(root: Path) -> list[Page]:
    """The ScrapingHub set: `ground-truth.json` plus `html/<id>.html.gz`."""
    folder = root / SET_DIRS[SCRAPINGHUB]
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(
            SCRAPINGHUB,
            page_id,
            item["url"],
            folder / "html" / f"{page_id}.html.gz",
            item.get("articleBody") or "",
        )
        for page_id, item in sorted(truth.items())
    ]


def load_wcxb(root: Path) -> list[Page]:
    """The WCXB article set: `ground-truth/<id>.json` plus `html/<id>.html.gz`."""
    folder = root / SET_DIRS[WCXB]
    pages = []
    for truth_path in sorted((folder / "ground-truth").glob("*.json")):
        record = json.loads(truth_path.read_text(encoding="utf-8"))
        truth = record["ground_truth"]
        pages.append(
            Page(
                WCXB,
                truth_path.stem,
                record.get("url") or "",
                folder / "html" / f"{truth_path.stem}.html.gz",
                truth.get("main_content") or "",
                tuple(truth.get("with") or ()),
                tuple(truth.get("without") or ()),
            )
        )
    return pages


LOADERS: dict[str, Callable[[Path], list[Page]]] = {SCRAPINGHUB: load_scrapinghub, WCXB: load_wcxb}


def load_set(name: str, root: Path) -> list[Page]:
    """Load one development set by name (`scrapinghub` or `wcxb`)."""
    return LOADERS[name](root)


def make_dump(html: str, kind: str) -> str:
    """The plain-text dump of a page that a user would get with tool `kind`."""
    return DUMP_MAKERS[kind](html)


# --- the ScrapingHub metric -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Overlap:
    """Per-page shingle overlap, normalised so tp + fp + fn == 1 (or all 0)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """The page's own F1 (for ranking pages; the set F1 is computed differently)."""
        return harmonic(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class Scores:
    """Set-level scores: precision and recall averaged over pages, F1 from those."""

    f1: float
    precision: float
    recall: float


def harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b > 0 else 0.0


def tokenize(text: str) -> list[str]:
    r"""The metric's tokens: `\w+` runs, except that each Chinese or Japanese letter
    (`UNSPACED`) is a token of its own, so such text is scored by characters."""
    return _TOKEN.findall(text or "")


def reference_tokenize(text: str) -> list[str]:
    r"""The reference metric's tokens (`\w+` runs), for measuring the difference."""
    return WORD_TOKEN.findall(text or "")


Tokenizer = Callable[[str], list[str]]


def shingles(
    text: str, size: int = SHINGLE_SIZE, tokens_of: Tokenizer = tokenize
) -> Counter[tuple[str, ...]]:
    """Multiset of `size`-token shingles; a shorter non-empty text is one shingle."""
    tokens = tokens_of(text)
    starts = range(max(1, len(tokens) - size + 1))
    return Counter(shingle for i in starts if (shingle := tuple(tokens[i : i + size])))


def overlap(gold: str, predicted: str, tokens_of: Tokenizer = tokenize) -> Overlap:
    """Multiset shingle overlap of one page, normalised by tp + fp + fn."""
    true, pred = shingles(gold, tokens_of=tokens_of), shingles(predicted, tokens_of=tokens_of)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return Overlap(0.0, 0.0, 0.0)
    return Overlap(tp / total, fp / total, fn / total)


def aggregate(overlaps: Iterable[Overlap]) -> Scores:
    """Set scores: a page counts for precision if tp+fp > 0, for recall if tp+fn > 0."""
    items = list(overlaps)
    precisions = [o.precision for o in items if o.tp + o.fp > 0]
    recalls = [o.recall for o in items if o.tp + o.fn > 0]
    precision = mean(precisions) if precisions else 0.0
    recall = mean(recalls) if recalls else 0.0
    return Scores(harmonic(precision, recall), precision, recall)


# --- WCXB snippets ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    """How many `with` snippets were found and `without` snippets were absent."""

    with_found: int = 0
    with_total: int = 0
    without_absent: int = 0
    without_total: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(
            self.with_found + other.with_found,
            self.with_total + other.with_total,
            self.without_absent + other.without_absent,
            self.without_total + other.without_total,
        )

    @property
    def with_share(self) -> float | None:
        return self.with_found / self.with_total if self.with_total else None

    @property
    def without_share(self) -> float | None:
        return self.without_absent / self.without_total if self.without_total else None


_TYPOGRAPHY = str.maketrans(
    dict.fromkeys("‘’‚‛′`´", "'") | dict.fromkeys("“”„‟″«»", '"') | dict.fromkeys("‐‑‒–—―−", "-")
)
# WCXB's snippets were mostly retyped with ASCII quotes and dashes: without this
# folding ~11% of `with` snippets are "missing" even from the raw page dump.


def normalise(text: str) -> str:
    """Fold typographic quotes and dashes to ASCII, collapse whitespace, case-fold."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHY)).strip().casefold()


def snippet_counts(text: str, with_: Sequence[str], without: Sequence[str]) -> SnippetCounts:
    """Count snippets by plain substring search in the normalised text."""
    haystack = normalise(text)
    found = sum(normalise(s) in haystack for s in with_)
    absent = sum(normalise(s) not in haystack for s in without)
    return SnippetCounts(found, len(with_), absent, len(without))


def total_snippets(counts: Iterable[SnippetCounts]) -> SnippetCounts:
    return sum(counts, start=SnippetCounts())


# --- systems ----------------------------------------------------------------------

HTML_MODE = "html"
TEXT_MODE_PREFIX = "text:"
CLEANER = "cleaner"
TRAFILATURA = "trafilatura"
TRAFILATURA_PRECISION = "trafilatura-precision"
JUSTEXT = "jusText"
RAW = "raw"

JUSTEXT_STOPLIST = "English"
JUSTEXT_PARAMETERS = {
    "length_low": 50,
    "length_high": 200,
    "stopwords_low": 0.1,
    "stopwords_high": 0.2,
    "max_link_density": 0.2,
    "max_heading_distance": 200,
    "no_headings": True,
}
"""jusText settings of the benchmark's own `extractors/run_justext.py` (English stoplist
on every page, whatever its language), so the figure is comparable to the published one."""

System = Callable[[str, str], str]
"""(document, url) -> extracted text."""


def _cleaner(kind: str, **options: bool) -> System:
    def run(document: str, url: str) -> str:
        from cleaner import clean  # imported late: a broken cleaner spoils only itself

        return clean(document, url or None, kind=kind, **options).text

    return run


def _trafilatura(favor_precision: bool) -> System:
    def run(document: str, url: str) -> str:
        import trafilatura

        extracted = trafilatura.extract(document, url=url or None, favor_precision=favor_precision)
        return extracted or ""

    return run


def justext_on_dump(dump: str, url: str) -> str:
    """jusText over a dump: each non-empty line becomes one `<p>` paragraph."""
    import justext

    lines = (line.strip() for line in dump.splitlines())
    body = "".join(f"<p>{escape(line)}</p>" for line in lines if line)
    paragraphs = justext.justext(
        f"<html><body>{body}</body></html>",
        justext.get_stoplist(JUSTEXT_STOPLIST),
        **JUSTEXT_PARAMETERS,
    )
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _raw(dump: str, url: str) -> str:
    return dump


CLEANER_HEURISTICS = "cleaner-heuristics"
CLEANER_HEURISTICS_NO_READING = "cleaner-heuristics-no-reading"
VARIANTS = (CLEANER_HEURISTICS, CLEANER_HEURISTICS_NO_READING)
"""Ablations, run only when named in --systems: the block model off (its training
pages are these), in HTML mode with and without the text reading
(`Config.html_fallback`), so the reading's gain is measured without the in-sample
model; in text mode the hand-written heuristics alone, which is how a text rule's gain
is measured without the model's fit."""

HTML_SYSTEMS: dict[str, System] = {
    CLEANER: _cleaner("html"),
    TRAFILATURA: _trafilatura(favor_precision=False),
    TRAFILATURA_PRECISION: _trafilatura(favor_precision=True),
    CLEANER_HEURISTICS: _cleaner("html", block_model=False),
    CLEANER_HEURISTICS_NO_READING: _cleaner("html", block_model=False, html_fallback=False),
}
TEXT_SYSTEMS: dict[str, System] = {
    CLEANER: _cleaner("text"),
    JUSTEXT: justext_on_dump,
    RAW: _raw,
    CLEANER_HEURISTICS: _cleaner("text", block_model=False),
}


def text_mode(dump_kind: str) -> str:
    return TEXT_MODE_PREFIX + dump_kind


def dump_kind_of(mode: str) -> str | None:
    return mode.removeprefix(TEXT_MODE_PREFIX) if mode.startswith(TEXT_MODE_PREFIX) else None


def systems_of(mode: str) -> dict[str, System]:
    return HTML_SYSTEMS if mode == HTML_MODE else TEXT_SYSTEMS


ALL_MODES = (HTML_MODE, *(text_mode(kind) for kind in DUMP_MAKERS))
"""Mode keys: `html`, `text:html-text`, `text:inscriptis`, `text:html2text`."""


# --- running ----------------------------------------------------------------------

SYSTEM_TIMEOUT_SECONDS = 60.0
"""A system call still running after this is stopped and counted as an error;
every peer takes well under a second per page on the development sets."""


@dataclass(frozen=True, slots=True)
class Job:
    """One page, and which systems to run on it in which modes."""

    page: Page
    plan: tuple[tuple[str, tuple[str, ...]], ...]
    keep_output: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Outcome:
    """One system's result on one page in one mode.

    `seconds` is the worker's CPU time for the call alone (not the dump, not the
    scoring): a per-core figure that other load on the machine does not inflate.
    """

    set_name: str
    page_id: str
    mode: str
    system: str
    overlap: Overlap
    snippets: SnippetCounts
    seconds: float
    error: str | None = None
    output: str | None = None


class _Timeout(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _Timeout(f"timed out after {SYSTEM_TIMEOUT_SECONDS:g}s")


def _timed_call(system: System, document: str, url: str) -> tuple[str, float, str | None]:
    """Run one system, never raising: (text, seconds, error)."""
    use_alarm = threading.current_thread() is threading.main_thread()
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, SYSTEM_TIMEOUT_SECONDS)
    start = time.process_time()
    try:
        text, error = system(document, url), None
    except Exception as exc:  # a crash on one page must not stop the evaluation
        text, error = "", f"{type(exc).__name__}: {exc}"
    finally:
        seconds = time.process_time() - start
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return text if isinstance(text, str) else "", seconds, error


def page_document(html: str, mode: str) -> tuple[str, str | None]:
    """What a system gets in `mode`: the HTML, or its dump; and the dump's error, if any."""
    kind = dump_kind_of(mode)
    if kind is None:
        return html, None
    try:
        return make_dump(html, kind), None
    except Exception as exc:  # the dump tool failing is reported on every system
        return "", f"dump failed: {type(exc).__name__}: {exc}"


def run_job(job: Job) -> list[Outcome]:
    """Run every planned system on one page; each dump is made once and reused."""
    page = job.page
    html = page.html()
    outcomes = []
    for mode, system_names in job.plan:
        document, dump_error = page_document(html, mode)
        for name in system_names:
            text, seconds, error = _timed_call(systems_of(mode)[name], document, page.url)
            outcomes.append(
                Outcome(
                    page.set_name,
                    page.page_id,
                    mode,
                    name,
                    overlap(page.gold, text),
                    snippet_counts(text, page.with_snippets, page.without_snippets),
                    seconds,
                    dump_error or error,
                    text if name in job.keep_output else None,
                )
            )
    return outcomes


Progress = Callable[[int, int], None]
"""Called with (pages done, pages in all) as pages finish."""


def run_jobs(
    jobs: Sequence[Job],
    workers: int,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Run jobs in a pool of `workers` processes (in this process when 1)."""
    outcomes: list[Outcome] = []
    if workers <= 1:
        for done, job in enumerate(jobs, start=1):
            outcomes.extend(run_job(job))
            if progress:
                progress(done, len(jobs))
        return outcomes
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(run_job, job) for job in jobs]
        for done, future in enumerate(as_completed(futures), start=1):
            outcomes.extend(future.result())
            if progress:
                progress(done, len(jobs))
    return outcomes


@dataclass(frozen=True, slots=True)
class Summary:
    """One system's figures on one set in one mode."""

    scores: Scores
    snippets: SnippetCounts
    pages: int
    seconds: float
    errors: tuple[Outcome, ...]

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else float("inf")


Key = tuple[str, str, str]
"""(set, mode, system)."""


def summarise(outcomes: Iterable[Outcome]) -> dict[Key, Summary]:
    """Group page outcomes by (set, mode, system) and score each group."""
    groups: dict[Key, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault((outcome.set_name, outcome.mode, outcome.system), []).append(outcome)
    return {key: _summary(group) for key, group in groups.items()}


def _summary(group: list[Outcome]) -> Summary:
    return Summary(
        aggregate(o.overlap for o in group),
        total_snippets(o.snippets for o in group),
        len(group),
        sum(o.seconds for o in group),
        tuple(sorted((o for o in group if o.error), key=lambda o: o.page_id)),
    )
