"""Where the tests find ../shared (benchmarks, site rules), and the one policy for when
it is missing: skip in a user's clone, fail under CI=true."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() == "true"
BENCHMARKS = Path(os.environ.get("CLEANER_BENCHMARKS", REPO_ROOT.parent / "shared" / "benchmarks"))
"""Where the development sets are; `CLEANER_BENCHMARKS` overrides the usual place."""
FTR_COLLECTION = REPO_ROOT.parent / "shared" / "site-rules" / "ftr-site-config"


def require(condition: bool, reason: str, *, module: bool = False) -> None:
    """Skip (or, under CI=true, fail) unless `condition` holds."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: these tests may not skip)")
    pytest.skip(reason, allow_module_level=module)
