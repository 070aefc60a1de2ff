"""The build backend: without cargo, `pip install` stops with one line saying what to
install, instead of maturin downloading a Rust toolchain of its own."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

BACKEND = Path(__file__).resolve().parent.parent / "build_backend" / "cleaner_backend.py"
HOOKS = (
    "get_requires_for_build_wheel",
    "get_requires_for_build_editable",
    "get_requires_for_build_sdist",
)


def _backend() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cleaner_backend", BACKEND)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("hook", HOOKS)
def test_without_cargo_every_build_stops_with_one_line(
    hook: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    backend = _backend()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(SystemExit) as stopped:
        getattr(backend, hook)()
    assert stopped.value.code == 1
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and "cargo" in message and "rustup" in message


def test_the_pyproject_names_this_backend() -> None:
    pyproject = (BACKEND.parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert 'build-backend = "cleaner_backend"' in pyproject
    assert 'backend-path = ["build_backend"]' in pyproject
