"""Batch pieces one by one: reading items (sources), cleaning them (batch), writing (sinks)."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path, PurePath

import pytest

from cleaner import batch, sinks, sources
from cleaner.config import Config
from cleaner.outcome import Outcome, Status, Summary
from cleaner.segment import fold
from cleaner.sources import Failure, Fields, Item, Origin, SourceError
from tests.test_cli import MASTHEAD, SEED, make_tree, site_page


def jsonl_item(record: object, index: int = 0) -> Item:
    line = record if isinstance(record, bytes) else json.dumps(record).encode()
    return Item(index, f"in.jsonl:{index + 1}", Origin.JSONL, line, id=index + 1)


SETTINGS = batch.Settings(Config(), jsonl=True)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a/b.html.gz", "a/b.txt"),
        ("page", "page.txt"),
        ("x.txt", "x.txt"),
        ("v1.2.htm", "v1.2.txt"),
    ],
)
def test_output_name(name: str, expected: str) -> None:
    assert sources.output_name(PurePath(name), ".txt") == PurePath(expected)


def test_file_items_mirror_one_folder_and_name_several_inputs(tmp_path: Path) -> None:
    pages = make_tree(tmp_path)
    mirrored = [i.target for i in sources.file_items([str(pages)], ".txt")]
    assert mirrored == [
        "a.txt",
        "b.txt",
        "bad.txt",
        "site/1.txt",
        "site/2.txt",
        "site/3.txt",
        "site/4.txt",
    ]
    several = [i.target for i in sources.file_items([str(pages / "site"), str(SEED)], ".json")]
    assert several[0] == "site/1.json" and several[-1] == "seed_kyiv_independent.json"


def test_file_items_refuse_a_second_file_with_the_same_output_name(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("x")
    (tmp_path / "a.htm").write_text("y")
    items = list(sources.file_items([str(tmp_path)], ".txt"))
    assert [i.failure for i in items] == [None, Failure.NAME_CLASH]


def test_hidden_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / ".clean-tmp").write_text("x")
    (tmp_path / "p.txt").write_text("y")
    assert [Path(i.name).name for i in sources.file_items([str(tmp_path)], ".txt")] == ["p.txt"]


def test_parse_record_prefers_html_and_keeps_ids() -> None:
    doc = sources.parse_record(
        b'{"html": "<p>x</p>", "text": "x", "id": 5, "url": "u"}', Fields(), 1
    )
    assert (doc.kind, doc.id, doc.url) == ("html", 5, "u")
    assert sources.parse_record(b'{"text": "x"}', Fields(), 3).id == 3


@pytest.mark.parametrize(
    ("line", "failure"),
    [
        (b"{oops", Failure.BAD_JSON),
        (b"\xff\xfe", Failure.BAD_JSON),
        (b'"just a string"', Failure.BAD_RECORD),
        (b'{"text": ["a"]}', Failure.BAD_RECORD),
        (b'{"url": "u"}', Failure.NO_DOCUMENT),
    ],
)
def test_parse_record_failures(line: bytes, failure: Failure) -> None:
    with pytest.raises(SourceError) as caught:
        sources.parse_record(line, Fields(), 1)
    assert caught.value.failure is failure


def test_clean_item_gives_a_record_or_an_error_record() -> None:
    good = batch.clean_item(jsonl_item({"id": "x", "text": SEED.read_text()}), SETTINGS)
    bad = batch.clean_item(jsonl_item(b"{oops"), SETTINGS)
    empty = batch.clean_item(jsonl_item({"id": "e", "text": ""}), SETTINGS)
    assert good.status is Status.DONE and json.loads(good.output)["id"] == "x"
    assert json.loads(bad.output)["error"]["reason"] == "bad_json"
    assert (empty.status, empty.failure) == (Status.FAILED, "empty_input")
    assert json.loads(empty.output)["id"] == "e"


def test_clean_item_turns_a_crash_into_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "clean", broken)
    outcome = batch.clean_item(jsonl_item({"id": "x", "text": "hello"}), SETTINGS)
    assert outcome.failure == "internal_error"
    assert "RuntimeError: boom" in json.loads(outcome.output)["error"]["message"]


def test_ordered_map_keeps_input_order_in_a_pool() -> None:
    items = [jsonl_item({"id": n, "text": "x" * (n % 7)}, n) for n in range(50)]
    ids = [json.loads(o.output)["id"] for o in batch.clean_items(items, SETTINGS, jobs=2)]
    assert ids == list(range(50))


def test_learned_furniture_reaches_the_worker() -> None:
    item = jsonl_item({"id": 1, "url": "https://www.news.example/a", "text": site_page(1)})
    learned = {"news.example": frozenset({fold(MASTHEAD)})}
    settings = batch.Settings(Config(), jsonl=True, furniture=learned)
    counts = json.loads(batch.clean_item(item, settings).output)["removed_counts"]
    assert counts["repeated_site_furniture"] == 1


def test_summary_counts_statuses_bytes_and_reasons() -> None:
    summary = Summary()
    summary.add(Outcome(0, "a", Status.DONE, "", bytes_in=10, bytes_out=4,
                              removed=(("navigation_menu", 2),)))  # fmt: skip
    summary.add(Outcome(1, "b", Status.FAILED, "", failure="bad_json"))
    assert (summary.total, summary.done, summary.failed) == (2, 1, 1)
    assert (summary.bytes_in, summary.bytes_out, summary.removed["navigation_menu"]) == (10, 4, 2)


def test_jsonl_sink_file_appears_only_when_closed(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    sink = sinks.JsonlSink(path=target)
    sink.write(Outcome(0, "a", Status.DONE, '{"id": 1}\n'))
    assert not target.exists()
    sink.close()
    assert target.read_text() == '{"id": 1}\n'
    aborted = sinks.JsonlSink(path=tmp_path / "never.jsonl")
    aborted.abort()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_folder_sink_reports_a_write_failure(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file where a folder should be")
    outcome = Outcome(0, "p", Status.DONE, "body\n", target="taken/p.txt")
    written = sinks.FolderSink(tmp_path).write(outcome)
    assert (written.status, written.failure) == (Status.FAILED, "unwritable_output")


def test_a_dying_worker_loses_only_its_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    real_clean = batch.clean

    def deadly(document: str, *args: object, **kwargs: object) -> object:
        if document == "die":
            os._exit(1)  # as a worker killed for memory would vanish
        return real_clean(document, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "clean", deadly)  # forked workers inherit the patch
    items = [jsonl_item({"id": n, "text": "die" if n == 20 else "x"}, n) for n in range(48)]
    outcomes = list(batch.clean_items(items, SETTINGS, jobs=2))
    assert [json.loads(o.output)["id"] for o in outcomes] == list(range(48))
    assert [o.index for o in outcomes if o.failure == "internal_error"] == [20]
    assert "worker process died" in json.loads(outcomes[20].output)["error"]["message"]


def test_special_files_are_recognised() -> None:
    assert sinks.is_special(Path(os.devnull))
    assert not sinks.is_special(Path(__file__))
    assert not sinks.is_special(Path("/no/such/file"))


def test_a_fifo_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    """Renaming over a special file would replace it (think /dev/null) with a regular one."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    sink = sinks.JsonlSink(path=fifo)
    sink.write(Outcome(0, "a", Status.DONE, '{"id": 1}\n'))
    sink.close()
    reader.join(timeout=10)
    assert received == [b'{"id": 1}\n']
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_symlink_keeps_pointing_at_the_rewritten_file(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("old")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    sinks.write_atomically(tmp_path / "link.txt", "new")
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text() == "new"
