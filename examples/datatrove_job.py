"""Example datatrove job: JSON Lines pages in, article bodies out (JSON Lines, gzipped).

Each input record has the page (HTML or a text dump) in one field and optionally its
URL in `url`. Documents with no article are dropped and counted in datatrove's stats
(`dropped_<reason>`), removed blocks as `removed_<reason>`. Run with `python
examples/datatrove_job.py in/ out/`.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner.integrations.datatrove import CleanArticle

LOCAL_TASKS = 2
"""Default tasks (and workers): the development machine's core count."""


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="a folder of .jsonl or .jsonl.gz files")
    parser.add_argument("output", help="folder to write the cleaned records to")
    parser.add_argument("--text-key", default="text", help="field holding the page")
    parser.add_argument("--kind", choices=("auto", "text", "html"), default="auto")
    parser.add_argument("--tasks", type=int, default=LOCAL_TASKS, help="tasks and workers")
    parser.add_argument("--logs", default="logs/", help="datatrove's logging folder")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    pipeline = [
        JsonlReader(args.input, text_key=args.text_key),
        CleanArticle(kind=None if args.kind == "auto" else args.kind),
        JsonlWriter(args.output),
    ]
    executor = LocalPipelineExecutor(
        pipeline, tasks=args.tasks, workers=args.tasks, logging_dir=args.logs
    )
    executor.run()


if __name__ == "__main__":
    main()
