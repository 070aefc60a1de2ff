"""The datatrove step inside a real pipeline: JSONL in, cleaned JSONL out, drops counted.

Needs datatrove (the `cleaner[datatrove]` extra) and the development benchmarks; without
them the tests skip locally and fail under CI=true.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from cleaner import Config, clean
from tests.shared_material import BENCHMARKS, require

SCRAPINGHUB = BENCHMARKS / "scrapinghub"

SAMPLE_PAGES = 10
"""Benchmark pages through the pipeline (~0.2 s each): several sites, a few seconds."""
TASKS = 2
"""Two datatrove tasks, so the input is sharded and the stats are merged."""

TEXT_DUMP = (
    "Home | World | Sport\n\n"
    "The council voted on Monday to rebuild the sea wall that has protected the harbour "
    "since the nineteenth century, ending a debate that had divided residents for years.\n\n"
    "Engineers told the meeting that two winter storms had opened cracks along a third of "
    "the wall, and that without repairs the quay would be at risk of flooding.\n"
)
NO_ARTICLE = "Home\nNews\nSport\nContact us\n"


def _require(condition: bool, reason: str) -> None:
    require(condition, reason, module=True)


try:
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanArticle
except ImportError as exc:  # the optional extra is not installed
    _require(False, f"datatrove is not installed ({exc}); pip install 'cleaner[datatrove]'")


def _sample() -> list[dict[str, Any]]:
    _require(SCRAPINGHUB.is_dir(), f"development benchmarks not found at {SCRAPINGHUB}")
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((SCRAPINGHUB / "html").glob("*.html.gz"))
    step = max(1, len(pages) // SAMPLE_PAGES)
    rows = []
    for path in pages[1::step][:SAMPLE_PAGES]:
        page_id = path.name.removesuffix(".html.gz")
        html = gzip.decompress(path.read_bytes()).decode("utf-8")
        rows.append({"id": page_id, "text": html, "url": truth[page_id]["url"]})
    return rows


def _read_jsonl(folder: Path) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            docs.extend(json.loads(line) for line in lines)
    return docs


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The sample and two article-less documents through reader -> cleaner -> writer."""
    root = tmp_path_factory.mktemp("datatrove")
    rows = [
        *_sample(),
        {"id": "dump", "text": TEXT_DUMP, "url": "https://news.example/sea-wall"},
        {"id": "menu", "text": NO_ARTICLE, "url": "https://news.example/"},
        {"id": "binary", "text": "\x00\x01\x02\x03" * 64, "url": None},
    ]
    (root / "in").mkdir()
    for task in range(TASKS):  # one file per task, so both ranks have work
        shard = rows[task::TASKS]
        text = "".join(json.dumps(r) + "\n" for r in shard)
        (root / "in" / f"part{task}.jsonl").write_text(text, encoding="utf-8")
    pipeline = [
        JsonlReader(str(root / "in")),
        CleanArticle(),
        JsonlWriter(str(root / "out")),
    ]
    executor = LocalPipelineExecutor(
        pipeline, tasks=TASKS, workers=1, logging_dir=str(root / "logs")
    )
    executor.run()
    stats = json.loads((root / "logs" / "stats.json").read_text(encoding="utf-8"))
    step_stats = next(s["stats"] for s in stats if s["name"].endswith(CleanArticle.name))
    return {"rows": rows, "out": _read_jsonl(root / "out"), "stats": step_stats}


def _total(stats: dict[str, Any], name: str) -> int:
    """A counter from datatrove's stats.json: a bare number, or a summary with a total."""
    value = stats.get(name, 0)
    return int(value["total"] if isinstance(value, dict) else value)


def test_output_texts_equal_clean_called_directly(run: dict[str, Any]) -> None:
    out = {doc["id"]: doc for doc in run["out"]}
    for row in run["rows"]:
        expected = clean(row["text"], row["url"])
        if not expected.text:
            assert row["id"] not in out
            continue
        doc = out[row["id"]]
        assert doc["text"] == expected.text, row["id"]
        meta = doc["metadata"]
        assert meta["url"] == row["url"]  # the reader's metadata is kept
        assert meta["clean_title"] == expected.title
        assert meta["clean_author"] == expected.author
        assert meta["clean_date"] == expected.date
        assert meta["clean_site"] == expected.site
        assert meta["clean_language"] == expected.metadata.language
        assert meta["clean_removed"] == dict(Counter(r.reason for r in expected.removed))


def test_benchmark_pages_and_the_dump_are_kept(run: dict[str, Any]) -> None:
    kept = {doc["id"] for doc in run["out"]}
    assert "dump" in kept
    assert len(kept) >= SAMPLE_PAGES - 1  # a real page with no body would be a regression


def test_drops_are_counted_per_reason(run: dict[str, Any]) -> None:
    stats = run["stats"]
    kept = len(run["out"])
    assert _total(stats, "total") == len(run["rows"])
    assert _total(stats, "forwarded") == kept
    assert _total(stats, "dropped") == len(run["rows"]) - kept
    assert _total(stats, "dropped_no_article_found") >= 1  # the menu
    assert _total(stats, "dropped_binary_input") == 1


def test_removed_blocks_are_counted_per_reason(run: dict[str, Any]) -> None:
    removed = Counter[str]()
    for doc in run["out"]:
        removed.update(doc["metadata"]["clean_removed"])
    stats = run["stats"]
    assert removed  # the sample has boilerplate to remove
    assert {r: _total(stats, f"removed_{r}") for r in removed} == dict(removed)


def test_html_can_come_from_a_metadata_field() -> None:
    html = (
        "<html><head><title>Sea wall</title></head><body><nav>Home | World</nav>"
        "<article><h1>Sea wall</h1>"
        + "".join(f"<p>{p}</p>" for p in TEXT_DUMP.split("\n\n")[1:])
        + "</article></body></html>"
    )
    doc = Document(
        text="placeholder", id="a", metadata={"html": html, "link": "https://x.example/a"}
    )
    step = CleanArticle(source_key="html", url_key="link")
    (out,) = list(step.run(iter([doc])))
    expected = clean(html, "https://x.example/a")
    assert expected.text
    assert out.text == expected.text
    assert out.metadata["clean_site"] == expected.site


def test_an_exception_drops_the_document_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text("this is [not toml\n", encoding="utf-8")
    saved = tmp_path / "excluded"
    step = CleanArticle(
        config=Config(rule_dirs=(tmp_path,)),
        exclusion_writer=JsonlWriter(str(saved)),
    )
    doc = Document(text=TEXT_DUMP, id="a", metadata={"url": "https://news.example/a"})
    assert list(step.run(iter([doc]))) == []
    assert step.stats["dropped_exception"].total == 1
    (excluded,) = _read_jsonl(saved)
    assert excluded["metadata"]["clean_error"].startswith("exception: RuleFileError: ")
    assert excluded["text"] == TEXT_DUMP  # the document is saved as it came in


def test_importing_cleaner_imports_no_heavy_dependency() -> None:
    code = (
        "import sys, cleaner, cleaner.integrations\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'pyspark', 'datatrove'})\n"
        "print(','.join(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_body_can_be_markdown() -> None:
    from cleaner.integrations import clean_row

    guide = Path(__file__).resolve().parent.parent / "fixtures/html/structure_guide.html"
    html = guide.read_text(encoding="utf-8")
    doc = Document(text=html, id="g", metadata={})
    (out,) = list(CleanArticle(body_format="markdown").run(iter([doc])))
    expected = clean(html)
    assert out.text == expected.markdown
    assert "## What you need" in out.text
    assert clean_row(html, None, Config(), "markdown").text == expected.markdown
    assert clean_row(html, None, Config()).text == expected.text
    with pytest.raises(ValueError, match="body_format must be one of text, markdown"):
        CleanArticle(body_format="html")
