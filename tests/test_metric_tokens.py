"""The benchmark metric's tokens: `\\w+` runs as in the reference, except Chinese and
Japanese letters, one token each, so such pages are scored by characters."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import benchlib as bl  # a script helper, importable once scripts/ is on the path

JAPANESE = "東京都は今日、新しい図書館を開館しました。多くの市民が訪れました。"


def test_text_without_chinese_or_japanese_gets_the_reference_tokens() -> None:
    text = "Don't split e-mail_addresses; 2024 Straße, naïve, 한국어 문장 — ok?"
    assert bl.tokenize(text) == bl.reference_tokenize(text)


def test_each_chinese_or_japanese_letter_is_a_token() -> None:
    assert bl.tokenize("日本語のテキスト、中文。") == list("日本語のテキスト中文")
    assert bl.tokenize("iPhone 15を買った") == ["iPhone", "15", "を", "買", "っ", "た"]


def test_a_japanese_sentence_is_scored_by_its_characters() -> None:
    one_changed = JAPANESE.replace("新しい", "古い")
    assert bl.overlap(JAPANESE, one_changed, bl.reference_tokenize).f1 < 0.5
    assert bl.overlap(JAPANESE, one_changed).f1 > 0.8
