"""The data the cleaner passes between its steps and hands back to callers.

Blocks go in, decisions come out; every removal is a record, never a log line.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Reason(StrEnum):
    """Stable snake_case ids saying why a block was dropped (or what it was)."""

    NAVIGATION = "navigation_menu"
    TAG_LIST = "tag_list"
    NEWSLETTER = "newsletter_prompt"
    FORM_RESIDUE = "form_residue"
    RELATED = "related_content"
    INLINE_RELATED = "inline_related_link"
    TABLE_OF_CONTENTS = "table_of_contents"
    SPILLOVER = "after_article_end"
    PREAMBLE = "before_article_start"
    CAPTION_DUPLICATE = "duplicate_caption"
    CAPTION = "photo_caption"
    PHOTO_CREDIT = "photo_credit"
    SOCIAL_EMBED = "embedded_social_post"
    SHARE_WIDGET = "share_widget"
    COMMENTS_WIDGET = "comments_widget"
    AUTHOR_BIO = "author_bio"
    TIMESTAMP = "relative_timestamp"
    PROMO = "promo_line"
    DISCLAIMER = "disclaimer_line"
    COOKIE = "cookie_notice"
    PAYWALL = "paywall_notice"
    PLACEHOLDER = "placeholder_text"
    LOW_QUALITY = "low_text_quality"
    TITLE = "title"
    BYLINE = "byline"
    DATELINE = "dateline"
    SITE_RULE = "site_rule"
    DUPLICATE = "duplicate_block"
    REPEATED_FURNITURE = "repeated_site_furniture"
    NOT_EXTRACTED = "not_in_extracted_body"


class Label(StrEnum):
    """jusText-style quality label of a block (context-free, then revised)."""

    GOOD = "good"
    NEAR_GOOD = "near_good"
    SHORT = "short"
    BAD = "bad"


class BlockKind(StrEnum):
    """What a block is in the article's structure (its markdown form). A block's
    `level` says more: a heading's level (1-6), a list item's depth (1 = top level),
    a code line's indentation in columns beyond its run's least indented line (the
    block's text, like every block's, has its spaces collapsed); 0 for the other
    kinds."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    CODE = "code"
    QUOTE = "quote"
    CAPTION = "caption"


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like unit of the page text (a non-empty line of a dump), and
    what it is in the article's structure where the markup or the dump shows it."""

    index: int
    text: str
    blank_before: bool = False
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0


@dataclass(frozen=True, slots=True)
class Mark:
    """A rule's claim that a block is boilerplate: which rule, and why."""

    rule: str
    reason: Reason
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Removal:
    """A dropped block: its position, the rule that dropped it, why, and its text."""

    block: int
    rule: str
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class BlockDecision:
    """How one input block was decided, for `--explain`: for a dropped block the rule
    and reason id of its removal; for a kept one, `kept_by` says what kept it where
    its label alone would not ("block_model", "subheading", "code_run" for a line of
    a code run kept whole, or "extracted_body" in HTML mode; "" for a block kept as
    good text)."""

    block: int
    text: str
    kept: bool
    label: str
    rule: str
    reason: str
    kept_by: str = ""
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """What `clean` returns: the body (as plain text, and as markdown), the page's
    metadata, and every removal. `blocks` holds every input block's decision, with
    its kind and level; `kept_blocks` the kept ones."""

    text: str
    metadata: Metadata
    kind: str
    removed: tuple[Removal, ...] = ()
    blocks: tuple[BlockDecision, ...] = field(default=(), repr=False)
    problem: str | None = None
    markdown: str = field(default="", repr=False)
    """The body as markdown: headings, lists, tables, code and quotes as the page (or
    the dump) showed them; links and images where `Config.links`/`Config.images` ask."""

    @property
    def kept_blocks(self) -> tuple[BlockDecision, ...]:
        return tuple(b for b in self.blocks if b.kept)

    comments: str = ""
    """The reader comments, apart from the body, when `Config.comments` asks for them:
    plain text, one comment per paragraph; "" when there are none or none were asked."""

    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def author(self) -> str | None:
        return self.metadata.author

    @property
    def date(self) -> str | None:
        return self.metadata.date

    @property
    def site(self) -> str | None:
        return self.metadata.site

    @property
    def url(self) -> str | None:
        return self.metadata.url

    @property
    def language(self) -> str | None:
        """The page's language as an ISO code (given, or guessed), as in the JSON."""
        return self.metadata.language

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The JSON shape of the result (`--format json`): the body, metadata, removal
        records, and `blocks`: the kept blocks as {block, kind, level, text}, or with
        `explain` every block with its decision (`block` is the index `removed` uses)."""
        out: dict[str, Any] = {"text": self.text}
        out.update(asdict(self.metadata))
        out["kind"] = self.kind
        out["problem"] = self.problem
        out["removed"] = [asdict(r) for r in self.removed]
        out["comments"] = self.comments
        if explain:
            out["blocks"] = [{**asdict(b), "kind": b.kind.value} for b in self.blocks]
        else:
            out["blocks"] = [
                {"block": b.block, "kind": b.kind.value, "level": b.level, "text": b.text}
                for b in self.kept_blocks
            ]
        return out
