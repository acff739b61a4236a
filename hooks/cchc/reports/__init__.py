"""Reports units must file: the data (``data``), as Word (``docx``) and Excel (``xlsx``)."""

from __future__ import annotations

from cchc import urls
from cchc.content.model import NewsItem, Plan, Site
from cchc.reports.data import Link, plan_report
from cchc.reports.docx import report_docx
from cchc.reports.xlsx import report_xlsx
from cchc.strings import DEFAULT, Strings


def plan_report_files(site: Site, plan: Plan, link: Link, strings: Strings = DEFAULT,
                      cited: dict[str, list[NewsItem]] | None = None) -> list[tuple[str, bytes]]:
    """The current report of ``plan`` as (site path, bytes): the .docx and the .xlsx its page offers.

    ``cited``: the evidence of every task (``TaskIndex.cited``), when the caller has it.
    """
    report = plan_report(site, plan, link, strings, cited)
    return [(urls.plan_report_docx(plan), report_docx(report)), (urls.plan_report_xlsx(plan), report_xlsx(report))]
