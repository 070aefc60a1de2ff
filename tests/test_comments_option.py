"""Reader comments on request: apart from the body, without the thread's furniture,
and nothing changes when they are not asked for."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cleaner import Config, clean
from cleaner.cli import main
from cleaner.records import COMMENTS_RULE, document_record
from cleaner.rules import comments as thread_rules
from tests.helpers import PROSE, page_of

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES = [
    pytest.param(FIXTURES / kind / "comment_threads", name, kind, id=f"{kind}/{name}")
    for kind in ("text", "html")
    for name, expect in json.loads(
        (FIXTURES / kind / "comment_threads" / "expectations.json").read_text()
    ).items()
    if "comments" in expect or "comment_count" in expect
]


def _expect(folder: Path, name: str) -> dict[str, Any]:
    data: dict[str, dict[str, Any]] = json.loads(
        (folder / "expectations.json").read_text(encoding="utf-8")
    )
    return data[name]


@pytest.mark.parametrize(("folder", "name", "kind"), CASES)
def test_comments_come_apart_from_the_body(folder: Path, name: str, kind: str) -> None:
    page = (folder / name).read_text(encoding="utf-8")
    expect = _expect(folder, name)
    plain = clean(page, kind=kind)
    asked = clean(page, kind=kind, comments=True)
    assert plain.comments == ""
    assert asked.text == plain.text  # the body is the same whether comments are asked or not
    found = asked.comments.split("\n\n")
    assert len(found) == expect.get("comment_count", len(expect.get("comments", [])))
    for snippet, comment in zip(expect.get("comments", []), found, strict=False):
        assert snippet in comment  # one comment per paragraph, in the page's order
    for snippet in expect["comments_without"]:
        assert snippet not in asked.comments
    for comment in found:
        assert comment not in asked.text


def test_no_thread_no_comments() -> None:
    result = clean("\n\n".join(PROSE), kind="text", comments=True)
    assert result.text
    assert result.comments == ""


def test_a_comment_of_several_paragraphs_stays_one_comment() -> None:
    from cleaner.readercomments import from_page

    thread = []
    for name in ("jo", "sam", "kim"):
        thread += [f"{name} says:", "November 19, 2019 at 6:34 am", "I agree.", "So does my wife."]
    page = page_of(*PROSE, *thread)
    assert thread_rules.threads(page) == [(3, 12)]  # the last stamp; its text follows
    assert from_page(page, []).split("\n\n") == ["I agree.\nSo does my wife."] * 3


def test_comments_the_body_kept_are_not_given_twice() -> None:
    from cleaner.readercomments import from_page

    thread = []
    for name in ("jo", "sam", "kim"):
        thread += [f"{name} says:", "November 19, 2019 at 6:34 am", f"{name} agrees."]
    page = page_of(*PROSE, *thread)
    assert from_page(page, ["sam agrees."]) == "jo agrees.\n\nkim agrees."


def test_comments_option_is_checked() -> None:
    with pytest.raises(TypeError, match=r"Config\.comments"):
        Config(comments="yes")  # type: ignore[arg-type]


def test_json_and_text_output_carry_the_comments() -> None:
    path = str(FIXTURES / "text" / "comment_threads" / "wordpress_blog.txt")
    runner = CliRunner()
    plain = runner.invoke(main, [path, "--format", "json"])
    assert json.loads(plain.output)["comments"] == ""
    asked = runner.invoke(main, [path, "--format", "json", "--comments"])
    data = json.loads(asked.output)
    assert "I take the morning boat" in data["comments"]
    assert "I take the morning boat" not in data["text"]
    text = runner.invoke(main, [path, "--comments"]).output
    body, _, after = text.partition(f"\n{COMMENTS_RULE}\n")
    assert body.strip() == data["text"]
    assert after.strip() == data["comments"]
    assert COMMENTS_RULE not in runner.invoke(main, [path]).output


def test_batch_record_has_comments_only_when_found() -> None:
    page = (FIXTURES / "text" / "comment_threads" / "wordpress_blog.txt").read_text()
    asked = document_record(1, None, clean(page, kind="text", comments=True), {})
    assert "I take the morning boat" in asked["comments"]
    assert "comments" not in document_record(1, None, clean(page, kind="text"), {})
