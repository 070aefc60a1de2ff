"""A code block is kept or dropped whole, with its indentation in markdown."""

from __future__ import annotations

from cleaner import clean, htmlmode, htmlshape, linematch, settle, textshape
from cleaner.config import Config
from cleaner.decision import whole_runs
from cleaner.results import Block, BlockKind
from cleaner.segment import blocks_of
from tests.conftest import read_fixture

PAGE = "html/code_blog_post.html"
CODE = ["fn main() {", "let a = 123;", 'println!("{}", a);', "}"]


def test_a_code_run_is_decided_as_one_block() -> None:
    texts = ["Intro.", *CODE, "Outro.", "x = 1", "y = 2", "z = 3"]
    kinds = [BlockKind.PARAGRAPH, *[BlockKind.CODE] * 4, BlockKind.PARAGRAPH, *[BlockKind.CODE] * 3]
    blocks = [Block(i, t, kind=k) for i, (t, k) in enumerate(zip(texts, kinds, strict=True))]
    runs = textshape.runs_of(blocks)
    assert runs == [range(1, 5), range(6, 9)]
    keep = [True, False, False, True, True, True, True, False, False]
    # two of four lines kept: the run stays whole; one of three: it goes whole
    assert whole_runs(keep, runs) == [True, True, True, True, True, True, False, False, False]


def test_the_block_model_no_longer_cuts_holes_in_a_program() -> None:
    # Judged as text (as an untrusted extraction is), the lines read as short junk:
    # the model dropped "fn main() {" and "let a = 123;" and kept "}". Now the run's
    # lines vote (here one of four would stay), and it goes whole.
    html = read_fixture(PAGE)
    extracted = htmlmode.extract(html, None, Config())
    lines = htmlshape.walk(extracted.body, pre=htmlshape.preformatted(html))
    blocks, _ = linematch.shaped(blocks_of(extracted.text), lines)
    title = extracted.metadata.title
    settled = settle.clean_blocks(blocks, None, Config(), trusted=False, known_title=title)
    assert len({line in settled.kept for line in CODE}) == 1  # all four or none
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
