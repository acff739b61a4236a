"""Vietnamese text helpers: NFC, ASCII slugs, diacritic folding, dates, encoding checks."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

from markdown.extensions.toc import slugify as _markdown_slugify

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# XML 1.0 forbids these; Word pastes U+000B for a manual line break.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")

# Letters that Vietnamese never uses but that TCVN3 (ABC) and VNI text shows when it
# is read as Latin-1/Windows-1252: "Céng hßa", "Vieät Nam", "Th¸i".
_LEGACY_CHARS = "äëïöüÿåæçñøßþðÐÞÄËÏÖÜÅÆÇÑØ¸µ¶·¹¨®¬¯±²³´½¾¼ÌÎ"
_LEGACY = re.compile(
    f"[A-Za-z][{_LEGACY_CHARS}]|[{_LEGACY_CHARS}][A-Za-z]"
)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form search and sorting rely on."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip Vietnamese diacritics, đ included ("Đơn" -> "don")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).lower()


def slugify(text: str, max_length: int = 80) -> str:
    """Return an ASCII URL slug: "Đào tạo 2024" -> "dao-tao-2024"."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def heading_slug(value: str, separator: str = "-") -> str:
    """The id of a heading: Python-Markdown's ``toc`` slug with đ -> d, which it would drop
    ("Đối tượng thực hiện" -> "doi-tuong-thuc-hien", not "oi-tuong-thuc-hien")."""
    return _markdown_slugify(value.replace("đ", "d").replace("Đ", "D"), separator)


IDENT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_ident(value: str) -> bool:
    """True for an ASCII id such as ``hp-so-gddt``."""
    return bool(IDENT.match(value))


def forbidden_chars(line: str) -> list[str]:
    """Characters in ``line`` that XML 1.0 does not allow (tabs and newlines are fine)."""
    return [c for c in _FORBIDDEN.findall(line) if c not in "\t\n\r"]


def looks_like_legacy_encoding(line: str) -> bool:
    """True when ``line`` looks like TCVN3/VNI Vietnamese pasted as Unicode."""
    return bool(_LEGACY.search(line))


def body_repeats_lead(body: str, lead: str) -> bool:
    """Whether a body's first paragraph begins with its lead (summary): the editor pasted the
    lead into the body too, or cut it from there (with "..."). The page then shows it once."""
    first = " ".join(body.strip().split("\n\n", 1)[0].split())
    start = " ".join(lead.split()).rstrip(".…").rstrip()
    return len(start) >= 20 and first.startswith(start)


def show_seconds(value: float) -> str:
    """Seconds as Vietnamese writes a decimal: 0.57 -> "0,57"."""
    return f"{value:.2f}".replace(".", ",")


def show_date(value: date | datetime) -> str:
    """Format a date the Vietnamese way: dd/mm/yyyy.

    A date the document gives without its day (``content.model.DocDate``) is shown as
    the document has it: "tháng 3/2022", or "năm 2022" without the month.
    """
    if isinstance(value, datetime):
        value = value.astimezone(VN_TZ)
    precision = getattr(value, "precision", "day")
    if precision == "month":
        return f"tháng {value.month}/{value.year}"
    if precision == "year":
        return f"năm {value.year}"
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def show_dated(value: date) -> str:
    """A date after a noun: "ngày 18/01/2018", or "tháng 3/2022" when the day is not known."""
    text = show_date(value)
    return text if getattr(value, "precision", "day") != "day" else f"ngày {text}"


def show_datetime(value: datetime) -> str:
    """Format a date and time in Vietnam time: ``08:30 05/03/2024``."""
    local = value.astimezone(VN_TZ)
    return f"{local:%H:%M} {show_date(local)}"


def start_of_day(value: date) -> datetime:
    """Midnight of ``value`` in Vietnam time."""
    return datetime(value.year, value.month, value.day, tzinfo=VN_TZ)
