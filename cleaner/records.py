"""What the command line writes for a cleaned document: the body, the JSON result, the
`--explain` table, and the JSON Lines record (or error record) of a batch document."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from cleaner.results import Result

EXPLAIN_TEXT_WIDTH = 90
"""Characters of a block shown in the `--explain` table; longer ones are cut."""

METADATA_FIELDS = ("title", "author", "date", "site", "language")

FORMATS = ("text", "markdown", "json")
"""What the command line writes for a document (`--format`)."""
BODY_FORMATS = ("text", "markdown")
"""The forms a body takes in a JSON Lines record (and in the integrations' columns)."""
EXTENSIONS = {"text": ".txt", "markdown": ".md", "json": ".json"}
"""The file extension of each format in a batch's output folder."""
COMMENTS_RULE = "--- comments ---"
"""The line between the body and the reader comments in text output (`--comments`)."""


def render(result: Result, fmt: str, explain: bool) -> str:
    """The output of one document: body text or markdown, JSON result, or explain table."""
    if fmt == "json":
        payload: dict[str, Any] = result.to_dict(explain=explain)
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if explain:
        return explain_table(result)
    body = body_of(result, fmt)
    out = body + "\n" if body else ""
    if result.comments:
        out += f"\n{COMMENTS_RULE}\n\n{result.comments}\n"
    return out


def body_of(result: Result, body_format: str) -> str:
    """The body in the given form ("text" or "markdown")."""
    return result.markdown if body_format == "markdown" else result.text


def explain_table(result: Result) -> str:
    """One line per input block: number, KEEP/drop, reason (or a kept block's label),
    rule (or what kept a block its label alone would not keep), start of the text."""
    lines = [f"# kind={result.kind} title={result.title!r} author={result.author!r}"]
    for b in result.blocks:
        verdict = "KEEP" if b.kept else "drop"
        text = b.text
        if len(text) > EXPLAIN_TEXT_WIDTH:
            text = text[: EXPLAIN_TEXT_WIDTH - 3] + "..."
        rule = b.rule or (f"kept_by={b.kept_by}" if b.kept_by else "")
        lines.append(f"{b.block:4d} {verdict} {b.reason or b.label:<22} {rule:<24} {text}")
    return "\n".join(lines) + "\n"


def removed_counts(result: Result) -> dict[str, int]:
    """Reason id -> how many blocks were dropped for it."""
    return dict(Counter(r.reason for r in result.removed))


def document_record(
    doc_id: str | int | None,
    url: str | None,
    result: Result,
    extra: dict[str, Any],
    body_format: str = "text",
) -> dict[str, Any]:
    """The JSON Lines record of a cleaned document (`problem` says when it had no
    article); its `text` is the body as plain text or as markdown (`body_format`)."""
    body = body_of(result, body_format)
    record: dict[str, Any] = {"id": doc_id, "url": url or result.url, **extra, "text": body}
    record.update({name: getattr(result.metadata, name) for name in METADATA_FIELDS})
    if result.comments:
        record["comments"] = result.comments
    record["removed_counts"] = removed_counts(result)
    record["problem"] = result.problem
    return record


def error_record(
    doc_id: str | int | None, url: str | None, reason: str, message: str, extra: dict[str, Any]
) -> dict[str, Any]:
    """The JSON Lines record of a document that failed: an `error` instead of a body."""
    return {"id": doc_id, "url": url, **extra, "error": {"reason": reason, "message": message}}


def json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"
