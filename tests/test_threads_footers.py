"""Comment threads and footers that must not survive as article text, in dumps and in
HTML: each fixture's must-keep and must-drop snippets (`expectations.json` beside it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import clean

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FOLDERS = ("comment_threads", "footers")
CASES = [
    pytest.param(FIXTURES / kind / folder, name, kind, id=f"{kind}/{folder}/{name}")
    for kind in ("text", "html")
    for folder in FOLDERS
    for name in json.loads((FIXTURES / kind / folder / "expectations.json").read_text())
]


def expectations(folder: Path) -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(
        (folder / "expectations.json").read_text(encoding="utf-8")
    )
    return data


@pytest.mark.parametrize(("folder", "name", "kind"), CASES)
def test_threads_and_footers_go_and_the_article_stays(folder: Path, name: str, kind: str) -> None:
    expect = expectations(folder)[name]
    body = clean((folder / name).read_text(encoding="utf-8"), kind=kind).text
    for snippet in expect["with"]:  # type: ignore[attr-defined]
        assert snippet in body
    for snippet in expect["without"]:  # type: ignore[attr-defined]
        assert snippet not in body
