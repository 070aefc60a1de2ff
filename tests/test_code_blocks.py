"""A code block is kept or dropped whole, with its indentation in markdown."""

from __future__ import annotations

from cleaner import clean, htmlmode, htmlshape, linematch, settle
from cleaner.config import Config
from cleaner.results import Block, BlockDecision, BlockKind, Removal
from cleaner.segment import blocks_of
from cleaner.wholeblocks import KEPT_AS_CODE, code_runs, keep_code_whole
from tests.conftest import read_fixture

PAGE = "html/code_blog_post.html"
CODE = ["fn main() {", "let a = 123;", 'println!("{}", a);', "}"]


def _decision(i: int, text: str, kept: bool) -> BlockDecision:
    return BlockDecision(i, text, kept, "bad", "" if kept else "r", "" if kept else "x")


def test_a_partly_kept_code_block_is_kept_whole() -> None:
    texts = ["Intro.", *CODE, "Outro.", "x = 1", "y = 2"]
    kinds = [BlockKind.PARAGRAPH, *[BlockKind.CODE] * 4, BlockKind.PARAGRAPH, *[BlockKind.CODE] * 2]
    blocks = [Block(i, t, kind=k) for i, (t, k) in enumerate(zip(texts, kinds, strict=True))]
    assert code_runs(blocks) == [range(1, 5), range(6, 8)]
    kept = [True, False, False, True, True, True, False, False]
    decisions = [_decision(i, t, k) for i, (t, k) in enumerate(zip(texts, kept, strict=True))]
    removed = [Removal(i, "r", "x", texts[i]) for i, k in enumerate(kept) if not k]
    decided, left = keep_code_whole(blocks, decisions, removed)
    assert [d.kept for d in decided] == [True, True, True, True, True, True, False, False]
    assert decided[1].kept_by == KEPT_AS_CODE and decided[1].reason == ""
    assert [r.block for r in left] == [6, 7]  # a code block dropped whole stays dropped


def test_the_block_model_no_longer_cuts_holes_in_a_program() -> None:
    # Judged as text (as an untrusted extraction is), the lines read as short junk:
    # the model dropped "fn main() {" and "let a = 123;" and kept "}".
    html = read_fixture(PAGE)
    extracted = htmlmode.extract(html, None, Config())
    lines = htmlshape.walk(extracted.body, pre=htmlshape.preformatted(html))
    blocks, _ = linematch.shaped(blocks_of(extracted.text), lines)
    title = extracted.metadata.title
    settled = settle.clean_blocks(blocks, None, Config(), trusted=False, known_title=title)
    for line in CODE:
        assert line in settled.kept
    assert "Printing a number in Rust" not in settled.kept


def test_code_keeps_its_indentation_and_a_plain_pre_is_code_too() -> None:
    result = clean(read_fixture(PAGE))
    assert all(line in result.text.split("\n\n") for line in CODE)
    markdown = result.markdown
    assert '```\nfn main() {\n    let a = 123;\n    println!("{}", a);\n}\n```' in markdown
    assert "```\n$ rustc main.rs\n$ ./main\n123\n```" in markdown
    assert "> $" not in markdown
    assert "Save it as `main.rs` and compile it with `rustc main.rs`." in markdown
    for furniture in ("Archive", "RSS", "Share this post", "Posted by"):
        assert furniture not in markdown
    kinds = {b.text: b.kind for b in result.kept_blocks}
    assert kinds["$ ./main"] is BlockKind.CODE


def test_preformatted_reads_the_words_of_each_pre() -> None:
    page = "<pre class='x'>a  &lt;b&gt;\n  c</pre><p>no</p><PRE><span>d</span></PRE><pre> </pre>"
    assert htmlshape.preformatted(page) == frozenset({"a <b> c", "d"})
    assert htmlshape.preformatted("<p>none</p>") == frozenset()
