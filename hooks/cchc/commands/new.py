"""`cchc new news|plan|procedure "Title" --unit ID`: scaffold a new content file from ``scaffolds/``.

The file goes where the loader looks for it (news/<year>/, plans/, procedures/), its
id and file name are an ASCII slug of the title (news ids start with the date), and
it is written as a draft, so it passes `cchc check` at once and is not published
before the editor has filled it in and removed `draft: true`. An existing file is
never overwritten; the unit and topics must exist.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from datetime import datetime
from pathlib import Path
from string import Template

from cchc.config import ConfigError, SiteConfig, read_config
from cchc.content.loader import load_reference_data
from cchc.text import VN_TZ, nfc, show_date, slugify

TEMPLATES = Path(__file__).resolve().parent / "scaffolds"
DEFAULT_TOPICS = {
    "news": "chi-dao-dieu-hanh",
    "plan": "chi-dao-dieu-hanh",
    "procedure": "cai-cach-thu-tuc-hanh-chinh",
}
LEVELS = ("tỉnh", "huyện", "xã")
CODE = re.compile(r"^\d\.\d{6}$")

NEXT_STEPS = {
    "news": [
        "summary: một hoặc hai câu tóm tắt tin",
        "topics: các chủ đề của tin (mã trong content/topics.yml)",
        "nội dung tin, bài sau dòng '---' thứ hai",
        "tasks: (nếu có) nhiệm vụ kế hoạch mà tin này thực hiện, dạng \"ma-ke-hoach#1\"",
    ],
    "plan": [
        "number: số kế hoạch trong dấu ngoặc kép, ví dụ \"123/KH-SGDĐT\"",
        "period: ngày bắt đầu và kết thúc của kế hoạch",
        "legal_bases, summary: căn cứ và tóm tắt",
        "tasks: danh mục nhiệm vụ (no, title, lead, support, time, product)",
        "nội dung kế hoạch sau dòng '---' thứ hai",
    ],
    "procedure": [
        "code: mã TTHC trên Cổng Dịch vụ công quốc gia, trong dấu ngoặc kép",
        "field, online, portal_url, processing_time, fees",
        "history: số và ngày của quyết định công bố",
        "nội dung của từng mục '## ...' (trình tự, cách thức, hồ sơ, ...)",
    ],
}


class Refused(Exception):
    """A reason not to write the file, in words an editor can act on."""


def parse_when(raw: str | None, now: datetime | None = None) -> datetime:
    """Read --date (YYYY-MM-DD or 'YYYY-MM-DD HH:MM'); default: ``now`` (the build's now), in Vietnam time."""
    if not raw:
        return (now or datetime.now(VN_TZ)).replace(second=0, microsecond=0)
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw.strip(), pattern).replace(tzinfo=VN_TZ)
        except ValueError:
            continue
    raise Refused(f"--date: expected YYYY-MM-DD or 'YYYY-MM-DD HH:MM', got '{raw}' (e.g. 2024-03-05 08:30)")


def yaml_text(value: str) -> str:
    """A YAML double-quoted string: safe for any title (colons, quotes, '#', numbers)."""
    return json.dumps(value, ensure_ascii=False)


def scaffold(kind: str, title: str, unit: str, root: Path, topics: list[str] | None = None,
             when: datetime | None = None, code: str | None = None, level: str = "tỉnh",
             config: SiteConfig | None = None) -> Path:
    """Write a new ``kind`` file under ``root/content`` and return its path; raise Refused instead."""
    title = nfc(" ".join(title.split()))
    if not title:
        raise Refused("the title is empty: write it in quotes, e.g. \"Hội nghị triển khai CCHC năm 2024\"")
    config = config or read_config(root)
    when = when or parse_when(None, config.build_time())
    units, groups, known_topics, problems = load_reference_data(root, config.build_time(), config.docs_dir)
    if problems.errors:
        raise Refused("content/units.yml or content/topics.yml has errors; run cchc check and fix them first")
    if unit not in units:
        close = difflib.get_close_matches(unit, list(units), n=1)
        hint = f"did you mean '{close[0]}'?" if close else "see the ids in content/units.yml"
        raise Refused(f"--unit: no unit with id '{unit}' ({hint})")
    ended = units[unit].ended
    if ended and when.date() >= ended.date:
        instead = f"use '{ended.successor}'" if ended.successor else "use the unit that took over its work"
        raise Refused(f"--unit: unit '{unit}' ended on {show_date(ended.date)} ({instead})")
    topics = topics or [DEFAULT_TOPICS[kind] if DEFAULT_TOPICS[kind] in known_topics else next(iter(known_topics))]
    for topic in topics:
        if topic not in known_topics:
            close = difflib.get_close_matches(topic, list(known_topics), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "see the ids in content/topics.yml"
            raise Refused(f"--topic: no topic with id '{topic}' ({hint})")
    if code is not None and not CODE.match(code):
        raise Refused(f"--code: '{code}' is not a national procedure code (e.g. 1.005090)")
    if level not in LEVELS:
        raise Refused(f"--level: write one of {', '.join(LEVELS)}")

    slug = slugify(title, max_length=60)
    if not slug:
        raise Refused("the title has no letters or digits to make a file name from")
    if kind == "news":
        item_id = f"{when:%Y-%m-%d}-{slug}"
        folder = root / "content" / "news" / f"{when:%Y}"
    else:
        item_id = slug
        folder = root / "content" / ("plans" if kind == "plan" else "procedures")
    target = folder / f"{item_id}.md"
    base = root / "content" / ("news" if kind == "news" else folder.name)
    clash = [p for p in base.rglob(f"{item_id}.md")] if base.is_dir() else []
    if target.exists() or clash:
        shown = (clash[0] if clash else target).relative_to(root).as_posix()
        raise Refused(f"{shown} already exists; nothing was written (choose another title, or edit that file)")

    values = {
        "id": item_id,
        "title": yaml_text(title),
        "datetime": f"{when:%Y-%m-%d %H:%M}",
        "date": f"{when:%Y-%m-%d}",
        "year": f"{when:%Y}",
        "unit": unit,
        "topics": "[" + ", ".join(topics) + "]",
        "code": code or "1.000000",
        "level": level,
    }
    text = Template((TEMPLATES / f"{kind}.md").read_text(encoding="utf-8")).substitute(values)
    folder.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
        out.write(text)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc new",
                                     description="Create a news item, plan or procedure from a template.")
    parser.add_argument("kind", choices=["news", "plan", "procedure"], help="what to create")
    parser.add_argument("title", help="the title (the name of a procedure), in quotes")
    parser.add_argument("--unit", required=True, help="id of the unit in content/units.yml, e.g. hp-so-gddt")
    parser.add_argument("--topic", action="append", help="a topic id from content/topics.yml (repeat for more)")
    parser.add_argument("--date", help="YYYY-MM-DD or 'YYYY-MM-DD HH:MM' (default: now)")
    parser.add_argument("--code", help="procedure only: the national code, e.g. 1.005090")
    parser.add_argument("--level", default="tỉnh", help="procedure only: tỉnh, huyện or xã (default: tỉnh)")
    parser.add_argument("--root", default=".",
                        help="the site folder, holding mkdocs.yml (default: the current folder)")
    args = parser.parse_args(argv)
    try:
        config = read_config(Path(args.root))
        root = config.root
        path = scaffold(args.kind, args.title, args.unit, root, args.topic,
                        parse_when(args.date, config.build_time()), args.code, args.level, config)
    except ConfigError as exc:
        print(f"Không tạo được tệp: {exc}", file=sys.stderr)
        return 1
    except Refused as exc:
        print(f"Không tạo được tệp: {exc}", file=sys.stderr)
        return 1
    shown = path.relative_to(root).as_posix()
    print(f"Đã tạo {shown}")
    print("Việc cần làm tiếp: mở tệp và điền")
    for step in NEXT_STEPS[args.kind]:
        print(f"  - {step}")
    if args.kind == "procedure" and not args.code:
        print("  - (mã 1.000000 chỉ là chỗ trống: thay bằng mã thật)")
    print("Tệp đang ở dạng nháp (draft: true): khi xong, đổi thành 'draft: false',")
    print("rồi chạy: .venv/bin/cchc check")
    return 0

