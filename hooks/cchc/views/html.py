"""Post-processing of a rendered page's HTML (the markup itself is in the Jinja templates)."""

from __future__ import annotations

import re

_INDENT = re.compile(r"\n\s+")


def compact(page_html: str) -> str:
    """Drop the indentation and blank lines of a rendered page (a fifth of its bytes).

    Every run of whitespace keeps one newline, so the text reads the same; a page with
    ``<pre>`` or ``<textarea>``, where whitespace is content, is left as it is.
    """
    if "<pre" in page_html or "<textarea" in page_html:
        return page_html
    return _INDENT.sub("\n", page_html)
