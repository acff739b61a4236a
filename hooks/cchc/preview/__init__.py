"""The preview of ``mkdocs serve``: an edit to a news item's title, summary or body is
shown on its page first, then on the pages that list it, in its feeds and in search,
without rebuilding every page (``live`` keeps what the last build made; ``changes``
decides what an edit touches). Plain Python: the hook module does the MkDocs calls.
"""
