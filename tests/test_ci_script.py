"""CI's script sets CI=true itself, so the tests that must not skip there (missing
../shared, a missing console script) fail instead, whatever the runner's environment."""

from __future__ import annotations

from pathlib import Path

CI_SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "run"


def test_ci_script_exports_ci_true_before_running_the_tests() -> None:
    lines = [line.strip() for line in CI_SCRIPT.read_text(encoding="utf-8").splitlines()]
    exports = [i for i, line in enumerate(lines) if line == "export CI=true"]
    runs = [i for i, line in enumerate(lines) if "python -m pytest" in line]
    assert exports, "CI=true is not exported"
    assert runs, "no test command"
    assert exports[0] < runs[0]
