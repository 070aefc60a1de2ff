"""The public entry point: `clean(document, url=None, ...)`."""

from __future__ import annotations

import logging
from typing import Any

from cleaner import _core
from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.deadline import DocumentTimeout, deadline
from cleaner.errors import CleanerError, Problem
from cleaner.pipeline import run
from cleaner.results import Metadata, Result

log = logging.getLogger(__name__)

MSG_DOCUMENT_TYPE = "clean() expected the page as str or bytes, not {type}"
MSG_URL_TYPE = "clean() expected url as a str or None, not {type}"


def clean(
    document: str | bytes,
    url: str | None = None,
    *,
    config: Config | None = None,
    **overrides: Any,
) -> Result:
    """Clean one page (HTML or a plain-text dump) down to its article body.

    `document` is the page as text or raw bytes (decoded here). `url` is where the
    page came from; it selects site rules and fills the metadata. Options come
    from `config` with keyword `overrides` on top (e.g. ``kind="text"``).
    Never raises on bad content: an empty, binary or article-less page, or one that
    takes longer than `Config.timeout`, gives an empty `Result.text` and a
    `Result.problem`. A failure inside the cleaner itself (a panic in the Rust core,
    which Python sees as a BaseException, or a bug) gives the problem
    "internal_error" and is logged, so one document never stops a batch.
    Bad arguments and a broken set-up do raise: a `document` that is not str or
    bytes, or a `url` that is not a str, a TypeError; a bad option, the TypeError or
    ValueError of `Config`; a rule file that does not parse, its `CleanerError`.
    """
    if not isinstance(document, str | bytes):
        raise TypeError(MSG_DOCUMENT_TYPE.format(type=type(document).__name__))
    if url is not None and not isinstance(url, str):
        raise TypeError(MSG_URL_TYPE.format(type=type(url).__name__))
    cfg = (config or DEFAULT_CONFIG).with_overrides(**overrides)
    try:
        with deadline(cfg.timeout):
            return run(document, url, cfg)
    except DocumentTimeout:
        return Result("", Metadata(url=url), kind="unknown", problem=Problem.TIMEOUT.value)
    except CleanerError:
        raise  # the caller's set-up is wrong (a broken rule file): say so, every time
    except (Exception, _core.PanicException):
        log.exception("cleaning %s failed", url or "a document")
        return Result("", Metadata(url=url), kind="unknown", problem=Problem.INTERNAL.value)
