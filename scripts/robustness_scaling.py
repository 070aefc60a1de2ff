"""How the cleaner's cost grows on adversarial pages (issue 6): each page of
`tests/test_robustness.PAGE_MAKERS` is cleaned at doubling sizes; the table gives CPU
seconds, the time ratio of the last doubling (2 is linear, 4 quadratic) and the
projection to 10 MB. A measurement, never a test assertion.

    python scripts/robustness_scaling.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_robustness import Scaling, measure_scaling  # noqa: E402


def main() -> int:
    print("| page | largest size | CPU s | x for x2 input | 10 MB projected (s) | flag |")
    print("|---|---:|---:|---:|---:|---|")
    for row in measure_scaling():
        sizes, times = list(row["sizes"]), list(row["times"])  # type: ignore[call-overload]
        scaling = Scaling(sizes, times)
        flag = "; ".join(scaling.problems()) or "linear"
        print(
            f"| {row['name']} | {sizes[-1] // 1000} kB | {times[-1]:.2f} | "
            f"{scaling.ratio:.1f} | {scaling.ten_mb_seconds:.0f} | {flag} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
