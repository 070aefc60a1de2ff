"""The accuracy gate's floors only rise: merging a renewal, and lowering one on request."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import floors  # a script helper, importable once scripts/ is on the path
from floors import Change

OLD = {"wcxb": {"html": 0.93, "text:inscriptis": 0.92}, "scrapinghub": {"html": 0.96}}
DAY = date(2026, 12, 3)


def _changes(changes: list[floors.FloorChange]) -> dict[floors.Key, Change]:
    return {c.key: c.change for c in changes}


def test_a_higher_figure_raises_the_floor() -> None:
    merged, changes = floors.merge_floors(OLD, {("wcxb", "html"): 0.95})
    assert merged["wcxb"]["html"] == 0.95
    assert _changes(changes) == {("wcxb", "html"): Change.RAISED}


def test_a_lower_figure_never_lowers_the_floor_unasked() -> None:
    merged, changes = floors.merge_floors(
        OLD, {("wcxb", "html"): 0.90, ("wcxb", "text:inscriptis"): 0.91}
    )
    assert merged == OLD
    assert set(_changes(changes).values()) == {Change.HELD}


def test_only_the_named_floor_is_lowered() -> None:
    candidates = {("wcxb", "html"): 0.90, ("wcxb", "text:inscriptis"): 0.91}
    merged, changes = floors.merge_floors(OLD, candidates, lower=[("wcxb", "html")])
    assert merged["wcxb"] == {"html": 0.90, "text:inscriptis": 0.92}
    assert _changes(changes) == {
        ("wcxb", "html"): Change.LOWERED,
        ("wcxb", "text:inscriptis"): Change.HELD,
    }


def test_naming_a_floor_to_lower_does_not_stop_it_rising() -> None:
    merged, _ = floors.merge_floors(OLD, {("wcxb", "html"): 0.94}, lower=[("wcxb", "html")])
    assert merged["wcxb"]["html"] == 0.94


def test_new_floors_are_added_and_unmeasured_ones_kept() -> None:
    merged, changes = floors.merge_floors(OLD, {("wcxb", "text:html2text"): 0.9})
    assert merged["wcxb"]["text:html2text"] == 0.9
    assert merged["scrapinghub"] == OLD["scrapinghub"]
    assert _changes(changes) == {("wcxb", "text:html2text"): Change.ADDED}


def test_lowering_an_unmeasured_floor_is_an_error() -> None:
    with pytest.raises(ValueError, match="scrapinghub/text:inscriptis"):
        floors.merge_floors(
            OLD, {("wcxb", "html"): 0.9}, lower=[("scrapinghub", "text:inscriptis")]
        )


def test_the_floor_is_the_figure_minus_the_margin() -> None:
    assert floors.floor_of(0.9407) == pytest.approx(0.9407 - floors.BASELINE_MARGIN)


def test_renew_writes_one_section_and_logs_a_lowering_in_the_changelog(tmp_path: Path) -> None:
    baseline, changelog = tmp_path / "baseline.json", tmp_path / "CHANGELOG.md"
    other = {"wcxb": {"text:html-text": 0.9}}
    baseline.write_text(json.dumps({"measured": OLD, "cross_validated": other}))
    figures = {("wcxb", "html"): 0.9, ("wcxb", "text:inscriptis"): 0.9}
    floors.renew(baseline, "measured", figures, [("wcxb", "html")], "a reason", changelog,
                 log=lambda _: None, today=DAY)  # fmt: skip
    written = json.loads(baseline.read_text())
    assert written["measured"]["wcxb"] == {"html": 0.895, "text:inscriptis": 0.92}
    assert written["cross_validated"] == other
    text = changelog.read_text()
    assert text.startswith("# Changelog\n")
    assert "## 2026-12-03: accuracy floors lowered" in text
    assert "- wcxb html: 0.9300 -> 0.8950" in text
    assert "Reason: a reason" in text
    assert "text:inscriptis" not in text  # held, not lowered


def test_renew_appends_to_an_existing_changelog_and_skips_it_when_nothing_falls(
    tmp_path: Path,
) -> None:
    baseline, changelog = tmp_path / "baseline.json", tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## Earlier\n\n- something\n")
    floors.renew(baseline, "measured", {("wcxb", "html"): 0.95}, changelog=changelog,
                 log=lambda _: None)  # fmt: skip
    assert changelog.read_text() == "# Changelog\n\n## Earlier\n\n- something\n"
    baseline.write_text(json.dumps({"measured": OLD}))
    floors.renew(baseline, "measured", {("wcxb", "html"): 0.8}, [("wcxb", "html")], "why",
                 changelog, log=lambda _: None, today=DAY)  # fmt: skip
    text = changelog.read_text()
    assert text.startswith("# Changelog\n\n## Earlier\n\n- something\n\n## 2026-12-03")


def test_lowering_needs_a_reason(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="--reason"):
        floors.renew(tmp_path / "b.json", "measured", {("wcxb", "html"): 0.8},
                     [("wcxb", "html")], "  ", log=lambda _: None)  # fmt: skip
    assert not (tmp_path / "b.json").exists()


@pytest.mark.parametrize("value", ["wcxb", "/html", "wcxb/"])
def test_a_malformed_floor_name_is_an_error(value: str) -> None:
    with pytest.raises(ValueError, match="SET/MODE"):
        floors.parse_key(value)
