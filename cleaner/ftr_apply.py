"""Applying one fivefilters site config to a page: string replacements on the raw HTML, then
metadata, stripping and body selection on the lxml tree, each removal kept as a record.
Also owns XPath compilation, so a broken expression is caught once and never raises.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from lxml import etree

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from cleaner.ftr import FtrRule, SiteConfig

log = logging.getLogger(__name__)

# Arity (fewest, most arguments) of the XPath 1.0 core functions and node tests (XPath 1.0
# sections 2.3 and 4): libxml2 knows no other unprefixed functions, and rejects an unknown
# name or a wrong count only when it evaluates the call, so both are checked by hand.
_ARITY = {
    "last": (0, 0), "position": (0, 0), "count": (1, 1), "id": (1, 1), "local-name": (0, 1),
    "namespace-uri": (0, 1), "name": (0, 1), "string": (0, 1), "concat": (2, 1000),
    "starts-with": (2, 2), "contains": (2, 2), "substring-before": (2, 2),
    "substring-after": (2, 2), "substring": (2, 3), "string-length": (0, 1),
    "normalize-space": (0, 1), "translate": (3, 3), "boolean": (1, 1), "not": (1, 1),
    "true": (0, 0), "false": (0, 0), "lang": (1, 1), "number": (0, 1), "sum": (1, 1),
    "floor": (1, 1), "ceiling": (1, 1), "round": (1, 1), "node": (0, 0), "text": (0, 0),
    "comment": (0, 0), "processing-instruction": (0, 1),
}  # fmt: skip
_OPERATORS = frozenset({"and", "or", "div", "mod"})  # words that may precede `(`
_LITERAL = re.compile(r"\"[^\"]*\"|'[^']*'")
# A call: optional `axis::`, then a (possibly `prefix:`) name, then `(`.
_CALL = re.compile(r"(?<![\w.:-])(?:[A-Za-z_][\w.-]*::)?([A-Za-z_][\w.:-]*)\s*\(")
_XPATH_CACHE_SIZE = 8192  # the 2026-08 collection holds about 6,000 distinct expressions
# Bad operand types (`//p[a | contains(...)]`) surface only when evaluated, and only where a
# step matches: a page with the tags most rules name makes them surface at compile time.
_PROBE_PAGE = (
    "<html><head><title>t</title><meta name='m' content='c'><link rel='r'></head><body>"
    "<div id='i' class='c'><article><header><h1>h</h1><h2>h</h2></header><section>"
    "<p><a href='#'>a</a><span>s</span><img src='s'><em>e</em><strong>s</strong></p>"
    "<figure><figcaption>c</figcaption></figure><ul><li>l</li></ul><time>t</time>"
    "<aside>a</aside><footer>f</footer><nav>n</nav><form></form><iframe></iframe>"
    "<script></script><button>b</button></section></article></div></body></html>"
)
# fivefilters ContentExtractor's queries for strip_id_or_class and strip_image_src.
_ID_OR_CLASS = etree.XPath("//*[contains(@class, $needle) or contains(@id, $needle)]")
_IMAGE_SRC = etree.XPath("//img[contains(@src, $needle)]")
NOT_NODES = "selects a value, not nodes"  # a body or strip XPath like `string(//h1)`
_REMOVED_TEXT_LIMIT = 300  # enough to recognise a block in --explain output
_warned: set[str] = set()  # a broken rule fires on every page of its site: warn once


class CompiledXPath(NamedTuple):
    """A compiled expression (an `lxml.etree.XPath`), or None and why it is unusable;
    `selects_nodes` is False for expressions giving a string, number or boolean."""

    xpath: Any
    error: str
    selects_nodes: bool = False


@dataclass(frozen=True, slots=True)
class FtrRemoval:
    """What one site-config rule removed: rule file, line, directive, and the text."""

    path: str
    line: int
    directive: str
    text: str


@dataclass(frozen=True, slots=True)
class Applied:
    """The outcome of `apply_site_config`.

    `body` is the first body XPath's single match (still in the tree), or a new detached
    <div> holding copies of its outermost matches in document order, or None. `problems`
    holds this application's broken rules (`path:line: message`); parse problems stay on
    the SiteConfig.
    """

    body: HtmlElement | None
    removed: tuple[FtrRemoval, ...] = ()
    title: str | None = None
    author: str | None = None
    date: str | None = None
    problems: tuple[str, ...] = ()


def call_errors(expression: str) -> list[str]:
    """Calls in `expression` to unknown functions, or with a wrong number of arguments."""
    bare = _LITERAL.sub("''", expression)
    errors = []
    for match in _CALL.finditer(bare):
        name = match[1]
        if name in _OPERATORS:
            continue
        if name not in _ARITY:
            errors.append(f"unknown function {name}()")
            continue
        fewest, most = _ARITY[name]
        count = _count_arguments(bare, match.end())
        if not fewest <= count <= most:
            wanted = f"{fewest}" if fewest == most else f"{fewest} to {most}"
            errors.append(f"{name}() takes {wanted} arguments, not {count}")
    return errors


def _count_arguments(text: str, start: int) -> int:
    """Arguments of the call whose `(` ends just before `start` (literals already blanked)."""
    depth, commas = 1, 0
    for position in range(start, len(text)):
        char = text[position]
        depth += {"(": 1, ")": -1}.get(char, 0)
        commas += char == "," and depth == 1
        if depth == 0:
            empty = not text[start:position].strip()
            return 0 if empty else commas + 1
    return commas + 1


@lru_cache(maxsize=_XPATH_CACHE_SIZE)
def compile_xpath(expression: str) -> CompiledXPath:
    """Compile once per expression; syntax, function and type errors become `error`."""
    try:
        xpath = etree.XPath(expression)
    except (etree.XPathError, ValueError) as error:
        return CompiledXPath(None, f"invalid XPath ({error}): {expression}")
    errors = call_errors(expression)
    if errors:
        return CompiledXPath(None, f"XPath call error ({'; '.join(errors)}): {expression}")
    try:
        result = xpath(_probe())
    except (etree.XPathError, ValueError) as error:
        return CompiledXPath(None, f"XPath fails to evaluate ({error}): {expression}")
    return CompiledXPath(xpath, "", isinstance(result, list))


@lru_cache(maxsize=1)
def _probe() -> Any:
    return etree.fromstring(_PROBE_PAGE, etree.HTMLParser())


def apply_replacements(html: str, config: SiteConfig) -> str:
    """Apply the config's find_string/replace_string pairs in order, as plain strings."""
    for replacement in config.replacements:
        if replacement.find:
            html = html.replace(replacement.find, replacement.replace)
    return html


def apply_site_config(tree: HtmlElement, config: SiteConfig) -> Applied:
    """Read metadata, strip, then select the body, in fivefilters ContentExtractor's order.

    Metadata comes first, so a title inside a stripped header is still found. The tree
    is modified in place; broken rules are skipped and reported, never raised.
    """
    problems: list[str] = []
    title = _first_text(config.title, tree, problems)
    author = _first_text(config.author, tree, problems)
    date = _first_text(config.date, tree, problems)
    removed: list[FtrRemoval] = []
    for rule in config.strip:
        found = _evaluate(rule, tree, problems, nodes=True)
        if found is not None:
            removed += _remove(found, rule, tree)
    for rule, query in (
        *((rule, _ID_OR_CLASS) for rule in config.strip_id_or_class),
        *((rule, _IMAGE_SRC) for rule in config.strip_image_src),
    ):
        # fivefilters deletes quotes from these values before building its query.
        needle = rule.value.replace("'", "").replace('"', "")
        if needle:
            removed += _remove(query(tree, needle=needle), rule, tree)
    body = _select_body(config.body, tree, problems)
    return Applied(body, tuple(removed), title, author, date, tuple(problems))


def _report(problems: list[str], rule: FtrRule, message: str) -> None:
    problem = f"{rule.path}:{rule.line}: {rule.directive}: {message}"
    problems.append(problem)
    if problem not in _warned:
        _warned.add(problem)
        log.warning("%s", problem)


def _evaluate(rule: FtrRule, tree: HtmlElement, problems: list[str], nodes: bool = False) -> Any:
    """The XPath's result (a list, or a string, number or boolean unless `nodes`), or
    None when the rule is broken."""
    compiled = compile_xpath(rule.value)
    if compiled.xpath is None or (nodes and not compiled.selects_nodes):
        _report(problems, rule, compiled.error or NOT_NODES)
        return None
    try:
        return compiled.xpath(tree)
    except (etree.XPathError, ValueError) as error:
        _report(problems, rule, f"XPath fails to evaluate ({error}): {rule.value}")
        return None


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _node_text(node: Any) -> str:
    if isinstance(node, etree._Element):
        return _collapse("".join(node.itertext()) if isinstance(node.tag, str) else "")
    return _collapse(str(node))


def _first_text(rules: Iterable[FtrRule], tree: HtmlElement, problems: list[str]) -> str | None:
    """The first non-empty string any of `rules` selects (fivefilters takes item 0)."""
    for rule in rules:
        found = _evaluate(rule, tree, problems)
        if isinstance(found, str):
            found = [found]
        for node in found if isinstance(found, list) else ():
            text = _node_text(node)
            if text:
                return text
    return None


def _attached(node: Any, root: Any) -> bool:
    """Whether `node` hangs below `root`: not the root, not inside a removed subtree."""
    ancestors = list(node.iterancestors())
    return bool(ancestors) and ancestors[-1] is root


def _remove(found: list[Any], rule: FtrRule, tree: HtmlElement) -> list[FtrRemoval]:
    """Detach every node of `found` still in the document; elements keep their tail text."""
    root = tree.getroottree().getroot()
    removed = []
    for node in found:
        if isinstance(node, etree._Element):
            if not _attached(node, root):
                continue  # the root, or inside something this rule already removed
            text = _node_text(node)
            _drop_keeping_tail(node)
        else:  # a text() or @attribute result: lxml "smart" strings know their element
            parent = node.getparent() if hasattr(node, "getparent") else None
            if parent is None or not (parent is root or _attached(parent, root)):
                continue
            text = _node_text(node)
            if node.is_attribute:
                parent.attrib.pop(node.attrname, None)
            elif node.is_tail:
                parent.tail = None
            else:
                parent.text = None
        removed.append(FtrRemoval(rule.path, rule.line, rule.directive, text[:_REMOVED_TEXT_LIMIT]))
    return removed


def _drop_keeping_tail(element: Any) -> None:
    """Remove `element` but not the text after it, as DOM removeChild does."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _select_body(
    rules: Iterable[FtrRule], tree: HtmlElement, problems: list[str]
) -> HtmlElement | None:
    """The first body XPath's elements: the one element, or copies wrapped in a <div>."""
    for rule in rules:
        found = _evaluate(rule, tree, problems, nodes=True)
        elements = [
            node
            for node in found or ()
            if isinstance(node, etree._Element) and isinstance(node.tag, str)
        ]
        matched = set(elements)
        outermost = [
            element
            for element in elements
            if not any(ancestor in matched for ancestor in element.iterancestors())
        ]
        if len(outermost) == 1:
            return outermost[0]
        if outermost:
            wrapper = tree.makeelement("div", {})
            for element in outermost:
                duplicate = copy.deepcopy(element)
                duplicate.tail = None
                wrapper.append(duplicate)
            return wrapper
    return None
