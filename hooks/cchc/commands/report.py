"""`cchc report --unit ID --period 2023-Q2`: write the report a unit must file.

Writes ``bao-cao-<unit>-<period>.docx`` (the usual "Báo cáo kết quả thực hiện" layout)
and the same data as ``.xlsx`` into ``--out`` (default: the current folder). The period
is a quarter (``2023-Q2``), a half-year (``2023-H1``) or a year (``2023``); statuses are
taken on the period's last day, or on the build date when the period is not over.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc import urls
from cchc.config import ConfigError, read_config
from cchc.content.loader import load_site
from cchc.content.reporting import parse_period
from cchc.reports.data import unit_report
from cchc.reports.docx import report_docx
from cchc.reports.xlsx import report_xlsx


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc report",
                                     description="Write a unit's report for a period as .docx and .xlsx.")
    parser.add_argument("--unit", required=True, help="the unit's id, as in content/units.yml (e.g. hp-gddt-van-phong)")
    parser.add_argument("--period", required=True, help="2023-Q2 (a quarter), 2023-H1 (a half-year) or 2023 (a year)")
    parser.add_argument("--out", default=".", help="the folder to write the two files into (default: here)")
    parser.add_argument("--root", default=".", help="the site folder, holding mkdocs.yml (default: here)")
    args = parser.parse_args(argv)
    try:
        period = parse_period(args.period)
        config = read_config(Path(args.root))
        build_time = config.build_time()
    except (ValueError, ConfigError) as exc:
        print(f"cchc report: {exc}", file=sys.stderr)
        return 2
    result = load_site(config.root, build_time, config.docs_dir)
    if result.site is None:
        for problem in result.problems.sorted():
            if problem.severity == "error":
                print(problem, file=sys.stderr)
        print("cchc report: the content has errors (see above; `cchc check` lists them all)", file=sys.stderr)
        return 1
    site = result.site
    if args.unit not in site.units:
        import difflib
        close = difflib.get_close_matches(args.unit, list(site.units), n=1)
        hint = f" Did you mean '{close[0]}'?" if close else " See content/units.yml."
        print(f"cchc report: no unit with id '{args.unit}'.{hint}", file=sys.stderr)
        return 2
    report = unit_report(site, args.unit, period, lambda item: config.site_url + urls.item_url(item))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"bao-cao-{args.unit}-{period.code}"
    (out / f"{stem}.docx").write_bytes(report_docx(report))
    (out / f"{stem}.xlsx").write_bytes(report_xlsx(report))
    print(f"{out / stem}.docx, .xlsx: {len(report.lines)} task(s) of {report.unit}, {period.label}, "
          f"status on {report.as_of:%d/%m/%Y}")
    return 0
