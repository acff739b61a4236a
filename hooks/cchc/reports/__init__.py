"""Reports units must file: the data (``data``), as Word (``docx``) and Excel (``xlsx``)."""

from __future__ import annotations

from collections.abc import Callable

from cchc import urls
from cchc.content.model import NewsItem, Plan, Site
from cchc.reports.data import Link, plan_report
from cchc.reports.docx import report_docx
from cchc.reports.xlsx import report_xlsx
from cchc.strings import DEFAULT, Strings


def plan_report_later(site: Site, plan: Plan, link: Link, strings: Strings = DEFAULT,
                      cited: dict[str, list[NewsItem]] | None = None) -> tuple[list[str], Callable[[], list[bytes]]]:
    """The site paths of ``plan``'s current report, the .docx and the .xlsx its page offers,
    and the function that makes their bytes (a build calls it in a child process: ``cchc.forked``).

    ``cited``: the evidence of every task (``TaskIndex.cited``), when the caller has it.
    """
    def make() -> list[bytes]:
        report = plan_report(site, plan, link, strings, cited)
        return [report_docx(report), report_xlsx(report)]

    return [urls.plan_report_docx(plan), urls.plan_report_xlsx(plan)], make


def plan_report_files(site: Site, plan: Plan, link: Link, strings: Strings = DEFAULT,
                      cited: dict[str, list[NewsItem]] | None = None) -> list[tuple[str, bytes]]:
    """The current report of ``plan`` as (site path, bytes), made now."""
    srcs, make = plan_report_later(site, plan, link, strings, cited)
    return list(zip(srcs, make(), strict=True))
