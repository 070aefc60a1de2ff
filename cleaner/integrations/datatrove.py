"""A datatrove pipeline step that cuts each `Document` down to its article body.

Metadata and removal counts go into `doc.metadata`; a document with no body is dropped
and counted per reason id, like datatrove's own filters. Needs the `cleaner[datatrove]` extra.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.writers.disk_base import DiskWriter
from datatrove.utils.typeshelper import StatHints

from cleaner.config import Config, InputKind
from cleaner.integrations import CleanedRow, check_body_format, clean_row

DEFAULT_METADATA_PREFIX = "clean_"
"""Prefix of the metadata keys this step adds: readers already fill keys such as `date`
(the crawl date, in datatrove's WARC reader), which the article's date must not replace."""

METADATA_FIELDS = ("title", "author", "date", "site", "language", "removed")
"""What is added to `doc.metadata` (each with the prefix); `removed` maps reason id to count."""

ERROR_FIELD = "error"
"""Metadata key (with the prefix) of a dropped document's reason, for `exclusion_writer`."""


class CleanArticle(PipelineStep):  # type: ignore[misc]  # datatrove ships no type hints
    """Replace each document's text by its article body (`cleaner.clean`).

    Args:
        config: the cleaner's options (one frozen object, pickled once per task).
        kind: "auto", "text" or "html"; overrides `config.kind` when given.
        source_key: read the page from `doc.metadata[source_key]` (e.g. raw HTML kept
            beside a text dump) instead of `doc.text`.
        url_key: metadata key of the page's URL (site rules, metadata); None for none.
        metadata_prefix: prefix of the keys added to `doc.metadata`.
        exclusion_writer: optionally, a writer that saves the dropped documents, their
            reason under `<prefix>error`.
        body_format: "text" (default) puts the plain body in `doc.text`, "markdown"
            the body as markdown (`Result.markdown`).

    Stats: `dropped_<reason>` per dropped document (`no_article_found`, `empty_input`,
    `binary_input`, `undecodable_input`, `exception`) and `removed_<reason>` per dropped
    block of a kept one (`cleaner.Reason` ids).
    """

    name = "🧹 cleaner"
    type = "🛢 - EXTRAC"

    def __init__(
        self,
        config: Config | None = None,
        kind: InputKind | None = None,
        source_key: str | None = None,
        url_key: str | None = "url",
        metadata_prefix: str = DEFAULT_METADATA_PREFIX,
        exclusion_writer: DiskWriter | None = None,
        body_format: str = "text",
    ) -> None:
        super().__init__()
        self.body_format = check_body_format(body_format)
        self.config = (config or Config()).with_overrides(kind=kind)
        self.source_key = source_key
        self.url_key = url_key
        self.metadata_prefix = metadata_prefix
        self.exclusion_writer = exclusion_writer

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> Iterator[Document]:
        """Yield the documents that have an article body, cleaned; count and drop the rest."""
        writer_context = self.exclusion_writer or contextlib.nullcontext()
        with writer_context as writer:
            for doc in data or ():
                self.stat_update(StatHints.total)
                with self.track_time():
                    row = self._clean(doc)
                reason = row.reason
                if reason is None:
                    self._annotate(doc, row)
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                    continue
                self.stat_update(StatHints.dropped, f"dropped_{reason}")
                if writer is not None:
                    doc.metadata[self.metadata_prefix + ERROR_FIELD] = row.error or reason
                    writer.write(doc, rank)

    def _clean(self, doc: Document) -> CleanedRow:
        page = doc.metadata.get(self.source_key) if self.source_key else doc.text
        url = doc.metadata.get(self.url_key) if self.url_key else None
        return clean_row(page, url, self.config, self.body_format)

    def _annotate(self, doc: Document, row: CleanedRow) -> None:
        doc.text = row.text
        values: dict[str, Any] = asdict(row)
        for name in METADATA_FIELDS:
            doc.metadata[self.metadata_prefix + name] = values[name]
        for reason, count in row.removed.items():
            self.stat_update(f"removed_{reason}", value=count)


__all__ = ["DEFAULT_METADATA_PREFIX", "METADATA_FIELDS", "CleanArticle"]
