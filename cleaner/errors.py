"""Errors and input problems the cleaner reports, with their user-facing messages."""

from __future__ import annotations

from enum import StrEnum


class Problem(StrEnum):
    """Why a document gave no body, as a stable id (also the JSON `error` field)."""

    EMPTY = "empty_input"
    BINARY = "binary_input"
    UNDECODABLE = "undecodable_input"
    TOO_LARGE = "input_too_large"
    TIMEOUT = "timeout"
    NO_ARTICLE = "no_article_found"
    INTERNAL = "internal_error"


MESSAGES: dict[Problem, str] = {
    Problem.EMPTY: "the input is empty",
    Problem.BINARY: "the input is binary data, not a web page",
    Problem.UNDECODABLE: "the input's bytes are in no text encoding that could be recognised",
    Problem.TOO_LARGE: (
        "the input is larger than the size limit (20 MB unless set: --max-input MB in the "
        "command, Config.max_input in Python)"
    ),
    Problem.TIMEOUT: "cleaning took longer than the time limit (Config.timeout, --timeout)",
    Problem.NO_ARTICLE: "no article body was found",
    Problem.INTERNAL: "the cleaner failed on this input (a bug: please report it with the input)",
}

INPUT_PROBLEMS = frozenset(
    {
        Problem.EMPTY,
        Problem.BINARY,
        Problem.UNDECODABLE,
        Problem.TOO_LARGE,
        Problem.TIMEOUT,
        Problem.INTERNAL,
    }
)
"""Problems that make the document an error (exit code 3, an error record), as opposed
to a page with no article."""


class CleanerError(Exception):
    """Base class of the errors `cleaner` raises on purpose."""


class RuleFileError(CleanerError):
    """A site-rule file could not be read or parsed."""
