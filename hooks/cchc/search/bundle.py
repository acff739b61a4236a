"""Pagefind 1.5.2's index, written in Python as the records arrive.

Pagefind keeps every page it reads until it builds the index (about 900 MB at 5,000
items). This writer makes the same files from the same pages (``pagefind.Page``), but
streams: each page's fragment is written when the page comes, its words are added to
per-word postings already encoded as Pagefind encodes them (CBOR bytes, page numbers
delta-coded), and at the end the postings are cut into chunks and the meta, filter and
entry files are written. Nothing is kept per page but its hash, word count, filters
and sort values. ``python -m cchc.search.bundle`` runs it in a child process (see
``pagefind.write_index``): its work and memory are off the MkDocs process.

What each step does is Pagefind's own code (``pagefind/src`` at tag v1.5.2): the
word splitting of ``fossick/mod.rs`` and ``fossick/splitting.rs`` (with
``convert_case`` 0.11's lower case), the packing of ``index/mod.rs``, the file names
(``utils.rs``: SHA-1 in hex without leading zeros) and gzip of ``output/mod.rs``,
reproduced for what ``pagefind.page_html`` sends it: no stemmer (Vietnamese has none),
inline spans, meta, filter and sort tags. ``tests/test_search_bundle.py`` checks the
result against the real Pagefind, byte for byte after ``stable.stabilize``.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import math
import pickle
import re
import struct
import sys
import unicodedata
import zlib
from array import array
from collections import defaultdict
from dataclasses import dataclass
from itertools import chain
from operator import sub
from pathlib import Path

LANGUAGE = "vi"
CHUNK_SIZE = 20000  # Pagefind's default index_chunk_size (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE)
MAGIC = b"pagefind_dcd"
WORD_SYMBOLS = frozenset("_‿⁀⁔︳︴﹍﹎﹏＿")  # utils.rs: counted as part of a word
_ASCII_PUNCT = frozenset(chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum())
_PUNCT_TABLE = {ord(c): " " for c in _ASCII_PUNCT}
_NOT_WORD_ASCII = {c: None for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")}  # to drop

# Rust's White_Space (str::split_whitespace, regex \s): Python's also has \x1c-\x1f
_WS = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_WS_CHARS = "".join(chr(c) for c in range(0x3001) if re.fullmatch(f"[{_WS}]", chr(c)))
_WS_SPLIT = re.compile(f"[{_WS}]+")
_NEWLINES = re.compile("(\n|\r\n)+")
_SPACES = re.compile(f"[{_WS}]{{2,}}")
_PRIVATE = re.compile(f"___PAGEFIND_[^{_WS}]+[{_WS}]?")
_FLOAT = re.compile(r"[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)", re.I)
_INT = re.compile(r"[+-]?\d+")


def rust_split(text: str) -> list[str]:
    """``str::split_whitespace``."""
    return [w for w in _WS_SPLIT.split(text) if w]


def normalize_content(text: str) -> str:
    """``normalize_content`` of fossick/mod.rs for text that has no HTML entities left
    (``page_html`` escapes what it writes and Pagefind decodes it once)."""
    text = text.strip(_WS_CHARS)
    if "\n" in text:
        text = _NEWLINES.sub(" ", text)
    return _SPACES.sub(" ", text)


def _f32(x: float) -> float:
    return struct.unpack("f", struct.pack("f", x))[0]


def _weight_code(value: str, auto: bool = False) -> int:
    """``___PAGEFIND_WEIGHT___`` (or AUTO) value -> the u8 weight Pagefind stores."""
    if not _FLOAT.fullmatch(value):
        w = 1.0
    else:
        w = _f32(float(value))
    if not auto and w <= 0.0:
        return 0
    if math.isnan(w):
        return 0 if auto else 1
    code = int(min(_f32(min(max(w, 0.0), 10.0) * 24.0), 255.0))
    return code if auto else max(code, 1)


# -- splitting.rs: the words Pagefind indexes for one whitespace-separated word ------------------


def _graphemes(text: str) -> list[str]:
    """Extended grapheme clusters, enough for words: marks, joiners, modifiers, flags."""
    if text.isascii():
        return list(text)
    out: list[str] = []
    for c in text:
        if out:
            cp = ord(c)
            last = out[-1]
            if (unicodedata.category(c) in ("Mn", "Me", "Mc") or c in "\u200c\u200d"
                    or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F
                    or (last.endswith("\u200d") and unicodedata.category(c) == "So")
                    or (0x1F1E6 <= cp <= 0x1F1FF and len(last) == 1 and 0x1F1E6 <= ord(last) <= 0x1F1FF)):
                out[-1] = last + c
                continue
        out.append(c)
    return out


def _is_upper(g: str) -> bool:
    return g.upper() != g.lower() and g == g.upper()


def _is_lower(g: str) -> bool:
    return g.upper() != g.lower() and g == g.lower()


def _is_digit(g: str) -> bool:
    return all("0" <= c <= "9" for c in g)


def _lower_case(text: str) -> str:
    """``text.to_case(Case::Lower)`` of convert_case 0.11: split on its default boundaries
    (underscore, hyphen, space, lowerUpper, letter/digit, acronyms), lower case, join by " ".
    No boundary looks across a space, so each part between spaces is done alone."""
    return " ".join(_lower_part(part) for part in text.split(" ") if part)


def _lower_part(text: str) -> str:
    if text.isascii() and (text.isdigit() or text.isalpha() and text.islower()):
        return text
    gs = _graphemes(text)
    n = len(gs)
    words: list[str] = []
    last = 0
    for i, g in enumerate(gs):
        g1 = gs[i + 1] if i + 1 < n else None
        if g in ("_", "-", " "):
            start, length = 0, 1
        elif g1 is not None and (
            (_is_lower(g) and _is_upper(g1)) or (_is_lower(g) and _is_digit(g1))
            or (_is_upper(g) and _is_digit(g1)) or (_is_digit(g) and _is_lower(g1))
            or (_is_digit(g) and _is_upper(g1))
            or (_is_upper(g) and _is_upper(g1) and i + 2 < n and _is_lower(gs[i + 2]))
        ):
            start, length = 1, 0
        else:
            continue
        words.append("".join(gs[last:i + start]))
        last = i + start + length
    words.append("".join(gs[last:]))
    return " ".join(w.lower() for w in words)


def _is_emoji(g: str) -> bool:
    """Whether the ``emojis`` crate knows this grapheme (pictographs, flags, keycaps)."""
    cps = [ord(c) for c in g]
    if len(cps) >= 2 and cps[-1] == 0x20E3:
        return True  # keycap
    base = cps[0]
    return (0x1F000 <= base <= 0x1FAFF or 0x2600 <= base <= 0x27BF or 0x2B00 <= base <= 0x2BFF
            or 0x2190 <= base <= 0x21FF or 0x2300 <= base <= 0x23FF or base in (0xA9, 0xAE, 0x203C, 0x2049,
                                                                                0x2122, 0x2139, 0x3030, 0x303D))


def _diacritics(word: str) -> str | None:
    """``normalize_diacritics``: NFD without marks, or None when that changes nothing."""
    if word.isascii():
        return None
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c)[0] != "M")
    return plain if plain != word else None


Indexable = tuple[str, "str | None", bool]  # (key, original spelling or None, compound part)


@functools.lru_cache(maxsize=1 << 18)
def indexable_words(raw: str) -> tuple[tuple[Indexable, ...], int]:
    """``get_indexable_words`` (no stemmer) and how many of them are compound parts."""
    if raw.isascii() and raw.isalnum():
        if not any(c.isupper() for c in raw[1:]):
            return ((raw.lower(), None, False),), 0
    if raw.isascii():
        normalized = raw.translate(_NOT_WORD_ASCII).lower()
        if not normalized:  # punctuation only (a restore code): no word, no part
            return (), 0
    else:
        normalized = "".join(c.lower() if c.isascii() or c.isupper() else c
                             for c in raw if c.isalnum() or c in WORD_SYMBOLS)
    out: list[Indexable] = []
    if normalized:
        plain = _diacritics(normalized)
        out.append((plain or normalized, normalized if plain else None, False))
    if not (any(not c.isalnum() for c in raw) or any(c.isupper() for c in raw[1:])):
        return tuple(out), 0
    parts = " ".join(rust_split(_lower_case(raw.translate(_PUNCT_TABLE))))
    compound = 0
    if normalized and (any(c.isspace() for c in parts) or not normalized.startswith(parts)):
        for part in rust_split(parts):
            if len(part.encode()) > 1:
                plain = _diacritics(part)
                out.append((plain or part, part if plain else None, True))
                compound += 1
    if not raw.isascii():
        out.extend((g, None, False) for g in _graphemes(raw) if _is_emoji(g))
    return tuple(out), compound


# -- CBOR (minicbor's encoding of Pagefind's structs: arrays, minimal integers) ---------------


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes((major << 5 | value,))
    if value < 0x100:
        return bytes((major << 5 | 24, value))
    if value < 0x10000:
        return bytes((major << 5 | 25,)) + value.to_bytes(2, "big")
    if value < 0x100000000:
        return bytes((major << 5 | 26,)) + value.to_bytes(4, "big")
    return bytes((major << 5 | 27,)) + value.to_bytes(8, "big")


_SMALL = [_head(0, v) for v in range(1 << 16)]
_NEG = [b""] + [_head(1, v - 1) for v in range(1, 257)]  # _NEG[k] encodes -k
_ARRAYS = [_head(4, v) for v in range(1 << 12)]


def _int(v: int) -> bytes:
    if 0 <= v < 65536:
        return _SMALL[v]
    if -256 <= v < 0:
        return _NEG[-v]
    return _head(0, v) if v >= 0 else _head(1, -1 - v)


def _array(length: int) -> bytes:
    """The head of an array of ``length`` items."""
    return _ARRAYS[length] if length < 4096 else _head(4, length)


def _text(s: str) -> bytes:
    raw = s.encode()
    return _head(3, len(raw)) + raw


def _ints(values) -> bytes:
    return _array(len(values)) + b"".join(map(_int, values))


def full_hash(data: bytes) -> str:
    """utils.rs ``full_hash``: SHA-1 as hex, each byte without its leading zero."""
    return "".join(f"{b:x}" for b in hashlib.sha1(data).digest())


# How the index chunks (CBOR integers) are packed: at zlib's level 9 they are 1.4% smaller than at
# 6 with the filtered strategy (0.5% of the bundle) but take four times as long (2.7 s for 4.3 MB
# at 5,000 items). Fragments (text) pack as fast at 9 as at 6.
INDEX_PACKING = (6, zlib.Z_FILTERED)


def packed(data: bytes, level: int = 9, strategy: int = zlib.Z_DEFAULT_STRATEGY) -> bytes:
    """A Pagefind data file: gzip (no time stamp) of the signature and the data."""
    packer = zlib.compressobj(level, zlib.DEFLATED, 31, 8, strategy)  # wbits 31: with gzip's header
    return packer.compress(MAGIC + data) + packer.flush()


# -- the index -----------------------------------------------------------------------------------

DEFAULT_WEIGHT = 25  # positions_to_packed_page's starting weight: no marker before its positions
Weighted = tuple[int, list[int]]  # a weight and the ascending positions of one word with it


def _run(positions: list[int]) -> bytes:
    """Ascending positions as Pagefind packs them: the first, then the gaps."""
    if len(positions) == 1 and positions[0] < 65536:
        return _SMALL[positions[0]]
    try:
        return b"".join(map(_SMALL.__getitem__, map(sub, positions, chain((0,), positions))))
    except IndexError:  # a page of more than 65,535 words
        return b"".join(map(_int, map(sub, positions, chain((0,), positions))))


def _order(entry: Weighted) -> int:
    return 0 if entry[0] == DEFAULT_WEIGHT else entry[0]


def _locs(entries: list[Weighted]) -> tuple[bytes, int]:
    """``positions_to_packed_page``: a word's (weight, positions) -> the CBOR array and its length.
    By weight, lightest first; each weight but 25 as -weight-1 before its positions."""
    if len(entries) == 1:
        weight, positions = entries[0]
        if weight == DEFAULT_WEIGHT:
            return _array(len(positions)) + _run(positions), len(positions)
        return _array(len(positions) + 1) + _NEG[weight + 1] + _run(positions), len(positions) + 1
    entries = sorted(entries, key=_order)
    if len({weight for weight, _ in entries}) < len(entries):  # one weight from two words: one run
        merged: dict[int, list[int]] = {}
        for weight, positions in entries:
            merged[weight] = sorted(merged[weight] + positions) if weight in merged else positions
        entries = list(merged.items())
    parts: list[bytes] = []
    length = 0
    for weight, positions in entries:
        if weight != DEFAULT_WEIGHT:
            parts.append(_NEG[weight + 1])
            length += 1
        parts.append(_run(positions))
        length += len(positions)
    return _array(length) + b"".join(parts), length


class _Postings:
    """One word's (or one spelling's) pages, encoded as Pagefind writes them."""

    __slots__ = ("data", "count", "last", "marks")

    def __init__(self) -> None:
        self.data = bytearray()
        self.count = 0
        self.last = 0
        self.marks: array | None = None  # offsets of meta field bytes, renumbered at the end

    def add(self, page: int, locs: bytes, meta: list[tuple[int, int]] | None) -> int:
        """One page: ``locs`` from ``_locs``, meta positions as (field number, position); the
        length of the meta locs."""
        data = self.data
        data += b"\x83"
        data += _int(page - self.last)
        data += locs
        self.last = page
        self.count += 1
        if not meta:
            data += b"\x80"
            return 0
        length = len(meta) + len({fid for fid, _ in meta})  # positions and field switches
        data += _array(length)
        if self.marks is None:
            self.marks = array("I")
        field, last = None, 0
        for fid, position in meta:  # by field name, then position
            if fid != field:
                self.marks.append(len(data))  # one byte, 0x20 + the field's number for now
                data.append(0x20 + fid)
                field, last = fid, 0
            data += _int(position - last)
            last = position
        return length


class _Word(_Postings):
    """A word's pages (the postings of its unaccented form) and its other spellings'."""

    __slots__ = ("size", "variants")

    def __init__(self) -> None:
        super().__init__()
        self.size = 0  # index/mod.rs chunk_index: locs + meta locs + 1 per page
        self.variants: dict[str, _Postings] | None = None


@dataclass
class PageIn:
    """One page as Pagefind reads it from ``pagefind.page_html``."""

    url: str
    tokens: list[str]  # the body's words, with Pagefind's weight markers around weighted spans
    meta: list[tuple[str, str]]
    filters: list[tuple[str, str]]
    sort: list[tuple[str, str]]


class BundleWriter:
    """Pages in, Pagefind's bundle out: ``add`` each page, then ``finish``."""

    def __init__(self, out: Path, version: str, chunk_size: int = CHUNK_SIZE) -> None:
        self.out = Path(out)
        self.version = version
        self.chunk_size = chunk_size
        self.words: dict[str, _Word] = {}
        self.pages: list[tuple[str, int]] = []  # (file name, word count) per page number
        self.fragment_hashes: dict[str, str] = {}  # short -> full hash, for collisions
        self.filters: dict[str, dict[str, array]] = {}
        self.sorts: dict[str, list[tuple[str, int]]] = {}
        self.fields: dict[str, int] = {}  # meta field -> number in order of arrival
        self._plain: set[str] = set()  # words indexed as written: under themselves, nothing else
        (self.out / "fragment").mkdir(parents=True, exist_ok=True)

    # -- one page (fossick/mod.rs parse_digest + parse_meta_words, index/mod.rs per page) --
    def add(self, page: PageIn) -> bool:
        """Index ``page``; False if Pagefind drops it (no word in its body)."""
        spans: dict[int, dict[str, list[int]]] = {}  # weight -> word as written -> positions
        content: list[str] = []
        anchors: list[dict] = []
        stack = [24]
        index = 0
        tokens = page.tokens
        start = 0
        for end in (*[i for i, word in enumerate(tokens) if word[0] == "_"], len(tokens)):
            if start < end:
                index = self._words(tokens[start:end], index, stack[-1] if stack else 1, spans, content)
            start = end + 1
            if end < len(tokens) and not self._marker(tokens[end], index, stack, anchors):
                index = self._words(tokens[end:end + 1], index, stack[-1] if stack else 1, spans, content)
        last_index = index - 1 if index else 0
        weight, single, several, spelled = self._keys(spans)
        if not single and not several and not spelled:
            return False
        number = len(self.pages)

        meta: dict[str, str] = {}
        for name, value in page.meta:
            meta[name] = _PRIVATE.sub("", normalize_content(value))
        meta = dict(sorted(meta.items()))
        filters: dict[str, list[str]] = {}
        for name, value in page.filters:
            filters.setdefault(name, []).append(_PRIVATE.sub("", normalize_content(value)))
        filters = dict(sorted(filters.items()))
        sort: dict[str, str] = {}
        for name, value in page.sort:
            sort[name] = normalize_content(value)

        # key -> spelling (None: the key's) -> (field, position), by field name as Pagefind numbers them
        meta_words: dict[str, dict[str | None, list[tuple[int, int]]]] = {}
        for name, value in meta.items():
            fid = self.fields.setdefault(name, len(self.fields))
            for position, word in enumerate(rust_split(value)):
                for key, original, _ in indexable_words(word)[0]:
                    meta_words.setdefault(key, {}).setdefault(original, []).append((fid, position))
        self._postings(number, weight, single, several, spelled, meta_words)

        for name, values in filters.items():
            by_value = self.filters.setdefault(name, {})
            for value in values:
                by_value.setdefault(value, array("I")).append(number)
        for name, value in sort.items():
            self.sorts.setdefault(name, []).append((value, number))

        fragment = json.dumps({"url": page.url, "content": " ".join(content), "word_count": last_index + 1,
                               "filters": filters, "meta": meta, "anchors": anchors},
                              ensure_ascii=False, separators=(",", ":")).encode()
        full = f"{LANGUAGE}_{full_hash(fragment)}"
        short = full[:len(LANGUAGE) + 8]
        while short in self.fragment_hashes and self.fragment_hashes[short] != full:
            short = full[:len(short) + 1]
        if short not in self.fragment_hashes:
            self.fragment_hashes[short] = full
            (self.out / "fragment" / f"{short}.pf_fragment").write_bytes(packed(fragment))
        self.pages.append((short, last_index + 1))
        return True

    @staticmethod
    def _marker(word: str, index: int, stack: list[int], anchors: list[dict]) -> bool:
        """Follow one of Pagefind's markers (False: ``word`` is no marker, but a word)."""
        if word.startswith("___PAGEFIND_ANCHOR___"):
            element, sep, anchor = word.replace("___PAGEFIND_ANCHOR___", "").partition(":")
            if sep and ":" in anchor:
                anchors.append({"element": element, "id": anchor.split(":", 1)[1], "text": "", "location": index})
        elif word.startswith("___PAGEFIND_WEIGHT___"):
            stack.append(_weight_code(word.replace("___PAGEFIND_WEIGHT___", "")))
        elif word.startswith("___PAGEFIND_AUTO_WEIGHT___"):
            auto = _weight_code(word.replace("___PAGEFIND_AUTO_WEIGHT___", ""), auto=True)
            stack.append(auto if len(stack) == 1 else stack[-1])
        elif word.startswith("___END_PAGEFIND_WEIGHT___"):
            if stack:
                stack.pop()
        else:
            return False
        return True

    @staticmethod
    def _words(words: list[str], index: int, weight: int, spans: dict, content: list[str]) -> int:
        """Number ``words`` (no marker among them) from ``index``, by weight and word; the next index."""
        text = " ".join(words)
        if "\u200b" in text:  # Pagefind drops zero-width spaces, and a word left empty
            words = [w for w in (w.replace("\u200b", "") for w in words) if w]
            text = " ".join(words)
            if not words:
                return index
        content.append(text)
        positions = spans.get(weight)
        if positions is None:
            positions = spans[weight] = defaultdict(list)
        for i, word in enumerate(words, index):
            positions[word].append(i)
        return index + len(words)

    def _keys(self, spans: dict[int, dict[str, list[int]]]) -> tuple[int, dict, dict, dict]:
        """The words of ``_words`` as ``get_indexable_words`` indexes them: the weight and positions
        of the keys with one weight (most), the weighted positions of the others, those of spellings."""
        several: dict[str, list[Weighted]] = {}
        spelled: dict[str, dict[str, list[Weighted]]] = {}
        plain = self._plain
        for weight, found in spans.items():
            for raw in found.keys() - plain:
                keys, compound = indexable_words(raw)
                if keys == ((raw, None, False),):
                    plain.add(raw)
                    continue
                positions = found.pop(raw)
                part_weight = max(weight // compound, 1) if compound and weight else 0
                for key, original, is_part in keys:
                    entry = (part_weight if is_part else weight, positions)
                    if original is None:
                        several.setdefault(key, []).append(entry)
                    else:
                        spelled.setdefault(key, {}).setdefault(original, []).append(entry)
        if not spans:
            return DEFAULT_WEIGHT, {}, several, spelled
        *smaller, (weight, single) = sorted(spans.items(), key=lambda span: len(span[1]))
        for other, found in smaller:  # the title and keywords: few words
            for key, positions in found.items():
                several.setdefault(key, []).append((other, positions))
        for key in single.keys() & several.keys():
            several[key].append((weight, single.pop(key)))
        return weight, single, several, spelled

    def _postings(self, number: int, weight: int, single: dict[str, list[int]], several: dict[str, list[Weighted]],
                  spelled: dict[str, dict[str, list[Weighted]]], meta_words: dict) -> None:
        """Add page ``number``'s words (from ``_keys``) and meta words to their postings."""
        words = self.words
        for key in single.keys() & (spelled.keys() | meta_words.keys()):
            several.setdefault(key, []).append((weight, single.pop(key)))
        marker, extra = (b"", 0) if weight == DEFAULT_WEIGHT else (_NEG[weight + 1], 1)
        for key, positions in single.items():  # most words: one weight, in the body only
            word = words.get(key)
            if word is None:
                word = words[key] = _Word()
            length = len(positions) + extra
            gap = number - word.last
            word.data += b"".join((b"\x83", _SMALL[gap] if gap < 65536 else _int(gap), _array(length), marker,
                                   _run(positions), b"\x80"))
            word.last = number
            word.count += 1
            word.size += length + 1
        for key in several.keys() | spelled.keys() | meta_words.keys():
            word = words.get(key)
            if word is None:
                word = words[key] = _Word()
            plain = several.get(key)
            meta = meta_words.get(key, {})
            meta_plain = meta.pop(None, None)
            if plain or meta_plain:
                locs, length = _locs(plain) if plain else (b"\x80", 0)
                word.size += length + word.add(number, locs, meta_plain) + 1
            forms = spelled.get(key, {})
            if forms or meta:
                if word.variants is None:
                    word.variants = {}
                for form in sorted(forms) + sorted(meta.keys() - forms.keys()):
                    postings = word.variants.get(form)
                    if postings is None:
                        postings = word.variants[form] = _Postings()
                    entries = forms.get(form)
                    postings.add(number, _locs(entries)[0] if entries else b"\x80", meta.get(form))

    # -- the end (index/mod.rs build_indexes, output/mod.rs) --
    def finish(self) -> str | None:
        """Write the index chunks, filters and meta file; the meta file's hash (None: no page)."""
        if not self.pages:
            return None
        names = sorted(self.fields)
        remap = bytes(0x20 + names.index(name) for name, _ in sorted(self.fields.items(), key=lambda f: f[1]))
        if len(names) > 23:
            raise ValueError("more than 23 meta fields")
        self._fix_fields(remap)
        chunks = self._write_chunks()
        filters = []
        (self.out / "filter").mkdir(exist_ok=True)
        taken: set[str] = set()
        for name in sorted(self.filters):
            values = self.filters[name]
            data = _head(4, 2) + _text(name) + _head(4, len(values)) + b"".join(
                _head(4, 2) + _text(value) + _ints(values[value]) for value in sorted(values))
            filters.append([name, self._short(f"{LANGUAGE}_{full_hash(data)}", taken)])
            (self.out / "filter" / f"{filters[-1][1]}.pf_filter").write_bytes(packed(data))
        sorts = []
        for name in sorted(self.sorts):
            values = self.sorts[name]
            if all(_number(v) is not None for v, _ in values):
                values.sort(key=lambda v: _number(v[0]))
            else:
                values.sort(key=lambda v: v[0].encode())
            sorts.append([name, [p for _, p in values]])
        meta = (_head(4, 6) + _text(self.version)
                + _head(4, len(self.pages)) + b"".join(_head(4, 2) + _text(h) + _int(n) for h, n in self.pages)
                + _head(4, len(chunks)) + b"".join(_head(4, 3) + b"".join(map(_text, c)) for c in chunks)
                + _head(4, len(filters)) + b"".join(_head(4, 2) + _text(n) + _text(h) for n, h in filters)
                + _head(4, len(sorts)) + b"".join(_head(4, 2) + _text(n) + _ints(p) for n, p in sorts)
                + _head(4, len(names)) + b"".join(map(_text, names)))
        meta_hash = f"{LANGUAGE}_{full_hash(meta)[:len(LANGUAGE) + 8]}"
        (self.out / f"pagefind.{meta_hash}.pf_meta").write_bytes(packed(meta))
        return meta_hash

    def _fix_fields(self, remap: bytes) -> None:
        for word in self.words.values():
            for postings in (word, *(word.variants or {}).values()):
                if postings.marks is not None:
                    data = postings.data
                    for offset in postings.marks:
                        data[offset] = remap[data[offset] - 0x20]
                    postings.marks = None

    @staticmethod
    def _short(full: str, taken: set[str]) -> str:
        short = full[:len(LANGUAGE) + 8]
        while short in taken:
            short = full[:len(short) + 2]
            if len(short) == len(full):
                break
        taken.add(short)
        return short

    def _encode_word(self, key: str, word: _Word) -> bytes:
        variants = word.variants or {}
        return b"".join([
            b"\x83", _text(key), _array(word.count), word.data, _array(len(variants)),
            *(b"\x82" + _text(form) + _head(4, p.count) + p.data for form, p in variants.items()),
        ])

    def _write_chunks(self) -> list[list[str]]:
        (self.out / "index").mkdir(exist_ok=True)
        chunks: list[list[str]] = []  # [from, to, hash]
        taken: set[str] = set()
        keys = sorted(self.words)
        start, size = 0, 0
        bounds = []
        for i, key in enumerate(keys):
            size += self.words[key].size
            if size >= self.chunk_size:
                bounds.append((start, i + 1))
                start, size = i + 1, 0
        if start < len(keys):
            bounds.append((start, len(keys)))
        for first, end in bounds:
            data = b"\x81" + _head(4, end - first) + b"".join(
                self._encode_word(k, self.words.pop(k)) for k in keys[first:end])
            short = self._short(f"{LANGUAGE}_{full_hash(data)}", taken)
            (self.out / "index" / f"{short}.pf_index").write_bytes(packed(data, *INDEX_PACKING))
            chunks.append([keys[first], keys[end - 1], short])
        for a, b in zip(chunks, chunks[1:], strict=False):
            to, frm = _prefixes(a[1], b[0])
            if to >= a[0]:
                a[1] = to
            b[0] = frm
        return chunks


def _prefixes(a: str, b: str) -> tuple[str, str]:
    common = 0
    for x, y in zip(b, a, strict=False):
        if x != y:
            break
        common += 1
    return a[:common + 1], b[:common + 1]


def _number(value: str) -> float | None:
    """lexical_core's i32, else f32, of a sort value; None if neither."""
    if _INT.fullmatch(value) and -(1 << 31) <= int(value) < 1 << 31:
        return _f32(float(int(value)))
    if _FLOAT.fullmatch(value):
        return _f32(float(value))
    return None


# -- the child process ---------------------------------------------------------------------------


def main() -> int:
    """Read pickled frames on stdin (see ``pagefind.write_index``), write the bundle, print its figures."""
    from cchc.search.pagefind import PagefindError, build_bundle

    # Nothing the writer keeps or drops is cyclic garbage (84 objects at 5,000 items), and the
    # collector's passes over its young objects took a twentieth of its time: none.
    gc.disable()
    stdin = sys.stdin.buffer

    def frames():
        while True:
            try:
                yield pickle.load(stdin)
            except EOFError:
                return

    try:
        result = build_bundle(frames())
    except PagefindError as exc:
        print(json.dumps({"error": str(exc)}), flush=True)
        return 1
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
