"""How fast WARC and WET files are read, with warcio (what `clean` uses) and FastWARC,
alone and with cleaning, side by side (a benchmark, never a test).

It writes a WARC of the development pages' HTML (one gzip member per record, as
crawlers write them) and a WET file of their html-text dumps into a temporary folder,
then times, per reader:

- reading alone: every record's body read (`raw`), and the same records through the
  reader `clean` runs (`cleaner.warc.items`: record checks, HTTP bodies unpacked);
- reading plus cleaning: the first `--clean N` records read and cleaned in one process;
- a decompression bomb (a .gz of 2 GB of zeros): the time `clean` takes to refuse it,
  against unpacking it whole (streamed, so the memory stays small); and a .warc.gz
  whose one response holds 2 GB of zeros: the time to refuse the record, which means
  unpacking through it to find the next;
- cut files: the WARC's first `--cut-records` records, cut at `--cuts` offsets inside
  records, and what each reader makes of them: an error, or records with no word of
  the cut (a short last body, or fewer records).

FastWARC is timed on the same work where it can do it: its records' bodies, and its
records through the same HTTP body code (`cleaner.httpbody`). Figures are wall-clock
seconds, the best of `--repeat` runs for reading.

    python scripts/benchmark_warc.py [BENCHMARKS] [--clean 150] [--repeat 3] [--cuts 200]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl

from cleaner import warc
from cleaner.batch import Settings, clean_item
from cleaner.config import MAX_INPUT, Config
from cleaner.httpbody import read_body
from cleaner.sources import Item, Origin

DEFAULT_CLEAN = 150
"""Records cleaned per reader: cleaning takes 30-100 ms a page, reading well under 1 ms,
so a sample shows the sum as well as all 890 pages would."""
DEFAULT_REPEAT = 3
DEFAULT_CUTS = 200
DEFAULT_CUT_RECORDS = 10


@dataclass(frozen=True, slots=True)
class Timing:
    reader: str
    work: str
    records: int
    megabytes: float
    seconds: float

    def row(self) -> str:
        rate = self.records / self.seconds if self.seconds else 0.0
        speed = self.megabytes / self.seconds if self.seconds else 0.0
        return (
            f"| {self.work} | {self.reader} | {self.records} | {self.megabytes:.1f} | "
            f"{self.seconds:.2f} | {rate:,.0f} | {speed:.1f} |"
        )


# --- the files ------------------------------------------------------------------------


def write_files(root: Path, folder: Path) -> tuple[Path, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [p for name in bl.SET_DIRS for p in bl.load_set(name, root)]
    crawl, wet = folder / "pages.warc.gz", folder / "pages.warc.wet.gz"
    with crawl.open("wb") as warc_handle, wet.open("wb") as wet_handle:
        warc_writer, wet_writer = WARCWriter(warc_handle, gzip=True), WARCWriter(wet_handle)
        for page in pages:
            body = gzip.decompress(page.path.read_bytes())
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            warc_writer.write_record(
                warc_writer.create_warc_record(
                    page.url, "response", payload=BytesIO(body), http_headers=http
                )
            )
            dump = bl.make_dump(page.html(), bl.HTML_TEXT).encode("utf-8")
            wet_writer.write_record(
                wet_writer.create_warc_record(
                    page.url, "conversion", payload=BytesIO(dump), warc_content_type="text/plain",
                    warc_headers_dict={"WARC-Identified-Content-Language": "eng"},
                )
            )  # fmt: skip
    return crawl, wet


# --- readers ----------------------------------------------------------------------------


def warcio_raw(path: Path) -> Iterator[bytes]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type in ("response", "conversion"):
                yield record.content_stream().read()


def fastwarc_raw(path: Path) -> Iterator[bytes]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    wanted = WarcRecordType.response | WarcRecordType.conversion
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle, record_types=wanted, parse_http=True):
            yield record.reader.read()


def cleaner_items(path: Path) -> Iterator[Item]:
    return warc.items(str(path))


def fastwarc_items(path: Path) -> Iterator[Item]:
    """What `cleaner.warc.items` does for whole files, on FastWARC: each response's body
    through the same HTTP body code, each WET record as text."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    wanted = WarcRecordType.response | WarcRecordType.conversion
    with path.open("rb") as handle:
        for index, record in enumerate(ArchiveIterator(handle, record_types=wanted)):
            uri = record.headers.get("WARC-Target-URI")
            date = record.headers.get("WARC-Date")
            if record.record_type == WarcRecordType.conversion:
                body = record.reader.read(MAX_INPUT + 1)
                yield Item(index, str(uri), Origin.WARC, body, url=uri, id=record.record_id,
                           date=date, kind="text")  # fmt: skip
                continue
            record.parse_http()
            coding = record.http_headers.get("Content-Encoding")
            body = read_body(record.reader, coding, MAX_INPUT)
            yield Item(index, str(uri), Origin.WARC, body, url=uri, id=record.record_id,
                       date=date, kind="html")  # fmt: skip


RAW_READERS: dict[str, Callable[[Path], Iterator[bytes]]] = {
    "warcio": warcio_raw,
    "FastWARC": fastwarc_raw,
}
ITEM_READERS: dict[str, Callable[[Path], Iterator[Item]]] = {
    "warcio (clean's reader)": cleaner_items,
    "FastWARC (same checks)": fastwarc_items,
}


def payload_size(item: Item) -> int:
    return len(item.payload) if isinstance(item.payload, bytes) else len(item.payload.encode())


def time_reading(path: Path, repeat: int) -> list[Timing]:
    timings = []
    for name, raw in RAW_READERS.items():
        best, records, size = float("inf"), 0, 0
        for _ in range(repeat):
            started = time.perf_counter()
            bodies = [len(b) for b in raw(path)]
            best = min(best, time.perf_counter() - started)
            records, size = len(bodies), sum(bodies)
        timings.append(Timing(f"{name} (bodies only)", "read", records, size / 1e6, best))
    for name, read in ITEM_READERS.items():
        best, records, size = float("inf"), 0, 0
        for _ in range(repeat):
            started = time.perf_counter()
            found = [i for i in read(path) if i.skipped is None]
            best = min(best, time.perf_counter() - started)
            records, size = len(found), sum(payload_size(i) for i in found)
        timings.append(Timing(name, "read", records, size / 1e6, best))
    return timings


def time_cleaning(path: Path, sample: int) -> list[Timing]:
    settings = Settings(Config(), jsonl=True)
    timings: list[Timing] = []
    if sample <= 0:
        return timings
    for name, read in ITEM_READERS.items():
        records = size = 0
        started = time.perf_counter()
        for item in read(path):
            if item.skipped is not None:
                continue
            clean_item(item, settings)
            records += 1
            size += payload_size(item)
            if records == sample:
                break
        seconds = time.perf_counter() - started
        timings.append(Timing(name, "read + clean", records, size / 1e6, seconds))
    return timings


def record_ends(path: Path) -> set[int]:
    """Offsets in the file where a record ends (a cut there loses nothing)."""
    from warcio.archiveiterator import ArchiveIterator

    ends = {0}
    with path.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        for _ in iterator:
            ends.add(iterator.get_record_offset())  # where the one before ended
        ends.add(iterator.offset)
    return ends


def first_records(path: Path, count: int, folder: Path) -> Path:
    """The file's first `count` records (whole gzip members), as a file of their own."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        for n, _ in enumerate(iterator):
            if n == count:
                end = iterator.get_record_offset()
                break
        else:
            end = path.stat().st_size
    small = folder / f"first-{count}{''.join(path.suffixes)}"
    small.write_bytes(path.read_bytes()[:end])
    return small


def cut_verdicts(path: Path, cuts: int) -> dict[str, Counter[str]]:
    """Reader -> what it did on each cut inside a record: raised (and what), said the
    file is cut (an error item: `clean`'s reader), gave every record whole (a cut in a
    gzip member's 8-byte trailer loses nothing), or gave short or fewer records as if
    the file were whole."""
    data = path.read_bytes()
    ends = record_ends(path)
    offsets = [o for o in range(1, len(data), max(1, len(data) // cuts)) if o not in ends]
    cut = path.with_name("cut" + "".join(path.suffixes))
    readers: dict[str, Callable[[Path], Iterator[bytes] | Iterator[Item]]] = {
        **RAW_READERS,
        "warcio (clean's reader)": cleaner_items,
    }
    verdicts: dict[str, Counter[str]] = {}
    for name, read in readers.items():
        full: list[bytes | Item] = list(read(path))
        whole = [_body(r) for r in full]
        found: Counter[str] = Counter()
        for offset in offsets:
            cut.write_bytes(data[:offset])
            try:
                records: list[bytes | Item] = list(read(cut))
            except Exception as exc:  # what a reader raises is what is measured
                found[f"raised {type(exc).__name__}"] += 1
                continue
            if records and isinstance(records[-1], Item) and records[-1].failure:
                found["error item for the file"] += 1
            elif [_body(r) for r in records] == whole:
                found["every record whole"] += 1
            else:
                found["short or fewer records, no sign of the cut"] += 1
        verdicts[name] = found
    return verdicts


def _body(record: bytes | Item) -> bytes | str:
    return record.payload if isinstance(record, Item) else record


BOMB_MEMBER = 1 << 24
BOMB_MEMBERS = 128
"""2 GB of zeros: a 16 MB member (16 kB packed) written 128 times."""


def time_warc_bomb(folder: Path) -> float:
    """Seconds `cleaner.warc.items` takes over a record of 2 GB of zeros."""
    import zlib

    size = BOMB_MEMBER * BOMB_MEMBERS
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
        b"WARC-Record-ID: <urn:uuid:0>\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: %d\r\n\r\n" % (len(http) + size)
    )
    packer = zlib.compressobj(1, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    bomb = folder / "bomb.warc.gz"
    with bomb.open("wb") as handle:
        handle.write(packer.compress(head + http))
        zeros = bytes(BOMB_MEMBER)
        for _ in range(BOMB_MEMBERS):
            handle.write(packer.compress(zeros))
        handle.write(packer.compress(b"\r\n\r\n") + packer.flush())
    started = time.perf_counter()
    list(warc.items(str(bomb)))
    seconds = time.perf_counter() - started
    bomb.unlink()
    return seconds


def time_bomb(folder: Path) -> tuple[float, float]:
    """Seconds to refuse the bomb (`sources.read_bytes`), and to unpack it whole."""
    from cleaner.sources import SourceError, read_bytes

    bomb = folder / "bomb.txt.gz"
    member = gzip.compress(bytes(BOMB_MEMBER), compresslevel=1)
    with bomb.open("wb") as handle:
        for _ in range(BOMB_MEMBERS):
            handle.write(member)
    started = time.perf_counter()
    with contextlib.suppress(SourceError):
        read_bytes(str(bomb))
    refused = time.perf_counter() - started
    started = time.perf_counter()
    with gzip.open(bomb, "rb") as stream:
        while stream.read(BOMB_MEMBER):
            pass
    return refused, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--clean", type=int, default=DEFAULT_CLEAN, metavar="N")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT)
    parser.add_argument("--cuts", type=int, default=DEFAULT_CUTS)
    parser.add_argument("--cut-records", type=int, default=DEFAULT_CUT_RECORDS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        crawl, wet = write_files(args.benchmarks, Path(folder))
        clean_item(next(i for i in warc.items(str(crawl)) if i.skipped is None),
                   Settings(Config(), jsonl=True))  # fmt: skip # rules and model loaded once
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        options = f"--clean {args.clean} --repeat {args.repeat} --cuts {args.cuts}"
        print(f"{stamp}; python scripts/benchmark_warc.py {options}")
        refused, whole = time_bomb(Path(folder))
        print(f"\n2 GB gzip bomb: refused in {refused:.2f} s; unpacking it whole: {whole:.1f} s")
        print(f"WARC record of 2 GB of zeros: refused in {time_warc_bomb(Path(folder)):.1f} s")
        for label, path in (("WARC", crawl), ("WET", wet)):
            small = first_records(path, args.cut_records, Path(folder))
            print(f"\n{label} of {args.cut_records} records cut inside a record:\n")
            print("| reader | what it did | cuts |\n|---|---|--:|")
            for reader, found in cut_verdicts(small, args.cuts).items():
                for verdict, count in sorted(found.items()):
                    print(f"| {reader} | {verdict} | {count} |")
        for label, path in (("WARC (HTML responses)", crawl), ("WET (html-text dumps)", wet)):
            size = path.stat().st_size / 1e6
            print(f"\n{label}: {path.name}, {size:.1f} MB packed\n")
            print("| work | reader | records | MB | seconds | records/s | MB/s |")
            print("|---|---|--:|--:|--:|--:|--:|")
            for timing in time_reading(path, args.repeat) + time_cleaning(path, args.clean):
                print(timing.row())


if __name__ == "__main__":
    main()
