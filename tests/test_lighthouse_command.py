"""cchc lighthouse: what it reads from Lighthouse's reports and what it counts as a miss.

The reports here are cut down to the fields the command reads, in Lighthouse 12's JSON
layout; the real runs are made by ``cchc lighthouse`` itself (too long for CI).
"""

from __future__ import annotations

from cchc.commands.lighthouse import misses, summarise, table


def report(url: str, scores: dict[str, float], console: list[dict] | None = None, status_ok: bool = True) -> dict:
    audits = {
        "first-contentful-paint": {"id": "first-contentful-paint", "numericValue": 1200.0, "score": 0.9},
        "largest-contentful-paint": {"id": "largest-contentful-paint", "numericValue": 1600.0, "score": 0.9},
        "total-blocking-time": {"id": "total-blocking-time", "numericValue": 30.0, "score": 1},
        "cumulative-layout-shift": {"id": "cumulative-layout-shift", "numericValue": 0.0, "score": 1},
        "errors-in-console": {"id": "errors-in-console", "title": "Browser errors were logged to the console",
                              "score": 0 if console else 1, "scoreDisplayMode": "binary",
                              "details": {"items": console or []}},
        "http-status-code": {"id": "http-status-code", "title": "Page has unsuccessful HTTP status code",
                             "score": 1 if status_ok else 0, "scoreDisplayMode": "binary"},
        "color-contrast": {"id": "color-contrast", "title": "Background and foreground colors do not have a "
                           "sufficient contrast ratio.", "score": 1 if scores["accessibility"] == 1 else 0,
                           "scoreDisplayMode": "binary"},
    }
    refs = {
        "performance": [{"id": k, "weight": 10, "group": "metrics"} for k in list(audits)[:4]],
        "accessibility": [{"id": "color-contrast", "weight": 7}],
        "best-practices": [{"id": "errors-in-console", "weight": 1}],
        "seo": [{"id": "http-status-code", "weight": 1}],
    }
    return {"finalDisplayedUrl": url, "audits": audits,
            "categories": {c: {"score": scores[c], "auditRefs": refs[c]} for c in refs}}


PERFECT = {"performance": 0.99, "accessibility": 1, "best-practices": 1, "seo": 1}


def test_the_404_page_own_status_is_no_fault_but_anything_else_is():
    url = "http://127.0.0.1:8000/khong-co-trang-nay/"
    own = [{"description": "Failed to load resource: the server responded with a status of 404 (Not Found)",
            "sourceLocation": {"url": url}}]
    runs = [summarise(report(url, {**PERFECT, "best-practices": 0.96, "seo": 0.9}, own, status_ok=False))]
    assert runs[0]["failed"] == ["best-practices: errors-in-console (the page's own 404 status)",
                                 "seo: http-status-code (Page has unsuccessful HTTP status code)"]
    assert misses([{"kind": "404", "path": "khong-co-trang-nay/", "runs": runs}]) == []
    # the same audits on another page are misses
    assert misses([{"kind": "home", "path": "", "runs": runs}]) == [
        "home: best-practices 96 < 100 in 1 of 1 runs", "home: seo 90 < 100 in 1 of 1 runs"]
    # a console error from another file is a miss on the 404 page too
    other = [{"description": "Failed to load resource: 404", "sourceLocation": {"url": url + "x.js"}}]
    runs = [summarise(report(url, {**PERFECT, "best-practices": 0.96}, other))]
    assert misses([{"kind": "404", "path": "khong-co-trang-nay/", "runs": runs}]) == [
        "404: best-practices 96 < 100 in 1 of 1 runs"]


def test_misses_count_runs_below_target_and_the_table_shows_every_run():
    url = "http://127.0.0.1:8000/"
    runs = [summarise(report(url, {**PERFECT, "performance": p})) for p in (0.99, 0.94, 0.97)]
    runs.append(summarise(report(url, {**PERFECT, "accessibility": 0.93})))
    page = {"kind": "home", "path": "", "runs": runs}
    assert misses([page]) == ["home: performance 94 < 95 in 1 of 4 runs",
                              "home: accessibility 93 < 100 in 1 of 4 runs"]
    lines = table([page]).splitlines()
    assert lines[2].startswith("| home | `/` | 99 94 97 99 | 100 100 100 93 | 100 100 100 100 | 100 100 100 100 "
                               "| 1.2 s |")
    assert "- home: accessibility: color-contrast (Background and foreground colors do not have a sufficient " \
           "contrast ratio.)" in lines
