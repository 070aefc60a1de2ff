"""One document through the cleaner: decode, detect its kind, extract (HTML), run the
block steps, and assemble the result. No heuristics live here."""

from __future__ import annotations

from dataclasses import replace

from cleaner import (
    fallback,
    htmlmode,
    htmlshape,
    linematch,
    markdown,
    readercomments,
    render,
    settle,
    textmode,
    textshape,
)
from cleaner.config import Config
from cleaner.decode import decode
from cleaner.errors import Problem
from cleaner.language import iso_code
from cleaner.results import Metadata, Removal, Result
from cleaner.segment import blocks_of
from cleaner.sites import host_of


def run(document: str | bytes, url: str | None, config: Config) -> Result:
    if len(document) > config.max_input:
        return Result("", Metadata(url=url), kind="unknown", problem=Problem.TOO_LARGE.value)
    decoded = decode(document)
    if decoded.problem is not None:
        return Result("", Metadata(url=url), kind="unknown", problem=decoded.problem.value)
    kind = config.kind
    if kind == "auto":
        kind = "html" if htmlmode.looks_like_html(decoded.text) else "text"
    dom_removed: tuple[Removal, ...] = ()
    trusted = False
    headline = None
    shapes: list[render.Shape] | None = None
    lines: list[htmlshape.Line] = []
    found_comments = ""
    if kind == "html":
        extracted = htmlmode.extract(decoded.text, url, config)
        text, meta, dom_removed = extracted.text, extracted.metadata, extracted.removed
        trusted = extracted.trusted
        pre = htmlshape.preformatted(decoded.text)
        lines = htmlshape.walk(extracted.body, links=config.links, images=config.images, pre=pre)
        blocks, shapes = linematch.shaped(blocks_of(text), lines)
        found_comments = extracted.comments
    else:
        reading = read_dump(decoded.text, config)
        text, headline, meta = reading.text, reading.headline, Metadata(url=url)
        blocks = textshape.shape_dump(blocks_of(text), text, reading.shapes)
    settled = settle.clean_blocks(
        blocks,
        url,
        config,
        trusted=trusted,
        known_title=meta.title,
        headline=headline,
    )
    if kind == "html" and config.html_fallback:
        found = fallback.text_reading(decoded.text, settled, url, config, lines)
        settled, shapes = (found, None) if found is not None else (settled, shapes)
    meta = _merge_meta(meta, settled.state, url)
    body = "\n\n".join(settled.kept)
    pieces = render.pieces_of(settled.decisions, settled.kept, shapes)
    return Result(
        text=body,
        metadata=meta,
        kind=kind,
        removed=dom_removed + tuple(settled.removed),
        blocks=tuple(settled.decisions),
        problem=None if body else Problem.NO_ARTICLE.value,
        markdown=render.render(pieces),
        comments=_comments(found_comments, settled, config),
    )


def _comments(extracted: str, settled: settle.Settled, config: Config) -> str:
    """The reader comments when asked for: those the HTML extraction found, else the
    texts of the thread the block steps found."""
    if not config.comments:
        return ""
    return readercomments.from_lines(extracted) or readercomments.from_page(
        settled.state.page, settled.kept
    )


def read_dump(text: str, config: Config) -> markdown.Reading:
    """A text dump as the block steps read it: markdown rendered to its text, with
    what each line was (`Reading.shapes`; None for a plain dump, whose lines
    `textshape` reads for their shapes)."""
    if config.markdown and markdown.looks_like_markdown(text):
        return markdown.read(text)
    return markdown.Reading(text, None)


def _merge_meta(meta: Metadata, state: textmode.TextState, url: str | None) -> Metadata:
    """HTML metadata first; what the text shows fills the gaps."""
    found = state.meta
    page = state.page
    site = meta.site or (state.site_rules[0].name if state.site_rules else host_of(url))
    return replace(
        meta,
        title=meta.title or (page.text(found.title) if found.title is not None else None),
        author=meta.author or found.author,
        date=meta.date or found.date,
        site=site,
        url=meta.url or url,
        language=meta.language or page.language_code or iso_code(page.language),
    )
