"""Byte-identical Pagefind bundles: filter values and filters in a stable order.

Pagefind 1.5 keeps filters in hash maps seeded at random in every process, so two
builds of the same records write the same filter values in another order, under
other file names (a file's name is a hash of its bytes), and so a different meta
file and ``pagefind-entry.json``. Everything else it writes is already stable.

``stabilize(bundle)`` rewrites what differs: each ``filter/*.pf_filter`` with its
values sorted, the meta file with its filters (and sorts) sorted by name and the
new file names, and the entry file with the meta file's new name. The files keep
Pagefind's format (gzip of ``pagefind_dcd`` + CBOR, decoded by its own script), so
the search works as before. Only the small CBOR subset Pagefind writes is handled.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path

_MAGIC = b"pagefind_dcd"


# -- the CBOR subset Pagefind writes: unsigned ints, text, arrays ------------------------
def _decode(data: bytes, pos: int = 0):
    head = data[pos]
    major, info = head >> 5, head & 31
    pos += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value = int.from_bytes(data[pos:pos + size], "big")
        pos += size
    else:
        raise ValueError(f"CBOR item 0x{head:02x} at {pos - 1} is not one Pagefind writes")
    if major == 0:
        return value, pos
    if major == 1:
        return -1 - value, pos
    if major == 2:
        return bytes(data[pos:pos + value]), pos + value
    if major == 3:
        return data[pos:pos + value].decode("utf-8"), pos + value
    if major == 4:
        items = []
        for _ in range(value):
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], pos
    raise ValueError(f"CBOR major type {major} at {pos - 1} is not one Pagefind writes")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if value < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, value)
    raise ValueError(f"{value} is too large for CBOR")


def _encode(value) -> bytes:
    if value is None or isinstance(value, bool):
        return bytes([0xF6 if value is None else 0xF5 if value else 0xF4])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(item) for item in value)
    raise TypeError(f"cannot encode {type(value).__name__} as CBOR")


def read(path: Path):
    """The CBOR value of a Pagefind ``.pf_*`` file."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_MAGIC):
        raise ValueError(f"{path.name} is not a Pagefind data file")
    value, end = _decode(raw, len(_MAGIC))
    if end != len(raw):
        raise ValueError(f"{path.name}: {len(raw) - end} bytes after the data")
    return value


def _pack(value) -> tuple[bytes, bytes]:
    """(CBOR bytes, gzip file bytes) of ``value``; gzip with no time stamp, so stable."""
    cbor = _encode(value)
    return cbor, gzip.compress(_MAGIC + cbor, compresslevel=9, mtime=0)


def _name(language: str, cbor: bytes, length: int) -> str:
    return f"{language}_{hashlib.sha1(cbor).hexdigest()[:length]}"


# -- the bundle -------------------------------------------------------------------------
def stabilize(bundle: Path) -> None:
    """Rewrite the filter, meta and entry files of the Pagefind ``bundle`` in a stable order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    for language, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_path)
        filters = meta[3]
        renamed = []
        for name, old in filters:
            path = bundle / "filter" / f"{old}.pf_filter"
            value = read(path)
            value[1] = sorted(value[1], key=lambda v: v[0])
            cbor, data = _pack(value)
            new = _name(language, cbor, 7)
            path.unlink()
            (bundle / "filter" / f"{new}.pf_filter").write_bytes(data)
            renamed.append([name, new])
        meta[3] = sorted(renamed)
        meta[4] = sorted(meta[4], key=lambda s: s[0])
        cbor, data = _pack(meta)
        new_meta = _name(language, cbor, 10)
        meta_path.unlink()
        (bundle / f"pagefind.{new_meta}.pf_meta").write_bytes(data)
        info["hash"] = new_meta
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
