"""The site's search index: Pagefind records made from the content model.

Vietnamese needs two things Pagefind 1.5.2 does not do well on its own:

* **đ**: Pagefind folds tone marks ("thu tuc" finds "thủ tục") but not đ (U+0111 has
  no Unicode decomposition), so "don" never finds "đơn".
* **size**: Pagefind keeps every accented spelling of a word beside its folded form;
  in Vietnamese nearly every syllable is accented, and at 5,000 items the first query
  downloaded 2.3 MB (``scripts/measure-search``).

So the words are indexed **folded** (``fold``: no tone marks, đ -> d, lower case), and
the browser folds every query the same way before ``pagefind.search()``: a query with
or without diacritics is the same query, with the same results, and the first query at
5,000 items downloads about a fifth as much. Folding keeps the words and their order
(one word in, one word out), so the browser rebuilds each excerpt in correct Vietnamese
from the folded words Pagefind stores in the page's fragment plus the meta value ``r``
(``restore_code``): per word, only the marks and capitals folding took away, written in
ASCII punctuation, which Pagefind does not index. The original words are thus never
stored a second time and no file beside the fragment is fetched. Titles and the other
meta values are shown straight from Pagefind's data; they are written in ``index_form``
(đ as d + U+0335, which Pagefind folds to d) so that they are searched like the words,
and shown with ``display_form``.

``docs/assets/search/cchc-search.js`` holds the browser half and must agree with
``fold``, ``index_form`` and ``restore_code``. Records come from the model, not from the
built HTML (see ``write_index``); ``Indexer`` feeds them to Pagefind in a background
thread while MkDocs renders the pages. Nothing here imports MkDocs.
"""

from __future__ import annotations

import base64
import functools
import json
import re
import shutil
import subprocess
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .model import (
    CHANGE_LABELS,
    LEVEL_LABELS,
    ONLINE_LABELS,
    UNIT_KINDS,
    NewsItem,
    Plan,
    Procedure,
    Site,
    Unit,
)
from .text import fold, nfc, show_date

__all__ = ["fold", "fast_fold", "folded_words", "index_form", "display_form", "restore_code", "restore",
           "SearchRecord", "records_for_site", "write_index", "Indexer", "PagefindError"]

INDEX_STROKE = "\u0335"
LANGUAGE = "vi"
OUTPUT_DIR = "pagefind"  # under the site folder; the browser loads pagefind/pagefind.js from there
# Words indexed per record: a page's first 2,000 words (a long procedure guide is about
# 1,500); the rest would only make the index, the fragment and Pagefind's memory grow.
MAX_WORDS = 2000

# What a result says it is, in the reader's words; also the values of the "type" filter.
TYPE_LABELS = {
    "news": "Tin, bài",
    "plan": "Kế hoạch",
    "procedure": "Thủ tục hành chính",
    "unit": "Đơn vị",
    "page": "Trang",
}

# Files Pagefind writes that the site does not use (its own UIs): not published.
_UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


def index_form(text: str) -> str:
    """A meta value as indexed: NFC, đ/Đ written as d/D + U+0335, which Pagefind folds to d."""
    return nfc(text).replace("đ", "d" + INDEX_STROKE).replace("Đ", "D" + INDEX_STROKE)


def display_form(text: str) -> str:
    """Undo ``index_form``: the Vietnamese text a reader sees."""
    return text.replace("d" + INDEX_STROKE, "đ").replace("D" + INDEX_STROKE, "Đ")


@dataclass
class SearchRecord:
    """One search result: a page's address, its words and what the result list shows of it.

    Everything here is normal Vietnamese text; ``write_index`` folds the words and puts
    the meta values in ``index_form``. ``content`` starts with the title line.
    """

    url: str  # relative to the site root, e.g. "tin-tuc/2024/hoi-nghi/"
    title: str
    content: str
    kind: str  # a key of TYPE_LABELS
    unit: str | None = None  # unit short name
    date: str | None = None  # dd/mm/yyyy
    sort_date: str | None = None  # yyyy-mm-dd, for "newest first"
    topics: list[str] = field(default_factory=list)  # topic names
    extra_meta: dict[str, str] = field(default_factory=dict)  # e.g. {"code": "1.005090"}
    keywords: list[str] = field(default_factory=list)  # right after the title: "Mã thủ tục 1.005090"

    @property
    def meta(self) -> dict[str, str]:
        """What a result shows besides its type and unit (those come from ``filters``).

        Pagefind searches meta values too, so only words worth finding are here: not
        the type or unit, which would make "đơn vị" or "tin" match every unit or news.
        """
        meta = {"title": self.title}
        if self.date:
            meta["date"] = self.date
        meta.update(self.extra_meta)
        return meta

    @property
    def filters(self) -> dict[str, list[str]]:
        filters = {"type": [TYPE_LABELS[self.kind]]}
        if self.unit:
            filters["unit"] = [self.unit]
        if self.topics:
            filters["topic"] = list(self.topics)
        if self.sort_date:
            filters["year"] = [self.sort_date[:4]]
        return filters

    @property
    def sort(self) -> dict[str, str]:
        return {"date": self.sort_date} if self.sort_date else {}

    def words(self) -> list[str]:
        """The record's words in order, as the reader wrote them (whitespace between them
        dropped), at most ``MAX_WORDS``."""
        title, _, rest = self.content.partition("\n")
        return nfc(" ".join([title, *self.keywords, rest])).split(maxsplit=MAX_WORDS)[:MAX_WORDS]


# -- text of the model's Markdown and of rendered pages ------------------------------------

_MD_RULES = [
    (re.compile(r"<[^>]+>"), " "),  # inline HTML
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep the alt text
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: keep the text
    (re.compile(r"\{[:#.][^}]*\}"), " "),  # attr_list
    (re.compile(r"^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+", re.M), ""),  # headings, quotes, list marks
    (re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", re.M), " "),  # table rules
    (re.compile(r"\|"), " "),
    (re.compile(r"(\*\*|__|\*|`)"), ""),
    (re.compile(r"\s+"), " "),
]


def markdown_text(markdown: str) -> str:
    """Plain words of a Markdown body, good enough to index (not to display)."""
    text = markdown
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text.strip()


class _TextParser(HTMLParser):
    _SKIP = {"script", "style", "template", "svg", "nav"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    """Visible words of an HTML fragment (a page's rendered Markdown)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


# -- records from the model ----------------------------------------------------------------


def _join(*parts: str | None) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _topic_names(site: Site, ids: list[str]) -> list[str]:
    return [site.topics[t].name for t in ids if t in site.topics]


def _unit_short(site: Site, unit_id: str, day) -> str | None:
    unit = site.units.get(unit_id)
    return unit.short_name_on(day) if unit else None


def _unit_words(site: Site, unit_id: str, day) -> str:
    """The unit's names, so "sở gddt hải phòng thủ tục" finds its items."""
    unit = site.units.get(unit_id)
    if unit is None:
        return ""
    return f"{unit.name_on(day)} ({unit.short_name_on(day)})"


def news_record(site: Site, item: NewsItem, url: str) -> SearchRecord:
    day = item.date.date()
    return SearchRecord(
        url=url, title=item.title, kind="news",
        content=_join(item.title, item.summary, markdown_text(item.body), _unit_words(site, item.unit, day)),
        unit=_unit_short(site, item.unit, day), date=show_date(item.date),
        sort_date=f"{item.date:%Y-%m-%d}", topics=_topic_names(site, item.topics),
    )


def plan_record(site: Site, plan: Plan, url: str) -> SearchRecord:
    tasks = " ".join(f"{t.no}. {t.title}. {t.details} {t.product}." for t in plan.tasks)
    return SearchRecord(
        url=url, title=plan.title, kind="plan",
        content=_join(plan.title, plan.summary,
                      " ".join(plan.legal_bases), markdown_text(plan.body), tasks,
                      _unit_words(site, plan.unit, plan.date)),
        unit=_unit_short(site, plan.unit, plan.date), date=show_date(plan.date),
        sort_date=plan.date.isoformat(), topics=_topic_names(site, plan.topics),
        extra_meta={"number": plan.number} if plan.number else {},
        keywords=[f"Số {plan.number}"] if plan.number else [],
    )


def procedure_record(site: Site, proc: Procedure, url: str) -> SearchRecord:
    change = proc.last_change
    history = " ".join(f"{CHANGE_LABELS[c.kind]} theo Quyết định số {c.decision} ngày {show_date(c.decision_date)}. "
                       f"{c.note}" for c in proc.history)
    sections = " ".join(f"{s.title}. {markdown_text(s.body)}" for s in proc.sections)
    return SearchRecord(
        url=url, title=proc.name, kind="procedure",
        content=_join(proc.name, f"Lĩnh vực {proc.field}",
                      LEVEL_LABELS.get(proc.level, proc.level), ONLINE_LABELS.get(proc.online, proc.online),
                      f"Thời hạn giải quyết: {proc.processing_time}", f"Phí, lệ phí: {proc.fees}",
                      sections, history, _unit_words(site, proc.unit, change.decision_date)),
        unit=_unit_short(site, proc.unit, change.decision_date), date=show_date(change.decision_date),
        sort_date=change.decision_date.isoformat(), topics=_topic_names(site, proc.topics),
        extra_meta={"code": proc.code, "change": CHANGE_LABELS[change.kind]},
        keywords=[f"Mã thủ tục {proc.code}"],
    )


def unit_record(site: Site, unit: Unit, url: str) -> SearchRecord:
    former = " ".join(f"{f.name} ({f.short_name})" for f in unit.former_names)
    parent = site.units.get(unit.parent) if unit.parent else None
    return SearchRecord(
        url=url, title=unit.name, kind="unit",
        content=_join(unit.name, unit.short_name, UNIT_KINDS.get(unit.kind, ""),
                      f"Trực thuộc {parent.name}" if parent else None,
                      f"Đường dây nóng: {unit.hotline}" if unit.hotline else None,
                      f"Thư điện tử: {unit.email}" if unit.email else None,
                      f"Địa chỉ: {unit.address}" if unit.address else None,
                      f"Trang thông tin điện tử: {unit.website}" if unit.website else None,
                      f"Tên cũ: {former}" if former else None),
        unit=unit.short_name,
    )


def page_record(url: str, title: str, html: str) -> SearchRecord:
    """A hand-written page of docs/ (its rendered HTML)."""
    text = html_text(html)
    if not text.startswith(title):  # the page's own heading usually is its title
        text = _join(title, text)
    else:
        text = title + "\n" + text[len(title):].strip()
    return SearchRecord(url=url, title=title, kind="page", content=text)


def records_for_site(site: Site, pages: list[tuple[str, str, str]]) -> list[SearchRecord]:
    """Records for the generated pages that show one item or one unit.

    ``pages`` lists ``(kind, id, url)`` of the pages built (kind: news, plan, procedure,
    unit); an id the model does not know is skipped. Listing pages (home, topics, years)
    are not given here: they repeat the titles of the items they list and would crowd
    the results.
    """
    by_kind: dict[str, dict] = {
        "news": {n.id: n for n in site.news},
        "plan": {p.id: p for p in site.plans},
        "procedure": {p.id: p for p in site.procedures},
        "unit": site.units,
    }
    makers = {"news": news_record, "plan": plan_record, "procedure": procedure_record, "unit": unit_record}
    first_url: dict[tuple[str, str], str] = {}
    for kind, item_id, url in pages:  # a unit's column has several pages: keep its first
        if item_id in by_kind.get(kind, {}):
            known = first_url.get((kind, item_id))
            if known is None or (len(url), url) < (len(known), known):
                first_url[(kind, item_id)] = url
    return [makers[kind](site, by_kind[kind][item_id], url) for (kind, item_id), url in first_url.items()]


# -- the Pagefind service -------------------------------------------------------------------


@dataclass
class IndexStats:
    records: int
    seconds: float
    bytes: int  # the whole bundle on disk
    path: Path


class PagefindError(RuntimeError):
    """The Pagefind binary is missing, stopped, or refused a request."""


def _pagefind_binary() -> str:
    from pagefind.service import get_executable  # the pagefind package; the binary is pagefind_bin's

    binary = get_executable()
    if binary is None:
        raise PagefindError("the pagefind binary was not found (install pagefind[bin] from requirements.txt)")
    return str(binary)


class _Service:
    """A client of ``pagefind --service``, the backend of Pagefind's Python API.

    ``pagefind.index.PagefindIndex`` (1.5.2) waits 0.1 s before reading each reply,
    which makes 1,000 records take 100 s. This client speaks the same protocol (one
    base64 JSON message per request, ended by a comma, and one reply per request)
    but writes all requests from a thread and reads replies as they come: 5,000
    records take about a second. Pinned with pagefind[bin] in requirements.txt.
    """

    def __init__(self) -> None:
        self._proc = subprocess.Popen([_pagefind_binary(), "--service"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._next_id = 0

    def _message(self, payload: dict) -> bytes:
        self._next_id += 1
        return base64.b64encode(json.dumps({"message_id": self._next_id, "payload": payload}).encode()) + b","

    def _replies(self, count: int):
        assert self._proc.stdout is not None
        buffer = b""
        while count:
            chunk = self._proc.stdout.read1(1 << 16)
            if not chunk:
                raise PagefindError("pagefind stopped before answering")
            buffer += chunk
            *done, buffer = buffer.split(b",")
            for raw in done:
                reply = json.loads(base64.b64decode(raw))
                payload = (reply or {}).get("payload") or {}
                if payload.get("type") == "Error":
                    raise PagefindError(payload.get("message", "unknown error"))
                count -= 1
                yield payload

    def run(self, payloads, count: int | None = None) -> list[dict]:
        """Send ``payloads`` in order and return the replies.

        ``payloads`` may be a generator (then ``count`` says how many it yields): each
        message is made and written by the writer thread while Pagefind answers the
        earlier ones, so the requests are never all in memory at once.
        """
        if count is None:
            payloads = list(payloads)
            count = len(payloads)
        assert self._proc.stdin is not None
        failed: list[BaseException] = []

        def feed() -> None:
            try:
                for payload in payloads:
                    self._proc.stdin.write(self._message(payload))
                self._proc.stdin.flush()
            except BrokenPipeError:
                pass  # the reader reports that pagefind stopped
            except BaseException as exc:  # a bad record: stop Pagefind so the reader stops too
                failed.append(exc)
                self._proc.kill()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        try:
            replies = list(self._replies(count))
        except PagefindError:
            writer.join()
            if failed:
                raise failed[0] from None
            raise
        writer.join()
        return replies

    def close(self) -> None:
        try:
            if self._proc.stdin:
                self._proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout:
            self._proc.stdout.close()


def _fold_table() -> dict[int, str]:
    """``str.translate`` table doing ``fold`` for every precomposed letter (fast path)."""
    table: dict[int, str] = {}
    for cp in range(0xC0, 0x2000):
        ch = chr(cp)
        folded = fold(ch)
        if folded != ch.lower():
            table[cp] = folded
    return table


_FOLD = _fold_table()
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fast_fold(text: str) -> str:
    """``fold(text)``, about ten times faster on NFC text (the model is NFC)."""
    folded = text.translate(_FOLD).lower()
    if _COMBINING.search(folded) or not folded.isascii() and folded != fold(folded):
        return fold(text)
    return folded


def folded_words(words: list[str]) -> str:
    """What Pagefind indexes: each word folded, one for one (an all-mark word becomes "_")."""
    joined = fast_fold(" ".join(words))
    if joined.count(" ") == len(words) - 1 and "  " not in joined and joined == joined.strip(" "):
        return joined
    return " ".join(fold(w) or "_" for w in words)


# -- the restore code: what folding took away, in characters Pagefind does not index ------
#
# Per word, in order: nothing (the word is written as the last time the same folded word
# came on this page; the first time: the folded word itself), "|" (the folded word
# itself), or the changes to its letters; then "~". A change is a position symbol (the
# letter's index, 0-23) and a class
# symbol (which of the 29 mark combinations: a vowel mark or đ, and a tone); "^" before
# the changes means "capital first letter", "`" means "all capitals". A word these cannot
# describe (a letter after the 24th, other marks, mixed case) is "{" and its code points,
# five position symbols each. Trailing "~" are dropped. ASCII punctuation only: Pagefind
# finds no word in it (tests/test_search.py checks), so the meta value is stored in the
# fragment but not searched.

_CODE_ALPHABET = "!#$%&'()*+,-./:;<=>?@[]^`{|}~"  # 29 symbols: the class symbols
_END, _CAP, _UPPER, _RAW, _PLAIN = "~", "^", "`", "{", "|"
_POS = "".join(c for c in _CODE_ALPHABET if c not in (_END, _CAP, _UPPER, _RAW, _PLAIN))  # 24 symbols
_MODS = ("", "\u0302", "\u0306", "\u031b")  # none, circumflex (â ê ô), breve (ă), horn (ơ ư); 4 = đ
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none, huyền, sắc, hỏi, ngã, nặng
_STROKE = 4


def _restore_letter(base: str, cls: int) -> str:
    mod, tone = divmod(cls, len(_TONES))
    if mod == _STROKE:
        return "đ" + _TONES[tone]
    return unicodedata.normalize("NFC", base + _MODS[mod] + _TONES[tone])


def _restore_word(folded: str, code: str) -> str:
    """The original of one folded word from its code (``code`` without the final "~")."""
    if code.startswith(_RAW):
        digits = [_POS.index(c) for c in code[1:]]
        points = [sum(d * len(_POS) ** (4 - k) for k, d in enumerate(digits[i:i + 5]))
                  for i in range(0, len(digits), 5)]
        return "".join(chr(cp) for cp in points)
    case = code[:1] if code[:1] in (_CAP, _UPPER) else ""
    letters = list(folded)
    body = code[len(case):]
    for i in range(0, len(body) - 1, 2):
        at = _POS.index(body[i])
        letters[at] = _restore_letter(letters[at], _CODE_ALPHABET.index(body[i + 1]) + 1)
    word = "".join(letters)
    if case == _CAP:
        return word[:1].upper() + word[1:]
    return word.upper() if case == _UPPER else word


def _raw_code(word: str) -> str:
    n = len(_POS)
    return _RAW + "".join("".join(_POS[cp // n ** (4 - k) % n] for k in range(5)) for cp in map(ord, word))


@functools.lru_cache(maxsize=1 << 16)
def _word_code(original: str, folded: str) -> str:
    if original == folded:
        return ""
    if len(original) == len(folded):
        changes = []
        for i, (letter, base) in enumerate(zip(original.lower(), folded, strict=False)):
            if letter == base:
                continue
            if i >= len(_POS):
                break
            if letter == "đ":
                cls = _STROKE * len(_TONES)
            else:
                decomposed = unicodedata.normalize("NFD", letter)
                marks = decomposed[1:]
                if decomposed[0] != base or len(marks) > 2:
                    break
                mods = [_MODS.index(m) for m in marks if m in _MODS[1:]]
                tones = [_TONES.index(m) for m in marks if m in _TONES[1:]]
                if len(mods) > 1 or len(tones) > 1 or len(mods) + len(tones) != len(marks):
                    break
                cls = (mods[0] if mods else 0) * len(_TONES) + (tones[0] if tones else 0)
                if not cls:
                    break
            changes.append(_POS[i] + _CODE_ALPHABET[cls - 1])
        else:
            for case in ("", _CAP, _UPPER):
                code = case + "".join(changes)
                if _restore_word(folded, code) == original:
                    return code
    return _raw_code(original)


def restore_code(words: list[str], folded: str | None = None) -> str:
    """The code that turns ``folded_words(words)`` back into ``words`` (see ``restore``)."""
    if not words:
        return ""
    folded_list = (folded if folded is not None else folded_words(words)).split(" ")
    last: dict[str, str] = {}
    parts = []
    for word, base in zip(words, folded_list, strict=True):
        code = _word_code(word, base)
        if code == last.get(base, ""):
            parts.append(_END)
        else:
            parts.append((code or _PLAIN) + _END)
            last[base] = code
    return "".join(parts).rstrip(_END)


def restore(folded: str, code: str) -> list[str]:
    """The original words from the folded ones and their ``restore_code`` (as the browser does)."""
    codes = code.split(_END)
    last: dict[str, str] = {}
    words = []
    for i, base in enumerate(folded.split(" ")):
        word_code = codes[i] if i < len(codes) else ""
        if not word_code:
            word_code = last.get(base, "")
        elif word_code == _PLAIN:
            word_code = ""
        last[base] = word_code
        words.append(_restore_word(base, word_code))
    return words


# -- writing the Pagefind bundle -----------------------------------------------------------


def _payloads(records: list[SearchRecord], index_id: str):
    for rec in records:
        words = rec.words()
        folded = folded_words(words)
        meta = {k: index_form(v) for k, v in rec.meta.items()}
        code = restore_code(words, folded)
        if code:
            meta["r"] = code
        yield {"type": "AddRecord", "index_id": index_id, "url": "/" + rec.url.lstrip("/"), "content": folded,
               "language": LANGUAGE, "meta": meta, "filters": rec.filters, "sort": rec.sort or None}


def _write(records: list[SearchRecord], out: Path) -> None:
    service = _Service()
    try:
        (created,) = service.run([{"type": "NewIndex", "config": {"force_language": LANGUAGE}}])
        index_id = created["index_id"]
        service.run(_payloads(records, index_id), len(records))
        service.run([{"type": "WriteFiles", "index_id": index_id, "output_path": str(out)}])
    finally:
        service.close()  # Pagefind exits: its memory (the whole index) is freed here


def write_index(records: list[SearchRecord], site_dir: Path) -> IndexStats:
    """Write the Pagefind bundle for ``records`` to ``site_dir/pagefind/`` (replacing any old one).

    Records go to Pagefind as custom records made from the model rather than by letting
    Pagefind read the built pages (``data-pagefind-*`` attributes): measured with
    ``scripts/measure-search --compare``, the two take the same time, but only records
    let the index hold folded words while the pages show accented ones, which is what
    keeps the first query small; and the pages' templates need no search markup. It
    also means the index can be written while the pages are rendered (``Indexer``).
    """
    started = time.perf_counter()
    out = Path(site_dir) / OUTPUT_DIR
    if out.exists():
        shutil.rmtree(out)
    _write(records, out)
    for name in _UNUSED_BUNDLE_FILES:
        (out / name).unlink(missing_ok=True)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return IndexStats(len(records), time.perf_counter() - started, size, out)


class Indexer:
    """``write_index`` in a background thread: started as soon as the records are known,
    waited for at the end of the build.

    Pagefind is another process and the thread mostly waits on it, so the index is
    written on the second core while the pages are rendered; the Python work of making
    the requests (folding, JSON) is the only part that shares the interpreter.
    ``make_records`` is called in the thread.
    """

    def __init__(self, make_records, site_dir: Path) -> None:
        self._make_records = make_records
        self._site_dir = Path(site_dir)
        self._result: IndexStats | BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="cchc-search-index", daemon=True)
        self.started = time.perf_counter()

    def start(self) -> Indexer:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self._result = write_index(self._make_records(), self._site_dir)
        except BaseException as exc:  # handed to wait()
            self._result = exc

    def wait(self) -> IndexStats:
        """The bundle's figures once it is written; raises what writing it raised."""
        self._thread.join()
        if isinstance(self._result, BaseException):
            raise self._result
        assert self._result is not None
        return self._result
