"""Save the cleaner's outputs on every development document, or compare them with a
saved run: the check that moving a step (into the Rust core, say) changed no answer.

Every page of both development sets is cleaned from its HTML and from each of its
three dumps (html-text, inscriptis, html2text), and both seeds as text. For each
document the whole JSON result is kept (`Result.to_dict(explain=True)`: body,
metadata, every removal and every block's decision), so a difference anywhere shows.

    python scripts/compare_outputs.py save [BENCHMARKS] --label before
    python scripts/compare_outputs.py check [BENCHMARKS] --against before [--label after]

Runs are stored under `$XDG_CACHE_HOME/cleaner/outputs/` (default `~/.cache`); the
dumps are made once and cached beside them (making them is most of a run's time).
`check` prints each differing document with the fields that differ and the F1 of both
runs on it, then a table per set and mode: documents changed and F1 before and after.
Fields the result gained since the saved run (a new key of the JSON or of its blocks)
are left out of the comparison.
Exit code 0 when nothing differs, 1 otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl

SEEDS = ("seed_kyiv_independent.txt", "seed_newsweek_via_aggregator.txt")
SEED_SET = "seeds"


def cache_dir() -> Path:
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "cleaner"


@dataclass(frozen=True, slots=True)
class Document:
    set_name: str
    page_id: str
    mode: str
    url: str
    gold: str | None


def _dump_path(page: bl.Page, kind: str) -> Path:
    return cache_dir() / "dumps" / page.set_name / f"{page.page_id}.{kind}.txt.gz"


def document_text(page: bl.Page | None, doc: Document) -> str:
    """The document as the cleaner gets it (a dump is made once, then read back)."""
    if page is None:
        return (bl.REPO_ROOT / "fixtures" / "text" / doc.page_id).read_text(encoding="utf-8")
    kind = bl.dump_kind_of(doc.mode)
    if kind is None:
        return page.html()
    path = _dump_path(page, kind)
    if path.exists():
        return gzip.decompress(path.read_bytes()).decode("utf-8")
    text, _ = bl.page_document(page.html(), doc.mode)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    return text


def _clean_page(job: tuple[bl.Page | None, list[Document]]) -> list[dict[str, Any]]:
    from cleaner import clean

    page, docs = job
    out = []
    for doc in docs:
        text = document_text(page, doc)
        kind = "html" if doc.mode == bl.HTML_MODE else "text"
        result = clean(text, doc.url or None, kind=kind).to_dict(explain=True)
        f1 = bl.overlap(doc.gold, result["text"]).f1 if doc.gold is not None else None
        out.append({"key": key_of(doc), "f1": f1, "result": result})
    return out


def key_of(doc: Document) -> str:
    return f"{doc.set_name}/{doc.mode}/{doc.page_id}"


def jobs(benchmarks: Path, modes: Sequence[str]) -> Iterator[tuple[bl.Page | None, list[Document]]]:
    for seed in SEEDS:
        yield None, [Document(SEED_SET, seed, "text:seed", "", None)]
    for set_name in bl.LOADERS:
        for page in bl.load_set(set_name, benchmarks):
            docs = [Document(set_name, page.page_id, m, page.url, page.gold) for m in modes]
            yield page, docs


def run(benchmarks: Path, modes: Sequence[str], workers: int) -> dict[str, dict[str, Any]]:
    work = list(jobs(benchmarks, modes))
    records: dict[str, dict[str, Any]] = {}
    if workers <= 1:
        results = map(_clean_page, work)
    else:
        pool = ProcessPoolExecutor(max_workers=workers)
        results = pool.map(_clean_page, work, chunksize=4)
    for n, found in enumerate(results, start=1):
        for record in found:
            records[record["key"]] = record
        if n % 100 == 0:
            print(f"{n}/{len(work)} pages", file=sys.stderr)
    return records


def _store(label: str) -> Path:
    return cache_dir() / "outputs" / f"{label}.json.gz"


def save(records: dict[str, dict[str, Any]], label: str) -> Path:
    path = _store(label)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(json.dumps(records, sort_keys=True).encode("utf-8")))
    return path


def load(label: str) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(gzip.decompress(_store(label).read_bytes()))
    return data


def digest(result: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(result, sort_keys=True).encode("utf-8")).hexdigest()


def as_saved(saved: dict[str, Any], now: dict[str, Any]) -> dict[str, Any]:
    """`now` with only the fields the saved result has (in its blocks too): a field
    added to the result since the run was saved is new output, not a changed answer."""
    kept = {key: value for key, value in now.items() if key in saved}
    if "blocks" in kept and saved.get("blocks"):
        names = saved["blocks"][0].keys()
        kept["blocks"] = [{k: v for k, v in b.items() if k in names} for b in now["blocks"]]
    return kept


def differing_fields(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def compare(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> int:
    """Print every differing document and a per set and mode table; the count differing."""
    groups: dict[tuple[str, str], list[tuple[float | None, float | None, bool]]] = {}
    changed = 0
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        set_name, mode, _ = key.split("/", 2)
        if old is None or new is None:
            print(f"{key}: only in {'the saved run' if new is None else 'this run'}")
            changed += 1
            continue
        current = as_saved(old["result"], new["result"])
        same = digest(old["result"]) == digest(current)
        groups.setdefault((set_name, mode), []).append((old["f1"], new["f1"], same))
        if not same:
            changed += 1
            fields = ", ".join(differing_fields(old["result"], current))
            f1 = f" F1 {old['f1']:.3f} -> {new['f1']:.3f}" if old["f1"] is not None else ""
            print(f"{key}: {fields}{f1}")
    print("\n| set | mode | documents | changed | F1 saved | F1 now |")
    print("|---|---|---:|---:|---:|---:|")
    for (set_name, mode), rows in sorted(groups.items()):
        scored = [(a, b) for a, b, _ in rows if a is not None and b is not None]
        f1_old = sum(a for a, _ in scored) / len(scored) if scored else float("nan")
        f1_new = sum(b for _, b in scored) / len(scored) if scored else float("nan")
        diff = sum(1 for *_, same in rows if not same)
        print(f"| {set_name} | {mode} | {len(rows)} | {diff} | {f1_old:.4f} | {f1_new:.4f} |")
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--label", default="latest", help="name to save this run under")
    parser.add_argument("--against", default="before", help="saved run to compare with")
    parser.add_argument("--modes", default=",".join(bl.ALL_MODES))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    modes = [m for m in args.modes.split(",") if m]
    records = run(args.benchmarks, modes, args.jobs)
    if args.action == "save":
        print(f"saved {len(records)} documents to {save(records, args.label)}")
        return 0
    save(records, args.label)
    changed = compare(load(args.against), records)
    print(f"\n{changed} of {len(records)} documents differ from '{args.against}'")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
