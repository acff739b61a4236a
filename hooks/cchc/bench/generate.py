"""A deterministic synthetic CCHC site of N items, written in this project's content format.

``make_site(n, seed)`` returns the model of the site (plain dicts, no ``cchc`` import);
``write_ours(site, root)`` writes it as ``content/`` (units.yml, topics.yml, plans/,
news/, procedures/) in the format of the README's editor guide. The peers' writers in
``peers.py`` take the same ``SyntheticSite`` so that every tool builds the same news.

The site is a provincial Department of Education and Training (Quảng Ninh) with its
divisions, 60 upper-secondary schools, 13 district offices (dissolved on 2025-07-01, as
the district level was) with four schools each: 151 units. Of N items, 2 % are plans
(6 to 16 tasks each), 8 % are procedures (histories of 1 to 5 changes: new, amended,
abolished, re-announced) and the rest are news items; about half of the news items link
to tasks of a plan of their unit or of the Department that covers their date. Everything
comes from one ``random.Random(seed)``, so the same (n, seed) gives the same bytes.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from . import vocab as V

BUILD_DATE = "2025-12-31"  # CCHC_BUILD_DATE of every benchmark build: "now" is fixed
_BUILD_DAY = date(2025, 12, 31)
BUILD_TIME = datetime(2025, 12, 31)  # naive, Vietnam time: items dated later are held back
_FIRST_YEAR = 2019
_DISTRICT_END = date(2025, 7, 1)


@dataclass
class SyntheticSite:
    n: int
    seed: int
    units: list[dict]
    groups: list[dict]
    plans: list[dict] = field(default_factory=list)
    news: list[dict] = field(default_factory=list)
    procedures: list[dict] = field(default_factory=list)

    def counts(self) -> str:
        tasks = sum(len(p["tasks"]) for p in self.plans)
        return (f"{len(self.news)} news, {len(self.procedures)} procedures, {len(self.plans)} plans "
                f"({tasks} tasks), {len(self.units)} units")


# -- text helpers --------------------------------------------------------------------------
def fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def slugify(text: str, max_length: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


_PLAIN_UNSAFE = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: | #|:$|\s$")
_NOT_TEXT = re.compile(r"^[-+.:\d\s eE]*$|^(?:y|n|yes|no|true|false|on|off|null|~)$", re.IGNORECASE)


def ystr(value: str) -> str:
    """A YAML scalar for ``value``: plain when it is safe to read as text, else double-quoted."""
    if not value or _PLAIN_UNSAFE.search(value) or _NOT_TEXT.match(value):
        return json.dumps(value, ensure_ascii=False)
    return value


def ylist(values: list[str]) -> str:
    return "[" + ", ".join(ystr(v) if "," not in v else json.dumps(v, ensure_ascii=False) for v in values) + "]"


def show(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


# -- the site ------------------------------------------------------------------------------
def make_site(n: int, seed: int = 1) -> SyntheticSite:
    """The model of a site of ``n`` items (news + procedures + plans), reproducible from ``seed``."""
    rng = random.Random(f"cchc-bench-{seed}")
    units, groups = _units()
    site = SyntheticSite(n, seed, units, groups)
    n_plans = max(2, round(n * 0.02))
    n_procs = max(3, round(n * 0.08))
    n_news = max(1, n - n_plans - n_procs)
    site.plans = _plans(rng, n_plans, units, groups)
    site.procedures = _procedures(rng, n_procs, units)
    site.news = _news(rng, n_news, units, site.plans)
    return site


def _unit(uid, name, short, kind, parent=None, **extra) -> dict:
    return {"id": uid, "name": name, "short_name": short, "kind": kind, "parent": parent, **extra}


def _units() -> tuple[list[dict], list[dict]]:
    p = V.PREFIX
    units = [
        _unit("quang-ninh", f"Ủy ban nhân dân tỉnh {V.PROVINCE}", f"UBND tỉnh {V.PROVINCE}", "people-committee",
              hotline="0203 3835 555", email="ubnd@quangninh.gov.vn",
              address="Trụ sở Liên cơ quan số 2, phường Hồng Hà, thành phố Hạ Long", website="https://quangninh.gov.vn"),
        _unit(f"{p}-so-gddt", f"Sở Giáo dục và Đào tạo tỉnh {V.PROVINCE}", "Sở GDĐT Quảng Ninh", "department",
              "quang-ninh", hotline="0203 3835 716", email="sogddt@quangninh.gov.vn",
              address="Trụ sở Liên cơ quan số 3, phường Hồng Hà, thành phố Hạ Long",
              website="https://quangninh.edu.vn"),
        _unit(f"{p}-trung-tam-truyen-thong", f"Trung tâm Truyền thông tỉnh {V.PROVINCE}", "Trung tâm Truyền thông",
              "press", "quang-ninh", website="https://baoquangninh.vn"),
    ]
    divisions = [f"{p}-gddt-{slug}" for slug, _, _ in V.DIVISIONS]
    for (_, name, short), uid in zip(V.DIVISIONS, divisions, strict=True):
        units.append(_unit(uid, name, short, "division", f"{p}-so-gddt"))
    thpt = []
    for i, school in enumerate(V.SCHOOL_NAMES[:60]):
        loc = V.LOCALITIES[i % len(V.LOCALITIES)]
        uid = f"{p}-thpt-{slugify(school)}"
        thpt.append(uid)
        extra = {"address": f"{loc[2].capitalize()} {loc[1]}, tỉnh {V.PROVINCE}",
                 "email": f"thpt.{slugify(school).replace('-', '')}@quangninh.edu.vn"}
        if i == 3:
            extra["former_names"] = [{"name": f"Trường Trung học phổ thông {school} - {loc[1]}",
                                      "short_name": f"THPT {school} - {loc[1]}", "until": "2020-08-31"}]
        units.append(_unit(uid, f"Trường Trung học phổ thông {school}", f"THPT {school}", "school",
                           f"{p}-so-gddt", **extra))
    offices, lower = [], []
    for j, (slug, name, kind) in enumerate(V.LOCALITIES):
        district = f"{p}-ubnd-{slug}"
        office = f"{p}-phong-gddt-{slug}"
        offices.append(office)
        units.append(_unit(district, f"Ủy ban nhân dân {kind} {name}", f"UBND {kind} {name}", "district",
                           "quang-ninh", ended={"date": _DISTRICT_END.isoformat(), "reason": "dissolved"}))
        units.append(_unit(office, f"Phòng Giáo dục và Đào tạo {kind} {name}", f"Phòng GDĐT {name}",
                           "district-office", district, hotline=f"0203 38{j:02d} {100 + 7 * j}",
                           ended={"date": _DISTRICT_END.isoformat(), "reason": "dissolved",
                                  "successor": f"{p}-so-gddt"}))
        for k in range(4):
            code, long_kind, short_kind = V.LOWER_SCHOOL_KINDS[k % 3]
            school = V.SCHOOL_NAMES[(7 * j + 11 * k) % len(V.SCHOOL_NAMES)]
            uid = f"{p}-{code}-{slugify(school)}-{slug}"
            if uid in lower:
                uid += f"-{k}"
            lower.append(uid)
            units.append(_unit(uid, f"{long_kind} {school}, {kind} {name}", f"{short_kind} {school} ({name})",
                               "school", office))
    groups = [
        {"id": f"{p}-gddt-cac-phong-thuoc-so", "name": "Các phòng thuộc Sở", "members": divisions},
        {"id": f"{p}-gddt-cac-truong-thpt", "name": "Các trường trung học phổ thông", "members": thpt},
        {"id": f"{p}-gddt-cac-phong-gddt", "name": "Phòng Giáo dục và Đào tạo các địa phương", "members": offices},
        {"id": f"{p}-gddt-cac-don-vi-giao-duc", "name": "Các đơn vị giáo dục", "members": thpt + offices},
    ]
    return units, groups


def _ended(unit: dict) -> date | None:
    return date.fromisoformat(unit["ended"]["date"]) if unit.get("ended") else None


def _pick_unit(rng: random.Random, units: list[dict], weights: dict[str, float]) -> dict:
    pool = [u for u in units if u["kind"] in weights or u["id"] in weights]
    w = [weights.get(u["id"], weights.get(u["kind"], 0.0)) for u in pool]
    return rng.choices(pool, w)[0]


def _short(units: list[dict], uid: str) -> str:
    return next(u["short_name"] for u in units if u["id"] == uid)


def _sentence(rng: random.Random, year: int, plan_no: str) -> str:
    ctx = rng.choice(V.CONTEXTS).format(year=year, plan=plan_no, quarter=rng.choice(["I", "II", "III", "IV"]))
    return f"{rng.choice(V.SUBJECTS)} {rng.choice(V.VERBS)} {rng.choice(V.OBJECTS)}, {ctx}."


def _paragraph(rng: random.Random, year: int, plan_no: str, k: int) -> str:
    out = [_sentence(rng, year, plan_no) for _ in range(k)]
    if rng.random() < 0.5:
        out.append(rng.choice(V.RESULTS).format(pct=rng.randint(85, 100), num=rng.randint(120, 9800)))
    return " ".join(out)


# -- plans ---------------------------------------------------------------------------------
_PLAN_WEIGHTS = {"department": 5.0, "division": 0.2, "district-office": 0.25, "school": 0.04}


def _time_phrase(rng: random.Random, year: int) -> str:
    q = rng.choice(["I", "II", "III", "IV"])
    m1 = rng.randint(1, 9)
    return rng.choice([
        "Thường xuyên", f"Cả năm {year}", f"Quý {q}/{year}", f"Tháng {m1} đến tháng {m1 + rng.randint(1, 3)}/{year}",
        f"Trước ngày {rng.randint(1, 28)}/{rng.randint(2, 12)}/{year}", f"6 tháng đầu năm {year}", "Hằng quý",
        f"Năm {year}",
    ])


def _plans(rng: random.Random, count: int, units: list[dict], groups: list[dict]) -> list[dict]:
    p = V.PREFIX
    divisions = [u["id"] for u in units if u["kind"] == "division"]
    group_ids = [g["id"] for g in groups]
    plans, seen = [], set()
    for i in range(count):
        unit = _pick_unit(rng, units, _PLAN_WEIGHTS)
        end = _ended(unit)
        last_year = min(_BUILD_DAY.year, (end - timedelta(days=120)).year if end else _BUILD_DAY.year)
        year = rng.randint(_FIRST_YEAR, last_year)
        kind, title_pattern = rng.choice(V.PLAN_KINDS)
        pid = f"{unit['id']}-kh-{kind}-{year}"
        while pid in seen:
            pid = f"{unit['id']}-kh-{kind}-{year}-{i}"
        seen.add(pid)
        issued = date(year, rng.randint(1, 3), rng.randint(1, 28))
        issuer = "SGDĐT" if unit["kind"] in ("department", "division") else (
            "PGDĐT" if unit["kind"] == "district-office" else "THPT")
        number = f"{rng.randint(12, 3999)}/KH-{issuer}"
        plan_no = f"{number} ngày {show(issued)}"
        tasks = []
        for t in range(rng.randint(6, 16)):
            if unit["kind"] in ("department", "division"):
                lead = rng.sample(divisions, rng.randint(1, 2)) if rng.random() < 0.7 else [rng.choice(group_ids)]
                support = rng.sample(group_ids, rng.randint(0, 2))
            else:
                lead, support = [unit["id"]], ([f"{p}-so-gddt"] if rng.random() < 0.3 else [])
            task = {"no": str(t + 1) if rng.random() < 0.8 else f"{t + 1}.1",
                    "title": rng.choice(V.TASK_TITLES), "details": _sentence(rng, year, plan_no),
                    "lead": lead, "support": [s for s in support if s not in lead],
                    "time": _time_phrase(rng, year), "product": rng.choice(V.PRODUCTS)}
            if task["no"] in {x["no"] for x in tasks}:
                task["no"] = f"{t + 1}"
            r = rng.random()
            # a status set by hand carries its date and a note (the loader requires both)
            if year < _BUILD_DAY.year and r < 0.5:
                task["status"] = f"{{state: done, date: {year}-12-31, note: Theo báo cáo năm {year}}}"
            elif r < 0.15:
                task["status"] = f"{{state: in-progress, date: {year}-06-30, note: Theo báo cáo 6 tháng}}"
            tasks.append(task)
        body = []
        for heading, subs in V.PLAN_SECTIONS:
            body.append(f"## {heading}\n")
            if not subs:
                body.append(_paragraph(rng, year, plan_no, 2) + "\n")
            for n_sub, sub in enumerate(subs, 1):
                body.append(f"### {n_sub}. {sub}\n")
                body.append(_paragraph(rng, year, plan_no, rng.randint(2, 4)) + "\n")
                if rng.random() < 0.4:
                    body.append("\n".join(f"- {rng.choice(V.OBJECTS).capitalize()}." for _ in range(3)) + "\n")
        plans.append({
            "id": pid, "number": number, "unit": unit["id"], "date": issued,
            "title": title_pattern.format(year=year) + (f" của {unit['short_name']}" if unit["kind"] != "department"
                                                        else ""),
            "period": (date(year, 1, 1), date(year, 12, 31)),
            "legal_bases": [f"Quyết định số {rng.randint(100, 4999)}/QĐ-UBND ngày {show(date(year - 1, 12, 20))} "
                            f"của Ủy ban nhân dân tỉnh về Kế hoạch cải cách hành chính nhà nước tỉnh {V.PROVINCE} "
                            f"năm {year}", rng.choice(V.LEGAL)],
            "topics": sorted(set(["chi-dao-dieu-hanh"] + rng.sample(V.TOPICS, 2))),
            "summary": f"{unit['short_name']} triển khai {title_pattern.format(year=year).lower()}, "
                       f"gồm {len(tasks)} nhiệm vụ với cơ quan chủ trì, phối hợp và thời gian cụ thể.",
            "tasks": tasks, "body": "\n".join(body),
        })
    return plans


# -- procedures ----------------------------------------------------------------------------
def _procedures(rng: random.Random, count: int, units: list[dict]) -> list[dict]:
    p = V.PREFIX
    offices = [u["id"] for u in units if u["kind"] == "district-office"]
    procs, seen = [], set()
    for i in range(count):
        code, name, field_name, level = V.PROCEDURES[i % len(V.PROCEDURES)]
        unit = f"{p}-so-gddt" if level == "tỉnh" else offices[(i // len(V.PROCEDURES)) % len(offices)]
        pid = slugify(name) + ("" if level == "tỉnh" else "-" + unit.removeprefix(f"{p}-phong-gddt-"))
        if pid in seen:
            pid += f"-{i}"
        seen.add(pid)
        day = date(rng.randint(_FIRST_YEAR, 2023), rng.randint(1, 12), rng.randint(1, 28))
        history = [{"change": "mới", "decision": f"{rng.randint(100, 4999)}/QĐ-UBND", "decision_date": day,
                    "effective": day + timedelta(days=rng.randint(0, 15))}]
        limit = _DISTRICT_END - timedelta(days=2) if level != "tỉnh" else _BUILD_DAY
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            day = day + timedelta(days=rng.randint(90, 500))
            if day >= limit:
                break
            history.append({"change": "sửa đổi", "decision": f"{rng.randint(100, 4999)}/QĐ-UBND",
                            "decision_date": day, "effective": day + timedelta(days=rng.randint(0, 15)),
                            "note": rng.choice(["Rút ngắn thời hạn giải quyết.",
                                                "Bổ sung hình thức nộp hồ sơ trực tuyến toàn trình.",
                                                "Cắt giảm thành phần hồ sơ phải nộp.",
                                                "Sửa đổi cơ quan giải quyết theo phân cấp."])})
        abolish = level != "tỉnh" and rng.random() < 0.5 or rng.random() < 0.12
        if abolish:
            day = max(day + timedelta(days=30), min(limit, day + timedelta(days=rng.randint(60, 700))))
            if day < (limit if level != "tỉnh" else _BUILD_DAY):
                history.append({"change": "bãi bỏ", "decision": f"{rng.randint(100, 4999)}/QĐ-UBND",
                                "decision_date": day, "effective": day + timedelta(days=1),
                                "note": "Bãi bỏ do sắp xếp tổ chức bộ máy, phân cấp giải quyết."})
                if level == "tỉnh" and rng.random() < 0.25 and day + timedelta(days=200) < _BUILD_DAY:
                    day = day + timedelta(days=rng.randint(60, 200))
                    history.append({"change": "mới", "decision": f"{rng.randint(100, 4999)}/QĐ-UBND",
                                    "decision_date": day, "effective": day + timedelta(days=5),
                                    "note": "Công bố lại theo quy định mới."})
        online = rng.choice(["toàn trình", "một phần", "một phần", "không"])
        sections = {
            "Trình tự thực hiện": "\n".join(f"{k}. {s}" for k, s in enumerate(V.STEPS, 1)),
            "Cách thức thực hiện": "\n".join(f"- {w}" for w in V.WAYS[: 3 if online != "không" else 2]),
            "Thành phần, số lượng hồ sơ": "Thành phần hồ sơ:\n\n" + "\n".join(
                f"- {d}" for d in rng.sample(V.DOCUMENTS, rng.randint(3, 6))) + "\n\nSố lượng hồ sơ: 01 bộ.",
            "Đối tượng thực hiện": rng.choice(V.TARGETS),
            "Cơ quan giải quyết": f"{_short(units, unit)}.",
            "Kết quả thực hiện": f"Văn bản chấp thuận hoặc kết quả của thủ tục {name[0].lower() + name[1:]}.",
        }
        if rng.random() < 0.5:
            sections["Điều kiện thực hiện"] = _sentence(rng, day.year, "")
        sections["Căn cứ pháp lý"] = "\n".join(f"- {x}" for x in rng.sample(V.LEGAL, 3))
        procs.append({
            "id": pid, "code": code, "name": name, "field": field_name, "level": level, "unit": unit,
            "online": online,
            "portal_url": f"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}",
            "processing_time": rng.choice(V.PROCESSING), "fees": rng.choice(V.FEES),
            "topics": ["cai-cach-thu-tuc-hanh-chinh"] + (["chinh-quyen-dien-tu-so"] if online == "toàn trình" else []),
            "history": history, "sections": sections,
        })
    return procs


# -- news ----------------------------------------------------------------------------------
_NEWS_WEIGHTS = {"department": 30.0, "division": 1.5, "district-office": 1.6, "school": 0.2, "press": 1.0}


def _news(rng: random.Random, count: int, units: list[dict], plans: list[dict]) -> list[dict]:
    by_unit_year: dict[tuple[str, int], list[dict]] = {}
    for plan in plans:
        by_unit_year.setdefault((plan["unit"], plan["date"].year), []).append(plan)
    parents = {u["id"]: u["parent"] for u in units}
    start = datetime(_FIRST_YEAR, 1, 2, 7, 0)
    span_days = (_BUILD_DAY - start.date()).days
    news, seen = [], set()
    for i in range(count):
        unit = _pick_unit(rng, units, _NEWS_WEIGHTS)
        end = _ended(unit)
        days = span_days if end is None else (end - start.date()).days - 1
        # more news in recent years, as columns grow
        offset = int(days * (rng.random() ** 0.7))
        when = start + timedelta(days=offset, hours=rng.randint(0, 10), minutes=rng.choice([0, 15, 30, 45]))
        topic = rng.choice(V.TOPICS)
        topics = [topic] + ([t for t in [rng.choice(V.TOPICS)] if t != topic] if rng.random() < 0.4 else [])
        title = rng.choice(V.NEWS_SUBJECTS[topic]).format(year=when.year)
        if unit["kind"] in ("school", "district-office"):
            title = f"{unit['short_name']}: {title[0].lower() + title[1:]}" if rng.random() < 0.6 else title
        nid = f"{when:%Y-%m-%d}-{slugify(title, 50)}"
        while nid in seen:
            nid = f"{when:%Y-%m-%d}-{slugify(title, 44)}-{i}"
        seen.add(nid)
        tasks = []
        candidates = by_unit_year.get((unit["id"], when.year), []) + by_unit_year.get(
            (parents.get(unit["id"]) or "", when.year), [])
        if candidates and rng.random() < 0.8:
            plan = rng.choice(candidates)
            tasks = sorted({f"{plan['id']}#{t['no']}" for t in rng.sample(plan["tasks"], rng.randint(1, 2))})
        plan_no = f"{rng.randint(12, 3999)}/KH-SGDĐT"
        day = f"{when.day:02d}/{when.month}"
        event = rng.choice(V.EVENTS)
        paras = [rng.choice(V.OPENINGS).format(day=day, unit=unit["name"], event=event, year=when.year)]
        for _ in range(rng.randint(2, 5)):
            paras.append(_paragraph(rng, when.year, plan_no, rng.randint(2, 4)))
        if rng.random() < 0.3:
            paras.append(rng.choice(V.LIST_INTROS) + "\n\n" + "\n".join(
                f"- {o[0].upper() + o[1:]};" for o in rng.sample(V.OBJECTS, rng.randint(3, 5))))
        paras.append(rng.choice(V.CLOSINGS).format(unit=unit["short_name"]))
        summary = paras[0] if len(paras[0]) < 220 else paras[0][:200].rsplit(" ", 1)[0] + "..."
        r = rng.random()
        news.append({
            "id": nid, "title": title, "date": when, "unit": unit["id"], "unit_name": unit["short_name"],
            "topics": topics, "summary": summary, "tasks": tasks, "body": "\n\n".join(paras),
            "draft": r < 0.01,
        })
    return news


# -- our format ----------------------------------------------------------------------------
def write_ours(site: SyntheticSite, root: Path, repo: Path) -> Path:
    """Write ``site`` as ``root/content`` (replacing what was there); returns ``root``."""
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    for sub in ("plans", "news", "procedures"):
        (content / sub).mkdir(parents=True)
    shutil.copyfile(repo / "content" / "topics.yml", content / "topics.yml")
    (content / "units.yml").write_text(_units_yml(site), encoding="utf-8")
    for plan in site.plans:
        (content / "plans" / f"{plan['id']}.md").write_text(_plan_md(plan), encoding="utf-8")
    for item in site.news:
        folder = content / "news" / str(item["date"].year)
        folder.mkdir(exist_ok=True)
        (folder / f"{item['id']}.md").write_text(_news_md(item), encoding="utf-8")
    for proc in site.procedures:
        (content / "procedures" / f"{proc['id']}.md").write_text(_procedure_md(proc), encoding="utf-8")
    return root


def _units_yml(site: SyntheticSite) -> str:
    out = [f"# Đơn vị của trang thử nghiệm hiệu năng (cchc bench, seed {site.seed}).", "units:"]
    for u in site.units:
        out.append(f"  - id: {u['id']}")
        for key in ("name", "short_name", "kind", "parent", "hotline", "email", "address", "website"):
            if u.get(key):
                out.append(f"    {key}: {ystr(u[key]) if key != 'hotline' else json.dumps(u[key])}")
        for former in u.get("former_names", []):
            out.append("    former_names:")
            out.append(f"      - name: {ystr(former['name'])}")
            out.append(f"        short_name: {ystr(former['short_name'])}")
            out.append(f"        until: {former['until']}")
        if u.get("ended"):
            out.append("    ended:")
            for key, value in u["ended"].items():
                out.append(f"      {key}: {value}")
    out.append("groups:")
    for g in site.groups:
        out += [f"  - id: {g['id']}", f"    name: {ystr(g['name'])}", f"    members: [{', '.join(g['members'])}]"]
    return "\n".join(out) + "\n"


def _plan_md(plan: dict) -> str:
    start, end = plan["period"]
    out = ["---", f"id: {plan['id']}", f"number: {json.dumps(plan['number'], ensure_ascii=False)}",
           f"unit: {plan['unit']}", f"date: {plan['date'].isoformat()}", f"title: {ystr(plan['title'])}",
           f"period: {{start: {start.isoformat()}, end: {end.isoformat()}}}", "legal_bases:"]
    out += [f"  - {ystr(b)}" for b in plan["legal_bases"]]
    out += [f"topics: [{', '.join(plan['topics'])}]", f"summary: {ystr(plan['summary'])}", "tasks:"]
    for t in plan["tasks"]:
        out.append(f"  - no: {json.dumps(t['no'])}")
        out.append(f"    title: {ystr(t['title'])}")
        out.append(f"    details: {ystr(t['details'])}")
        out.append(f"    lead: [{', '.join(t['lead'])}]")
        if t["support"]:
            out.append(f"    support: [{', '.join(t['support'])}]")
        out.append(f"    time: {ystr(t['time'])}")
        out.append(f"    product: {ystr(t['product'])}")
        if t.get("status"):
            out.append(f"    status: {t['status']}")
    out += ["---", plan["body"]]
    return "\n".join(out) + "\n"


def _news_md(item: dict) -> str:
    out = ["---", f"id: {item['id']}", f"title: {ystr(item['title'])}", f"date: {item['date']:%Y-%m-%d %H:%M}",
           f"unit: {item['unit']}", f"topics: [{', '.join(item['topics'])}]", f"summary: {ystr(item['summary'])}"]
    if item["tasks"]:
        out.append(f"tasks: [{', '.join(json.dumps(t) for t in item['tasks'])}]")
    if item["draft"]:
        out.append("draft: true")
    out += ["---", item["body"]]
    return "\n".join(out) + "\n"


def _procedure_md(proc: dict) -> str:
    out = ["---", f"id: {proc['id']}", f"code: {json.dumps(proc['code'])}", f"name: {ystr(proc['name'])}",
           f"field: {ystr(proc['field'])}", f"level: {proc['level']}", f"unit: {proc['unit']}",
           f"online: {proc['online']}", f"portal_url: {proc['portal_url']}",
           f"processing_time: {ystr(proc['processing_time'])}", f"fees: {ystr(proc['fees'])}",
           f"topics: [{', '.join(proc['topics'])}]", "history:"]
    for change in proc["history"]:
        out.append(f"  - change: {change['change']}")
        out.append(f"    decision: {json.dumps(change['decision'], ensure_ascii=False)}")
        out.append(f"    decision_date: {change['decision_date'].isoformat()}")
        out.append(f"    effective: {change['effective'].isoformat()}")
        if change.get("note"):
            out.append(f"    note: {ystr(change['note'])}")
    out.append("---")
    for heading, text in proc["sections"].items():
        out += [f"## {heading}", "", text, ""]
    return "\n".join(out)
