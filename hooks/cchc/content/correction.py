"""The ``updated:`` field of a news item or plan: the editor's record of a correction.

Written either as a date (``updated: 2024-03-06 10:00``) or with a short note::

    updated:
      date: 2024-03-06 10:00
      note: Sửa số điện thoại đường dây nóng.

Feeds give the entry this update date (its id does not change) and the item's page
shows "Cập nhật ngày ...".
"""

from __future__ import annotations

from datetime import datetime

from yaml.nodes import MappingNode

from cchc.content.model import Correction
from cchc.content.source import Fields
from cchc.text import VN_TZ, show_date, show_datetime

CORRECTION_NOTE_MAX = 200  # characters: a short note, shown in feeds and on the page


def read_correction(f: Fields, published: datetime | None, build_time: datetime) -> Correction | None:
    """``updated: 2024-03-06 10:00`` or ``updated: {date: ..., note: ...}``: the item was corrected.

    The date is checked like any date; it may not come before the item's own date nor
    after the day of the build (unless the item itself is scheduled for later).
    """
    if not f.has("updated"):
        return None
    owner, key, note = f, "updated", ""
    if isinstance(f._map["updated"][1], MappingNode):
        owner, key = f.mapping("updated"), "date"
        assert owner is not None
        owner.check_known({"date", "note"})
        note = owner.text("note") or ""
        if len(note) > CORRECTION_NOTE_MAX:
            owner._report(owner.line_of("note"), "note", "correction_note_long", size=len(note),
                          limit=CORRECTION_NOTE_MAX)
    when = owner.datetime(key, True)
    if when is None:
        return None
    if published is not None and when < published:
        owner._report(owner.line_of(key), key, "correction_before", when=show_datetime(when),
                      published=show_datetime(published))
        return None
    today = build_time.astimezone(VN_TZ).date()
    if (published is None or published <= build_time) and when.date() > today:
        owner._report(owner.line_of(key), key, "correction_future", when=show_date(when), today=show_date(today))
        return None
    return Correction(date=when, note=note)


def correction_line(correction: Correction | None) -> str:
    """What readers see of a correction: ``Cập nhật ngày 06/03/2024: <note>.`` ("" when none).

    Feeds add it to the entry's summary and content; an item's page shows the same line.
    """
    if correction is None:
        return ""
    note = correction.note.rstrip(".")
    return f"Cập nhật ngày {show_date(correction.date)}" + (f": {note}." if note else ".")
