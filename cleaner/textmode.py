"""The block pipeline: the named steps that turn a page's text into kept and dropped
blocks. Each step is small and delegates its heuristics to one module."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cleaner import (
    block_model,
    blockfeatures,
    classify,
    extent,
    phrases,
    sites,
    textshape,
)
from cleaner.config import Config
from cleaner.decision import final_keep, whole_runs
from cleaner.extent import Extent
from cleaner.features import measure_page
from cleaner.language import given_language, guess_page_language
from cleaner.page import Page
from cleaner.results import Block, BlockDecision, Label, Mark, Reason, Removal
from cleaner.rules import bio, boxes, captions, cards, comments, forms, repeats, social, tags, toc
from cleaner.segment import fold
from cleaner.textmeta import TextMeta, find_text_meta

GENERIC_RULES: tuple[Callable[[Page], dict[int, Mark]], ...] = (
    phrases.match_phrases,
    social.embedded_posts,
    captions.duplicate_captions,
    captions.credit_lines,
    captions.credited_captions,
    tags.tag_lines,
    toc.table_of_contents,  # after match_phrases, whose TOC headings it reads
    comments.comment_furniture,
    bio.byline_lines,
    bio.introduced_authors,
)
"""Rules that need nothing but the blocks, in order of precedence."""


@dataclass
class TextState:
    """What the steps share while one page is cleaned."""

    page: Page
    config: Config
    trusted_extent: bool
    site_rules: list[sites.SiteRules] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    free_labels: list[Label] = field(default_factory=list)
    ends: dict[int, Reason] = field(default_factory=dict)
    thread: int | None = None
    """Where a reader comment thread starts (its first commenter line), if any."""
    extent: Extent | None = None
    meta: TextMeta = field(default_factory=TextMeta)
    known_title: str | None = None
    headline: str | None = None
    """The headline a markdown dump marked as such (its first "# " heading)."""
    scores: list[float | None] | None = None


def new_state(
    blocks: list[Block],
    url: str | None,
    config: Config,
    *,
    trusted: bool,
    known_title: str | None = None,
    headline: str | None = None,
) -> TextState:
    """`trusted` says the blocks are already an extracted body (HTML mode);
    `known_title` is the page's title where the markup named it; `headline` the
    heading a markdown dump marked as the page's first (`cleaner.markdown`)."""
    text = "\n".join(b.text for b in blocks)
    language = given_language(config.language) if config.language else guess_page_language(text)
    measured_with = language.core_stoplist()
    features, measured = measure_page([b.text for b in blocks], measured_with)
    page = Page(
        blocks,
        features,
        language.name,
        measured_with,
        url,
        language_code=language.code,
        measured=measured,
    )
    return TextState(page, config, trusted, known_title=known_title, headline=headline)


def match_sites(state: TextState) -> None:
    if not state.config.site_rules:
        return
    rules = sites.load_rules(state.config.all_rule_dirs())
    state.site_rules = sites.select_rules(
        rules, state.page.url, [b.text for b in state.page.blocks]
    )
    state.page.add_marks(sites.site_marks(state.page, state.site_rules))


def mark_known_title(state: TextState) -> None:
    """The headline repeated at the top of an extracted body belongs in metadata."""
    if not state.known_title:
        return
    title = fold(state.known_title)
    for i, block in enumerate(state.page.blocks[:TITLE_SEARCH_BLOCKS]):
        if fold(block.text) == title:
            state.page.add_marks({i: Mark("generic.metadata", Reason.TITLE)})
            return


TITLE_SEARCH_BLOCKS = 5
"""Extractors put the headline first, after at most a kicker, byline or date line."""


def mark_furniture(state: TextState) -> None:
    for rule in GENERIC_RULES:
        state.page.add_marks(rule(state.page))
    known = state.config.furniture
    if known:
        state.page.add_marks(
            {
                i: Mark("batch.repeated", Reason.REPEATED_FURNITURE)
                for i, block in enumerate(state.page.blocks)
                if fold(block.text) in known
            }
        )


def label_blocks(state: TextState) -> None:
    """jusText labels over the unmarked blocks (marked ones are not context)."""
    state.free_labels, state.labels = classify.label_page(state.page)


def find_end_markers(state: TextState) -> None:
    page = state.page
    headings = [i for i, f in enumerate(page.features) if f.headline_like or _nav_line(page, i)]
    markers = phrases.phrase_book().end_markers_of([page.text(i) for i in headings])
    for i, marker in zip(headings, markers, strict=True):
        if marker:
            state.ends[i] = marker.reason
    related = [i for i, reason in state.ends.items() if reason is Reason.RELATED]
    state.ends.update(sites.site_end_markers(page, state.site_rules))
    threads = comments.thread_starts(page)
    for start in threads:
        state.ends.setdefault(start, Reason.COMMENTS_WIDGET)
    state.thread = threads[0] if threads else None
    for box in bio.about_boxes(page):
        state.ends.setdefault(box, Reason.AUTHOR_BIO)
    feed = cards.feed_start(page)
    if feed is not None:
        state.ends.setdefault(feed, Reason.RELATED)
    good = _good_chars(state)
    form = forms.form_end(page, good)
    if form is not None:
        state.ends.setdefault(form, Reason.FORM_RESIDUE)
    inline = boxes.inline_boxes(page, related, good, state.ends)
    page.add_marks(inline)
    for i in inline:
        state.ends.pop(i, None)


def _nav_line(page: Page, i: int) -> bool:
    """A line of links a phrase names as navigation, though it ends in a mark a sentence
    could end with ("« Older post | Main | Newer post »")."""
    mark = page.marks.get(i)
    return mark is not None and mark.reason is Reason.NAVIGATION


def _good_chars(state: TextState) -> list[int]:
    """Each block's characters where it is labelled good, else 0."""
    return [
        f.chars if label is Label.GOOD else 0
        for f, label in zip(state.page.features, state.labels, strict=True)
    ]


def find_body(state: TextState) -> None:
    """The article's extent, under the headline where the dump repeats it. A headline
    that a markdown dump marked ("# ") or that the URL's slug gives only moves an
    extent that starts above it: where the prose starts below it anyway, the headline
    adds nothing, and the body may lie further down than the anchor's window reaches
    (a forum post under a comment preview; a share bar's "Comment" link, an end marker,
    between a markdown headline and its story). On html2text dumps that condition
    took the heuristics from 0.895 / 0.897 to 0.911 / 0.903 (ScrapingHub / WCXB)."""
    page = state.page
    if state.trusted_extent:
        state.extent = _trusted_extent(state)
        return
    state.extent = extent.find_body(
        page,
        state.free_labels,
        state.labels,
        state.ends,
        thread=state.thread,
        headline=state.headline,
    )


def _trusted_extent(state: TextState) -> Extent | None:
    """An extracted body runs to its first end marker after some prose, unless more
    prose follows that marker than precedes it: then the marker labelled a box inside
    the article ("RELATED" above one link), and the body goes on. A reader comment
    thread's prose is not the article's, however long the thread runs, and a blog
    post's navigation ("« Older post | Main | Newer post »") ends it whatever follows."""
    n = len(state.page)
    if not n:
        return None
    good = _good_chars(state)
    first_prose = next((i for i, g in enumerate(good) if g), 0)
    total = sum(good[: state.thread])  # a slice to None is the whole page
    before = 0
    end = n
    for i in range(n):
        after = max(0, total - before - good[i])
        final = state.ends.get(i) is Reason.NAVIGATION  # a post's navigation to its neighbours
        if i > first_prose and i in state.ends and (final or after <= TRUSTED_TAIL_SHARE * before):
            end = i
            break
        before += good[i]
    return Extent(0, max(end - 1, 0), float(n))


TRUSTED_TAIL_SHARE = 1.0
"""An end marker in an extracted body ends it unless the prose after it outweighs the
prose before it. Measured on the development sets (HTML mode): two WCXB pages change,
an inline "RELATED" box 0.45 -> 0.97 and a page of several articles 0.56 -> 0.48; the
ScrapingHub set does not change."""


def read_metadata(state: TextState) -> None:
    if state.extent is None:
        return
    state.meta = find_text_meta(state.page, state.extent.start)
    state.page.author = state.meta.author


def mark_author_and_body_furniture(state: TextState) -> None:
    page = state.page
    page.add_marks(bio.author_furniture(page))
    page.add_marks(repeats.glued_copies(page))
    if state.extent is not None:
        body = range(state.extent.start, state.extent.end + 1)
        page.add_marks(sites.site_marks(page, state.site_rules, body=body))
        page.add_marks(repeats.repeated_copy(page, body))


def score_blocks(state: TextState) -> None:
    """The learned classifier's probability that each block is article text."""
    if state.trusted_extent or not state.config.block_model or not model_applies(state):
        return
    model = block_model.shipped_model()
    body = state.extent
    if model is None or body is None:
        return  # the model refines an article the heuristics found; it never invents one
    n = len(state.page)
    lo = max(0, body.start - MODEL_WINDOW)
    hi = min(n, body.end + 1 + MODEL_WINDOW)
    final = final_blocks(state)
    open_blocks = [i for i in range(lo, hi) if i not in final]
    scored = model.forest.page_probabilities(blockfeatures.decided(state), open_blocks)
    scores: list[float | None] = [None] * n
    for i, p in zip(open_blocks, scored, strict=True):
        scores[i] = p
    state.scores = scores


def model_applies(state: TextState) -> bool:
    """Whether the page is one the block model knows: its words fit the language's
    stoplist. Where they do not (Japanese, Chinese, a language jusText has no list
    for), the labels fall back to length alone, and the model's stopword features are
    all zero, which it has hardly seen: 6 of the 1,780 development dumps, three pages.
    On both Japanese pages it dropped most paragraphs the heuristics kept (0.99 ->
    0.64 and 0.70 -> 0.63, in the site-grouped cross-validation of the model trained
    before this guard); on the third it changed nothing. Leaving them out of the
    training and the scoring moved that cross-validation from 0.919 / 0.919 to 0.924 /
    0.923 on ScrapingHub (with the thresholds the training then chose) and WCXB from
    0.920 / 0.916 to 0.919 / 0.914, before the model was regularised."""
    return classify.uses_stopwords(state.page)


MODEL_WINDOW = 500
"""Blocks further than this from the heuristic body are left to the heuristics: the
model's distance features stop at 50 blocks, and this keeps a page of a million menu
lines from costing a model call each (tests/test_robustness.py)."""


HEURISTIC_STEPS: tuple[Callable[[TextState], None], ...] = (
    match_sites,
    mark_known_title,
    mark_furniture,
    label_blocks,
    find_end_markers,
    find_body,
    read_metadata,
    mark_author_and_body_furniture,
    label_blocks,
    find_body,
)
"""The hand-written steps, in order. The body is found twice: the first pass locates
the byline, whose author then marks bios and name lines for the second."""

MODEL_STEPS: tuple[Callable[[TextState], None], ...] = (score_blocks,)
"""Last, the learned classifier scores what the rules left undecided."""

STEPS = HEURISTIC_STEPS + MODEL_STEPS
"""The text pipeline, in order."""


def run_steps(
    state: TextState, steps: tuple[Callable[[TextState], None], ...] = STEPS
) -> TextState:
    for step in steps:
        step(state)
    return state


HEADING_MAX_WORDS = 12
"""Subheadings are short; a longer unpunctuated line is more likely a teaser link."""


def decide(state: TextState) -> tuple[list[str], list[Removal], list[BlockDecision]]:
    """Kept texts, removal records and per-block decisions."""
    page = state.page
    verdicts = [_heuristic_verdict(state, i) for i in range(len(page))]
    model = block_model.shipped_model() if state.scores is not None else None
    bounds = (model.low, model.high) if model else ()
    heuristic_keep, marked, headings = decision_inputs(state, verdicts)
    each = final_keep(heuristic_keep, marked, headings, state.scores, *bounds)
    keep = whole_runs(each, textshape.runs_of(page.blocks))
    kept: list[str] = []
    removed: list[Removal] = []
    decisions: list[BlockDecision] = []
    for i, block in enumerate(page.blocks):
        label = state.labels[i]
        if keep[i]:
            kept.append(block.text)
            score = state.scores[i] if state.scores is not None else None
            why = _kept_by(label, heuristic_keep[i], score, model.low if model else None)
            why = why if each[i] else KEPT_IN_CODE_RUN
            decisions.append(
                BlockDecision(i, block.text, True, label, "", "", why, block.kind, block.level)
            )
            continue
        if each[i]:
            rule, reason = CODE_RUN_RULE, Reason.LOW_QUALITY.value
        else:
            rule, reason = _drop_reason(state, i, verdicts[i])
        removed.append(Removal(i, rule, reason, block.text))
        decisions.append(
            BlockDecision(i, block.text, False, label, rule, reason, "", block.kind, block.level)
        )
    return kept, removed, decisions


def decision_inputs(
    state: TextState, verdicts: list[tuple[str, str | None]] | None = None
) -> tuple[list[bool], list[bool], list[bool]]:
    """What `final_keep` needs besides the scores: the heuristics' keep per block,
    which blocks are decided for good (`final_blocks`), and which are
    subheading-shaped."""
    page = state.page
    verdicts = verdicts or [_heuristic_verdict(state, i) for i in range(len(page))]
    final = final_blocks(state)
    return (
        [reason is None for _, reason in verdicts],
        [i in final for i in range(len(page))],
        [f.headline_like and f.words <= HEADING_MAX_WORDS for f in page.features],
    )


def final_blocks(state: TextState) -> set[int]:
    """Blocks the block model neither scores nor overrules: rule marks and end markers.
    An end marker is the heading of what follows the article, or the first block of a
    feed, thread, form or profile box: the model kept one on no development dump, but
    once retrained it took back a story card's headline that starts a feed
    (tests/test_rules_cards.py)."""
    return state.page.marks.keys() | state.ends.keys()


MODEL_RULE = "model.block_classifier"
CODE_RUN_RULE = "generic.code_run"
"""A line of code dropped with the rest of its run (`cleaner.decision.whole_runs`)."""


def _drop_reason(state: TextState, i: int, verdict: tuple[str, str | None]) -> tuple[str, str]:
    """Why a block went: its rule mark, else the heuristics' reason, else the model's."""
    mark = state.page.marks.get(i)
    if mark is not None:
        return mark.rule, mark.reason.value
    rule, reason = verdict
    return (rule, reason) if reason else (MODEL_RULE, Reason.LOW_QUALITY.value)


KEPT_BY_MODEL = "block_model"
"""The heuristics dropped the block; the block model was confident it is article text."""
KEPT_AS_SUBHEADING = "subheading"
"""The block model would drop it, but it is heading-shaped and the paragraph it
introduces is kept (`cleaner.decision.final_keep`)."""
KEPT_IN_CODE_RUN = "code_run"
"""A line of code kept with the rest of its run (`cleaner.decision.whole_runs`)."""
KEPT_IN_EXTRACTED_BODY = "extracted_body"
"""HTML mode: inside the body the extractor found, where quality labels drop nothing."""


def _kept_by(label: str, heuristic_keep: bool, score: float | None, low: float | None) -> str:
    """Why a kept block was kept when its label alone would not say so, for `--explain`
    ("" for a block the heuristics keep as good text and the model lets stand). Follows
    `final_keep`: only the model keeps what the heuristics drop, and only the subheading
    pass keeps what they keep and the model scores under its low bound."""
    if not heuristic_keep:
        return KEPT_BY_MODEL
    if score is not None and low is not None and score < low:
        return KEPT_AS_SUBHEADING
    return KEPT_IN_EXTRACTED_BODY if label != Label.GOOD else ""


def _heuristic_verdict(state: TextState, i: int) -> tuple[str, str | None]:
    body, meta = state.extent, state.meta
    roles = {meta.title: Reason.TITLE, meta.byline: Reason.BYLINE, meta.date_block: Reason.DATELINE}
    if i in roles:
        return "generic.metadata", roles[i].value
    if i in state.ends:
        return "generic.end_marker", state.ends[i].value
    if body is None:
        return "generic.extent", Reason.LOW_QUALITY.value
    if i < body.start:
        return "generic.extent", Reason.PREAMBLE.value
    if i > body.end:
        return "generic.extent", Reason.SPILLOVER.value
    if state.labels[i] is not Label.GOOD and not state.trusted_extent:
        return "generic.quality", Reason.LOW_QUALITY.value
    return "", None
