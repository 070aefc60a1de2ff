"""A document that takes too long becomes a `timeout` problem or error record, never a hang."""

from __future__ import annotations

import json
import signal
import threading
import time
from contextlib import suppress
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import api, batch, clean
from cleaner.cli import main
from cleaner.config import Config
from cleaner.deadline import DocumentTimeout, deadline
from tests.test_batch import jsonl_item
from tests.test_cli import SEED

SLOW = "this page never finishes"
"""A document text the patched pipeline below loops on."""

LIMIT = 0.3
"""Seconds: short, so a test that waits for it stays quick."""


@pytest.fixture
def slow_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline spins in Python on the SLOW page (as a pathological tree walk would)."""
    real_run = api.run

    def run(document: str | bytes, *args: object) -> object:
        if document in (SLOW, SLOW.encode()):
            while True:
                sum(range(1000))
        return real_run(document, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "run", run)  # forked workers inherit the patch


@pytest.fixture
def stuck_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline blocks the alarm on the SLOW page, as one long C call would."""
    real_run = api.run

    def run(document: str | bytes, *args: object) -> object:
        if document in (SLOW, SLOW.encode()):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(600)
        return real_run(document, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "run", run)
    monkeypatch.setattr(batch, "HANG_GRACE", LIMIT)


def test_deadline_is_not_swallowed_by_broad_exception_handlers() -> None:
    started = time.monotonic()
    with pytest.raises(DocumentTimeout), deadline(LIMIT), suppress(Exception):
        time.sleep(30)  # `suppress(Exception)`: as trafilatura guards its own steps
    assert time.monotonic() - started < 10


def test_deadline_restores_the_previous_alarm_handler() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with deadline(LIMIT):
        pass
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.usefixtures("slow_pages")
def test_clean_gives_a_timeout_problem() -> None:
    result = clean(SLOW, config=Config(timeout=LIMIT))
    assert (result.text, result.problem) == ("", "timeout")
    assert clean(SEED.read_text(), config=Config(timeout=30)).problem is None


def test_no_limit_off_the_main_thread_rather_than_a_crash() -> None:
    results = []
    thread = threading.Thread(
        target=lambda: results.append(clean(SEED.read_text(), config=Config(timeout=LIMIT)))
    )
    thread.start()
    thread.join()
    assert results and results[0].text


@pytest.mark.usefixtures("slow_pages")
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_slow_document_becomes_an_error_record(jobs: int) -> None:
    items = [jsonl_item({"id": n, "text": SLOW if n == 3 else "x"}, n) for n in range(6)]
    settings = batch.Settings(Config(timeout=LIMIT), jsonl=True)
    outcomes = list(batch.clean_items(items, settings, jobs))
    records = [json.loads(o.output) for o in outcomes]
    assert [r["id"] for r in records] == list(range(6))
    assert [r["id"] for r in records if r.get("error", {}).get("reason") == "timeout"] == [3]


@pytest.mark.usefixtures("stuck_pages")
def test_a_worker_stuck_where_the_alarm_cannot_reach_is_replaced() -> None:
    items = [jsonl_item({"id": n, "text": SLOW if n == 1 else "x"}, n) for n in range(4)]
    settings = batch.Settings(Config(timeout=LIMIT), jsonl=True)
    outcomes = list(batch.clean_items(items, settings, jobs=2))
    assert [o.index for o in outcomes] == [0, 1, 2, 3]
    assert [o.failure for o in outcomes] == [None, "timeout", None, None]
    assert "stopped answering" in json.loads(outcomes[1].output)["error"]["message"]


@pytest.mark.usefixtures("slow_pages")
def test_cli_names_the_slow_page_and_exits_with_the_input_error_code(tmp_path: Path) -> None:
    page = tmp_path / "slow.txt"
    page.write_text(SLOW)
    result = CliRunner().invoke(main, [str(page), "--timeout", str(LIMIT)])
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines() == [
        f"clean: error: {page}: cleaning took longer than the time limit "
        "(Config.timeout, --timeout)"
    ]


@pytest.mark.usefixtures("slow_pages")
def test_cli_batch_goes_on_past_a_slow_page(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [{"id": "a", "text": SEED.read_text()}, {"id": "b", "text": SLOW}]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = CliRunner().invoke(
        main, ["--jsonl", str(source), "--jobs", "1", "--timeout", str(LIMIT), "-q"]
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 4
    assert records[0]["text"] and records[1]["error"]["reason"] == "timeout"
