"""Fixtures that write tiny sites into ``tmp_path`` and build them in-process.

``site_factory()`` returns a ``TinySite``: a folder with a mkdocs.yml that uses this
repository's hooks and theme overrides, the repository's topics, and a small set of
units; tests add or replace content files, then call ``build()`` or ``check()``.
"""

from __future__ import annotations

import logging
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

UNITS = """\
units:
  - id: hai-phong
    name: Ủy ban nhân dân thành phố Hải Phòng
    short_name: UBND thành phố Hải Phòng
    kind: people-committee
    hotline: "0225 3842 100"
  - id: hp-so-gddt
    name: Sở Giáo dục và Đào tạo thành phố Hải Phòng
    short_name: Sở GDĐT Hải Phòng
    kind: department
    parent: hai-phong
    hotline: "0225 3842 185"
    email: sogddt@haiphong.gov.vn
    address: Số 9 Đinh Tiên Hoàng, Hồng Bàng, Hải Phòng
    website: https://haiphong.edu.vn
  - id: hp-gddt-van-phong
    name: Văn phòng Sở Giáo dục và Đào tạo
    short_name: Văn phòng Sở
    kind: division
    parent: hp-so-gddt
  - id: hp-thpt-tran-phu
    name: Trường THPT chuyên Trần Phú
    short_name: THPT chuyên Trần Phú
    kind: school
    parent: hp-so-gddt
  - id: hp-phong-gddt-an-duong
    name: Phòng Giáo dục và Đào tạo quận An Dương
    short_name: Phòng GDĐT An Dương
    kind: district-office
    parent: hp-so-gddt
    former_names:
      - name: Phòng Giáo dục và Đào tạo huyện An Dương
        short_name: Phòng GDĐT huyện An Dương
        until: 2024-12-31
    ended:
      date: 2025-07-01
      reason: dissolved
      successor: hp-so-gddt
groups:
  - id: hp-gddt-cac-don-vi
    name: Các đơn vị giáo dục
    members: [hp-thpt-tran-phu, hp-phong-gddt-an-duong]
"""

PLAN = """\
---
id: kh-2024
number: "12/KH-SGDĐT"
unit: hp-so-gddt
date: 2024-01-15
title: Kế hoạch tuyên truyền cải cách hành chính năm 2024
period: {start: 2024-01-01, end: 2024-12-31}
legal_bases:
  - Quyết định số 1/QĐ-UBND ngày 02/01/2024 của Ủy ban nhân dân thành phố
topics: [chi-dao-dieu-hanh]
summary: Kế hoạch thử nghiệm.
tasks:
  - no: "1"
    title: Duy trì chuyên mục cải cách hành chính
    lead: [hp-so-gddt]
    support: [hp-gddt-cac-don-vi]
    time: Thường xuyên
    product: Chuyên mục
  - no: "2"
    title: Tổ chức cuộc thi tìm hiểu cải cách hành chính
    lead: [hp-gddt-van-phong]
    time: Quý II/2024
    product: Cuộc thi
---
## Mục đích

Nâng cao nhận thức về cải cách hành chính.
"""

NEWS = """\
---
id: tin-hoi-nghi
title: Hội nghị triển khai cải cách hành chính năm 2024
date: 2024-02-20 08:30
unit: hp-so-gddt
topics: [chi-dao-dieu-hanh]
summary: Sở GDĐT tổ chức hội nghị triển khai nhiệm vụ cải cách hành chính năm 2024.
tasks: ["kh-2024#1"]
---
Sáng 20/02, Sở Giáo dục và Đào tạo tổ chức hội nghị.
"""

PROCEDURE = """\
---
id: cap-ban-sao-van-bang
code: "1.005090"
name: Cấp bản sao văn bằng, chứng chỉ từ sổ gốc
field: Văn bằng, chứng chỉ
level: tỉnh
unit: hp-so-gddt
online: một phần
portal_url: https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.005090
processing_time: Ngay trong ngày nhận yêu cầu
fees: Theo quy định của Bộ Tài chính
history:
  - change: mới
    decision: "100/QĐ-UBND"
    decision_date: 2021-05-10
    effective: 2021-05-15
---
## Trình tự thực hiện
Nộp yêu cầu tại bộ phận một cửa.
## Cách thức thực hiện
Trực tiếp hoặc trực tuyến.
## Thành phần, số lượng hồ sơ
Đơn đề nghị.
## Đối tượng thực hiện
Công dân.
## Cơ quan giải quyết
Sở Giáo dục và Đào tạo.
## Kết quả thực hiện
Bản sao văn bằng.
## Căn cứ pháp lý
Nghị định 23/2015/NĐ-CP.
"""

BUILD_DATE = "2024-06-30"


def repo_hooks() -> list[str]:
    """The ``hooks:`` of the repository's mkdocs.yml, in their order (cchc_site first)."""
    import yaml

    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    return list(yaml.safe_load(text)["hooks"])


def mkdocs_yml(extra: str = "") -> str:
    """A mkdocs.yml for a tiny site that uses this repository's hooks and theme overrides."""
    hook_lines = "\n".join(f"  - {(REPO / h).as_posix()}" for h in repo_hooks())
    return textwrap.dedent(f"""\
        site_name: Thử nghiệm
        site_url: https://cchc.test/
        docs_dir: docs
        theme:
          name: material
          language: vi
          custom_dir: {(REPO / 'docs' / 'overrides').as_posix()}
          font: false
        plugins: []
        hooks:
        {{hooks}}
        markdown_extensions:
          - tables
          - attr_list
        """).replace("{hooks}", hook_lines.replace("  - ", "  - ", -1)).replace("\n  - ", "\n  - ") + extra


@dataclass
class TinySite:
    """A site folder in ``tmp_path``: write files, then check or build it."""

    root: Path
    logs: list[str] = field(default_factory=list)

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink()

    def check(self, build_date: str = BUILD_DATE):
        """Load and validate content/ like ``cchc check``; returns a LoadResult."""
        from cchc.config import build_time_from
        from cchc.content.loader import load_site

        return load_site(self.root, build_time_from(build_date), self.root / "docs")

    def build(self, strict: bool = True, build_date: str = BUILD_DATE, monkeypatch=None) -> Path:
        """Build with MkDocs in-process; returns the output folder. Raises on errors."""
        import os

        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        old = os.environ.get("CCHC_BUILD_DATE")
        os.environ["CCHC_BUILD_DATE"] = build_date
        handler = _ListHandler(self.logs)
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        try:
            config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.root / "site"), strict=strict)
            build(config)
        finally:
            logger.removeHandler(handler)
            if old is None:
                os.environ.pop("CCHC_BUILD_DATE", None)
            else:
                os.environ["CCHC_BUILD_DATE"] = old
        return self.root / "site"

    def html(self, url_path: str) -> str:
        """The built page at ``url_path`` (e.g. ``"don-vi/hp-so-gddt/"``)."""
        path = self.root / "site" / url_path
        if url_path.endswith("/") or url_path == "":
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[str]):
        super().__init__(logging.INFO)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(f"{record.levelname}: {record.getMessage()}")


@pytest.fixture
def site_factory(tmp_path: Path):
    """Make a tiny site; ``site_factory(with_content=False)`` gives just the skeleton."""

    def make(with_content: bool = True, extra_yml: str = "") -> TinySite:
        site = TinySite(tmp_path / "site-src")
        site.write("mkdocs.yml", mkdocs_yml(extra_yml))
        (site.root / "docs").mkdir(parents=True, exist_ok=True)
        site.write("content/topics.yml", (REPO / "content" / "topics.yml").read_text(encoding="utf-8"))
        site.write("content/units.yml", UNITS)
        if with_content:
            site.write("content/plans/kh-2024.md", PLAN)
            site.write("content/news/2024/tin-hoi-nghi.md", NEWS)
            site.write("content/procedures/cap-ban-sao-van-bang.md", PROCEDURE)
        return site

    return make
