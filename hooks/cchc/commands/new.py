"""`cchc new news|plan|procedure "Title" --unit ID [--task PLAN#NO]`: scaffold a new content file from ``scaffolds/``.

The file goes where the loader looks for it (news/<year>/, plans/, procedures/), its
id and file name are an ASCII slug of the title (news ids start with the date), and
it is written as a draft, so it passes `cchc check` at once and is not published
before the editor has filled it in and removed `draft: true`. Every line is a field
with a value (nothing commented out to rewrite). An existing file is never
overwritten; the unit, topics and tasks must exist. Messages come from messages.yml.
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
from cchc.content.loader import load_reference_data, load_site
from cchc.messages import say, word
from cchc.text import VN_TZ, fold, nfc, show_date, slugify

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
        "tasks: (nếu có) nhiệm vụ kế hoạch mà tin này thực hiện, dạng \"ma-ke-hoach#1\" (tìm: cchc find)",
        "image, image_alt: (nếu có) ảnh trong docs/assets/images/ và câu mô tả ảnh",
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
    raise Refused(say("new_bad_date", value=raw))


def yaml_text(value: str) -> str:
    """A YAML double-quoted string: safe for any title (colons, quotes, '#', numbers)."""
    return json.dumps(value, ensure_ascii=False)


def scaffold(kind: str, title: str, unit: str, root: Path, topics: list[str] | None = None,
             when: datetime | None = None, code: str | None = None, level: str = "tỉnh",
             config: SiteConfig | None = None, tasks: list[str] | None = None) -> Path:
    """Write a new ``kind`` file under ``root/content`` and return its path; raise Refused instead."""
    title = nfc(" ".join(title.split()))
    if not title:
        raise Refused(say("new_empty_title"))
    config = config or read_config(root)
    when = when or parse_when(None, config.build_time())
    units, groups, known_topics, problems = load_reference_data(root, config.build_time(), config.docs_dir)
    if problems.errors:
        raise Refused(say("new_reference_errors"))
    if unit not in units:
        words = fold(unit).split()
        named = [u.id for u in units.values() if all(w in fold(f"{u.id} {u.name} {u.short_name}") for w in words)]
        close = named[:3] or difflib.get_close_matches(unit, list(units), n=1)
        hint = word("did_you_mean", value="', '".join(close)) if close else say("new_see_units", value=unit)
        raise Refused(say("new_no_unit", value=unit, hint=hint))
    ended = units[unit].ended
    if ended and when.date() >= ended.date:
        instead = word("use_successor", unit=ended.successor) if ended.successor else word("use_taker")
        raise Refused(say("new_unit_ended", value=unit, date=show_date(ended.date), hint=instead))
    topics = topics or [DEFAULT_TOPICS[kind] if DEFAULT_TOPICS[kind] in known_topics else next(iter(known_topics))]
    for topic in topics:
        if topic not in known_topics:
            close = difflib.get_close_matches(topic, list(known_topics), n=1)
            hint = word("did_you_mean", value=close[0]) if close else say("new_see_units", value=topic)
            raise Refused(say("new_no_topic", value=topic, hint=hint))
    if code is not None and not CODE.match(code):
        raise Refused(say("new_bad_code", value=code))
    if level not in LEVELS:
        raise Refused(say("new_bad_level", values=", ".join(LEVELS)))
    if tasks:
        check_tasks(tasks, root, config)

    slug = slugify(title, max_length=60)
    if not slug:
        raise Refused(say("new_no_slug"))
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
        raise Refused(say("new_exists", path=shown))

    values = {
        "id": item_id,
        "title": yaml_text(title),
        "datetime": f"{when:%Y-%m-%d %H:%M}",
        "date": f"{when:%Y-%m-%d}",
        "year": f"{when:%Y}",
        "unit": unit,
        "topics": "[" + ", ".join(topics) + "]",
        "tasks": "[" + ", ".join(yaml_text(t) for t in tasks or []) + "]",
        "code": code or "1.000000",
        "level": level,
    }
    text = Template((TEMPLATES / f"{kind}.md").read_text(encoding="utf-8")).substitute(values)
    folder.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
        out.write(text)
    return target


def check_tasks(tasks: list[str], root: Path, config: SiteConfig) -> None:
    """Refuse a ``--task`` that names no task of a published plan."""
    result = load_site(root, config.build_time(), config.docs_dir)
    if result.site is None:
        raise Refused(say("new_reference_errors"))
    known = {task.key for task in result.site.tasks()}
    for task in tasks:
        if task not in known:
            close = difflib.get_close_matches(task, sorted(known), n=1)
            hint = word("did_you_mean", value=close[0]) if close else say("new_see_units", value=task)
            raise Refused(say("new_no_task", value=task, hint=hint))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc new",
                                     description="Create a news item, plan or procedure from a template.")
    parser.add_argument("kind", choices=["news", "plan", "procedure"], help="what to create")
    parser.add_argument("title", help="the title (the name of a procedure), in quotes")
    parser.add_argument("--unit", required=True, help="id of the unit in content/units.yml, e.g. hp-so-gddt")
    parser.add_argument("--topic", action="append", help="a topic id from content/topics.yml (repeat for more)")
    parser.add_argument("--task", action="append", help="news only: a plan task it carries out, PLAN#NO (repeat)")
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
                        parse_when(args.date, config.build_time()), args.code, args.level, config, args.task)
    except (ConfigError, Refused) as exc:
        print(say("new_refused", reason=exc), file=sys.stderr)
        return 1
    shown = path.relative_to(root).as_posix()
    print(say("new_created", path=shown))
    print(say("new_next"))
    for step in NEXT_STEPS[args.kind]:
        print(f"  - {step}")
    if args.kind == "procedure" and not args.code:
        print(say("new_placeholder_code"))
    print(say("new_draft_1"))
    print(say("new_draft_2"))
    return 0

