"""Same data, same bytes: Word and Excel files with fixed timestamps inside the zip.

python-docx and openpyxl stamp every zip member with the clock, and openpyxl writes
the clock as the workbook's modification time; a rebuild of the same content would
then publish different bytes. ``fixed_zip`` rewrites both with the report's own date.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def fixed_zip(data: bytes, day: date) -> bytes:
    """``data`` (a zip file) with every member dated ``day`` at midnight, content unchanged."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=(day.year, day.month, day.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = member.external_attr
            content = source.read(member.filename)
            if member.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + f"{day:%Y-%m-%d}T00:00:00Z".encode() + rb"\g<2>", content)
            target.writestr(info, content)
    return out.getvalue()
