"""One document through the cleaner: decode, detect its kind, extract (HTML), run the
block steps, and assemble the result. No heuristics live here."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

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
from cleaner.results import Block, Metadata, Removal, Result
from cleaner.segment import blocks_of
from cleaner.sites import host_of


def run(document: str | bytes, url: str | None, config: Config) -> Result:
    """decode -> input kind -> read (HTML: extract; dump: read its lines) -> settle
    the blocks -> the HTML fallback's text reading -> the result."""
    if len(document) > config.max_input:
        return Result("", Metadata(url=url), kind="unknown", problem=Problem.TOO_LARGE.value)
    decoded = decode(document)
    if decoded.problem is not None:
        return Result("", Metadata(url=url), kind="unknown", problem=decoded.problem.value)
    kind = config.kind
    if kind == "auto":
        kind = "html" if htmlmode.looks_like_html(decoded.text) else "text"
    read = _read_html if kind == "html" else _read_dump
    page = read(decoded.text, url, config)
    settled = settle.clean_blocks(
        page.blocks,
        url,
        config,
        trusted=page.trusted,
        known_title=page.meta.title,
        headline=page.headline,
    )
    shapes = page.shapes
    if kind == "html" and config.html_fallback:
        found = fallback.text_reading(decoded.text, settled, url, config, page.lines)
        settled, shapes = (found, None) if found is not None else (settled, shapes)
    return _result(kind, page, settled, shapes, url, config)


@dataclass(frozen=True, slots=True)
class _Read:
    """A page read for the block steps: its blocks (with their kinds) and what its
    reading found beside them."""

    blocks: list[Block]
    meta: Metadata
    trusted: bool = False
    headline: str | None = None
    removed: tuple[Removal, ...] = ()
    shapes: list[render.Shape] | None = None
    lines: list[htmlshape.Line] = field(default_factory=list)
    comments: str = ""


def _read_html(html: str, url: str | None, config: Config) -> _Read:
    """trafilatura's body, its blocks given their kinds from its tree."""
    extracted = htmlmode.extract(html, url, config)
    pre = htmlshape.preformatted(html)
    lines = htmlshape.walk(extracted.body, links=config.links, images=config.images, pre=pre)
    blocks, shapes = linematch.shaped(blocks_of(extracted.text), lines)
    return _Read(
        blocks,
        extracted.metadata,
        trusted=extracted.trusted,
        removed=extracted.removed,
        shapes=shapes,
        lines=lines,
        comments=extracted.comments,
    )


def _read_dump(text: str, url: str | None, config: Config) -> _Read:
    """A dump's lines as blocks, with the kinds its lines show."""
    reading = read_dump(text, config)
    blocks = textshape.shape_dump(blocks_of(reading.text), reading.text, reading.shapes)
    return _Read(blocks, Metadata(url=url), headline=reading.headline)


def _result(
    kind: str,
    page: _Read,
    settled: settle.Settled,
    shapes: list[render.Shape] | None,
    url: str | None,
    config: Config,
) -> Result:
    body = "\n\n".join(settled.kept)
    pieces = render.pieces_of(settled.decisions, settled.kept, shapes)
    return Result(
        text=body,
        metadata=_merge_meta(page.meta, settled.state, url),
        kind=kind,
        removed=page.removed + tuple(settled.removed),
        blocks=tuple(settled.decisions),
        problem=None if body else Problem.NO_ARTICLE.value,
        markdown=render.render(pieces),
        comments=_comments(page.comments, settled, config),
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
