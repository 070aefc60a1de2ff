"""The Rust core's boundary: a panic becomes a Python exception that `clean()` can
catch (never the end of the process), compiled objects pickle for worker processes,
and offsets and measures agree with Python's view of the text."""

from __future__ import annotations

import pickle

import pytest

from cleaner import _core
from cleaner.features import measure_all
from cleaner.language import core_stoplist
from cleaner.phrases import phrase_book


def test_a_panic_in_the_core_is_an_exception_not_an_abort() -> None:
    with pytest.raises(_core.PanicException):
        _core._panic_for_tests()
    assert not issubclass(_core.PanicException, Exception)  # BaseException: catch it by name


def test_the_phrase_book_pickles_and_matches_the_same() -> None:
    book = phrase_book().matcher
    copy = pickle.loads(pickle.dumps(book))
    texts = ["Sign up for our newsletter", "The council voted on Monday.", "Related Articles"]
    assert copy.categories(texts, [5, 5, 2]) == book.categories(texts, [5, 5, 2])
    assert copy.end_markers(texts) == book.end_markers(texts)


def test_measures_count_characters_as_python_does() -> None:
    texts = ["Ünïcode wörds in a Straße, ½ of them!", "e\u0301 combining", "日本語の文章です。"]
    for text, features in zip(texts, measure_all(texts, core_stoplist("en")), strict=True):
        assert features.chars == len(text)
        assert features.words == len(__import__("re").findall(r"\w+", text))
    (japanese,) = measure_all(texts[-1:], core_stoplist(wide=True))
    assert japanese.chars == len(texts[-1]) + 8  # a page in Japanese: kana and kanji twice


def test_bad_patterns_are_all_reported_with_their_index() -> None:
    errors = _core.pattern_errors(["ok", "(unclosed", r"(?<=x)y", r"a\1"])
    assert [index for index, _ in errors] == [1, 2, 3]
    assert all(message for _, message in errors)


def test_a_rule_error_names_what_does_not_compile() -> None:
    with pytest.raises(_core.RuleError, match=r"category\[0\]\.patterns\[1\]"):
        _core.PhraseBook([(3, ["fine", "(broken"])], [])


def test_a_panic_while_cleaning_gives_a_problem_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cleaner import Problem, clean, pipeline

    def panics(*args: object, **kwargs: object) -> None:
        _core._panic_for_tests()

    monkeypatch.setattr(pipeline, "read_dump", panics)
    result = clean("Some text dump\n\nwith two lines of text in it.", kind="text")
    assert result.problem == Problem.INTERNAL
    assert result.text == ""
    monkeypatch.undo()
    assert clean("The council voted on Monday to rebuild the wall.").problem != Problem.INTERNAL


def test_the_shipped_rules_compile_in_the_core_and_bad_ones_are_named_by_line(
    tmp_path: pytest.TempPathFactory,
) -> None:
    from pathlib import Path

    from cleaner.rulecheck import check_directory

    folder = Path(str(tmp_path))
    (folder / "bad.toml").write_text(
        'name = "Bad"\nhosts = ["bad.example"]\n\n[[drop]]\n'
        "pattern = '^Sponsored(?= content)'\n\n[[drop]]\npattern = '(a)\\1'\n",
        encoding="utf-8",
    )
    problems = check_directory(folder)
    assert [p.split(": ")[0] for p in problems] == [f"{folder}/bad.toml:5", f"{folder}/bad.toml:8"]
    shipped = Path(__file__).resolve().parent.parent / "cleaner" / "sites"
    assert check_directory(shipped) == []


def test_the_stub_file_matches_the_built_core() -> None:
    """`cleaner/_core.pyi` names every function and class the core exports, with their
    arguments (mypy's stubtest, as pydantic-core checks its stub)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "cleaner._core"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
