"""HTML in: trafilatura finds the article container and the page's metadata; the
block rules then clean what it lets through. Also keeps markup trafilatura cannot take
(nesting too deep, parser faults) harmless; telling HTML from a text dump is
`cleaner.inputkind`'s.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from copy import deepcopy
from dataclasses import dataclass, replace
from typing import Any

from cleaner import ftrmode, headings, htmlmeta, layouttables, repair
from cleaner.config import Config
from cleaner.inputkind import looks_like_html as looks_like_html  # where callers look
from cleaner.results import Metadata, Removal

log = logging.getLogger(__name__)

MAX_NESTING = 60
"""Container elements nested deeper than this are flattened before parsing. libxml2
(lxml, hence trafilatura) drops everything below depth 256 ("Excessive depth in
document"), so an article inside 10,000 nested divs came out empty; browsers flatten
too (Blink: kMaximumHTMLParserDOMTreeDepth = 512). Elements with optional end tags are
not counted, and a nested table adds four levels (table, tbody, tr, td): 60 x 4 stays
under 256. Real pages are far shallower (Lighthouse flags a DOM depth over 32)."""

# Elements that nest (neither void nor with an optional end tag, HTML Living Standard
# 13.1.2); the block-level ones leave a line break where a too-deep one is removed.
_BLOCK_CONTAINERS = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "div",
        "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "main", "menu", "nav", "ol", "pre", "section", "table", "ul",
    }
)  # fmt: skip
_INLINE_CONTAINERS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "button", "cite", "code", "del", "dfn", "em",
        "font", "i", "ins", "kbd", "label", "map", "mark", "nobr", "object", "q", "s", "samp",
        "small", "span", "strike", "strong", "sub", "summary", "sup", "time", "tt", "u", "var",
    }
)  # fmt: skip
_CONTAINERS = _BLOCK_CONTAINERS | _INLINE_CONTAINERS
# Comments and raw-text elements are skipped whole (an unclosed one runs to the end, as
# in a browser, so no match is retried); otherwise one tag.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title)\b.*?(?:</\1\s*>|\Z)"
    r"|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>",
    re.I | re.S,
)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What trafilatura found: the body, one paragraph per line, the metadata, and what
    a fivefilters site config removed before it looked."""

    text: str
    metadata: Metadata
    removed: tuple[Removal, ...] = ()
    trusted: bool = True
    """Whether the text is an article body as it stands; False when only the recall
    fallback found anything, so the block steps must still find the article in it."""
    body: Any = None
    """trafilatura's extracted tree that `text` was written from (`cleaner.htmlshape`
    reads the structure from it); None where nothing was extracted."""
    comments: str = ""
    """The reader comments trafilatura found, one paragraph per line, when
    `Config.comments` asks for them."""


def extract(html: str, url: str | None, config: Config) -> Extracted:
    """The body text (one paragraph per line) and metadata trafilatura finds; empty when
    it finds none or fails on the markup. Where a fivefilters site config covers the
    URL's host, its strip rules shape the page first and its body container, if it
    still matches enough text and agrees with the whole page's extraction, is what
    trafilatura extracts from."""
    html = flatten_deep_nesting(html)
    prepared = ftrmode.prepare(html, url, config.all_ftr_dirs())
    if prepared is None:
        doc, meta, trusted = _extract(html, url, config)
        if doc is None:
            return _nothing(url)
        text, tree = _text_and_body(doc)
        return Extracted(
            text,
            meta or Metadata(url=url),
            trusted=trusted,
            body=tree,
            comments=_comments(doc, config),
        )
    body_html = prepared.body_html()
    doc, meta, trusted = _extract(prepared.page_html(), url, config)
    body = _extract(body_html, url, config, with_metadata=False)[0] if body_html else None
    if body and body.text and doc and not ftrmode.body_agrees(body.text, doc.text or ""):
        log.debug(BODY_IGNORED, url, prepared.source)
        body = None
    chosen = body if body and body.text else doc
    text, tree = _text_and_body(chosen) if chosen is not None else ("", None)
    meta = meta or Metadata(url=url)
    meta = replace(
        meta,
        title=prepared.title or meta.title,
        author=prepared.author or meta.author,
        date=prepared.date or meta.date,
    )
    return Extracted(
        text,
        meta,
        prepared.removed,
        trusted=trusted or body is not None,
        body=tree,
        comments=_comments(doc, config),
    )


def _text_and_body(doc: Any) -> tuple[str, Any]:
    """The extracted tree, its layout tables replaced by their cells
    (`cleaner.layouttables`), and its text, one paragraph per line: trafilatura's own
    text where nothing changed, and never with the link targets and images the tree
    holds when `Config.links` or `Config.images` asked trafilatura to keep them (the
    words stay the same)."""
    body = doc.body
    unwrapped = layouttables.without_layout_tables(body)
    if unwrapped is not None:
        body = unwrapped
    elif body is None or not body.xpath(".//ref|.//graphic"):
        return doc.text or "", body
    from lxml import etree
    from trafilatura.xml import xmltotxt

    plain = deepcopy(body)
    etree.strip_tags(plain, "ref")
    etree.strip_elements(plain, "graphic", with_tail=False)
    return xmltotxt(plain, include_formatting=False) or "", body


def _comments(doc: Any, config: Config) -> str:
    """The comments trafilatura read, when they were asked for ("" otherwise)."""
    return (doc.comments or "") if config.comments and doc is not None else ""


BODY_IGNORED = "%s: body rule of %s adds text the page's article lacks; ignored"
"""The debug message (a format) when a site config's body container is not used."""


def _nothing(url: str | None) -> Extracted:
    return Extracted("", Metadata(url=url))


ADAPTIVE_SHARE = 0.5
"""Adaptive extraction keeps trafilatura's precision-mode text unless it is under half
the length of its recall-mode text. Measured on the development sets (HTML mode, F1):
precision alone 0.965 / 0.919 (ScrapingHub / WCXB), recall alone 0.962 / 0.932, this
rule 0.968 / 0.931; shares of 0.7-0.9 gave 0.963-0.966 / 0.931."""


def _extract(
    html: str, url: str | None, config: Config, *, with_metadata: bool = True
) -> tuple[Any, Metadata | None, bool]:
    """trafilatura's Document for a page as `config.html_extraction` says (or None), the
    page's metadata (None when not asked for or not found), and whether the text can be
    trusted as the body (see `_extract_tree`).

    Where the markup hides part of the article (`repair`), the repaired page is also
    extracted, and its text is used when it is the longer one: trafilatura's own
    fallbacks sometimes find the whole article without the repair."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except Exception as error:  # lxml raises many kinds on odd markup
        log.warning("parsing failed on %s: %r", url or "a page", error)
        return None, None, True
    if tree is None:
        return None, None, True
    doc, meta, trusted = _extract_tree(tree, url, config, with_metadata=with_metadata)
    if meta is not None:
        meta = htmlmeta.refined(tree, meta, url)
    fixed = repair.repaired(tree)
    if fixed is not None:
        whole, _, whole_trusted = _extract_tree(fixed, url, config, with_metadata=False)
        if _length(whole) > _length(doc):
            return _comments_from(doc, whole), meta, whole_trusted
    return doc, meta, trusted


def _extract_tree(
    tree: Any, url: str | None, config: Config, *, with_metadata: bool
) -> tuple[Any, Metadata | None, bool]:
    """The Document, metadata and trust of one parsed page. Trusted is False when
    precision mode found nothing and only recall mode did (an index page's teaser
    links look like that).

    Metadata is read once, in the recall-mode run: it does not depend on the mode (the
    same on every development page where both found text) and costs about a third of a
    run. Reader comments, when `config.comments` asks for them, are read in that same
    run, so the precision-mode body is the one it is without them."""
    kept = {"links": config.links, "images": config.images}
    comments = config.comments and with_metadata
    if config.html_extraction != "adaptive":
        precision = config.html_extraction == "precision"
        doc = _trafilatura(
            tree, url, precision=precision, with_metadata=with_metadata, comments=comments, **kept
        )
        return doc, _metadata(doc, url) if with_metadata and doc else None, True
    broad = _trafilatura(
        tree, url, precision=False, with_metadata=with_metadata, comments=comments, **kept
    )
    precise = _trafilatura(tree, url, precision=True, with_metadata=False, **kept)
    meta = _metadata(broad, url) if with_metadata and broad else None
    if _length(precise) < ADAPTIVE_SHARE * _length(broad):
        return broad, meta, _length(precise) > 0
    return _comments_from(broad, headings.with_headings(precise, broad)) or broad, meta, True


def _comments_from(source: Any, doc: Any) -> Any:
    """`doc`, given the comments the run of `source` read (trafilatura's Document
    carries them; only one run per page asks for them)."""
    if source is not None and doc is not None and source.comments:
        doc.comments = source.comments
    return doc


def _length(doc: Any) -> int:
    return len(doc.text or "") if doc is not None else 0


def _trafilatura(
    tree: Any,
    url: str | None,
    *,
    precision: bool,
    with_metadata: bool,
    links: bool = False,
    images: bool = False,
    comments: bool = False,
) -> Any:
    """One trafilatura run on a parsed page (it works on a copy): its Document, or None.
    `links` and `images` keep them in its tree (for markdown); `comments` reads the
    reader comments too."""
    import trafilatura  # heavy; text mode never pays for it
    from trafilatura.settings import Document

    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            favor_precision=precision,
            include_comments=comments,
            include_tables=True,
            include_links=links,
            include_images=images,
            with_metadata=with_metadata,
        )
    except Exception as error:  # lxml and trafilatura raise many kinds on odd markup
        log.warning("trafilatura failed on %s: %r", url or "a page", error)
        return None
    return doc if isinstance(doc, Document) else None


def _metadata(doc: Any, url: str | None) -> Metadata:
    return Metadata(
        title=doc.title or None,
        author=doc.author or None,
        date=doc.date or None,
        site=doc.sitename or doc.hostname or None,
        url=doc.url or url,
        language=doc.language or None,
    )


def text_dump(html: str) -> str:
    """The page as a browser-like text dump (html-text), one block element per line;
    empty where the markup cannot be read."""
    import html_text

    try:
        return str(html_text.extract_text(html, guess_layout=True))
    except Exception:  # lxml refuses some markup
        return ""


def flatten_deep_nesting(html: str) -> str:
    """The markup with container tags deeper than MAX_NESTING removed (block-level ones
    become <br>), so their content stays in the parsed tree; unchanged if none is."""
    if html.count("<") <= MAX_NESTING:
        return html
    open_tags: list[tuple[str, bool]] = []  # (name, removed)
    open_names: Counter[str] = Counter()
    pieces: list[str] = []
    done = 0
    for token in _TOKEN.finditer(html):
        name = (token.group(3) or "").lower()
        if name not in _CONTAINERS or token.group(0).endswith("/>"):
            continue
        if token.group(2):
            if not open_names[name]:
                continue  # a stray end tag
            while True:  # an end tag also closes what was left open inside it
                top, removed = open_tags.pop()
                open_names[top] -= 1
                if top == name:
                    break
        else:
            removed = len(open_tags) >= MAX_NESTING
            open_tags.append((name, removed))
            open_names[name] += 1
        if removed:
            between = html[done : token.start()]
            # One line break stands for a run of removed block tags (10,000 <br> are slow).
            wrap = name in _BLOCK_CONTAINERS and bool(between.strip() or not pieces)
            pieces += (between, "<br>" if wrap else "")
            done = token.end()
    if not pieces:
        return html
    pieces.append(html[done:])
    return "".join(pieces)
