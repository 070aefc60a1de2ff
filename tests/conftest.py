from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def read_fixture(relative: str) -> str:
    return (FIXTURES / relative).read_text(encoding="utf-8")
