from collections.abc import Sequence

from typing_extensions import Buffer

def raw_scores(
    nodes: Buffer,
    roots: Buffer,
    baseline: float,
    width: int,
    rows: Sequence[Sequence[float]],
    /,
) -> list[float]: ...
