"""The web editor at ``/admin/``: Decap CMS's configuration, generated from the content model.

``admin_files(site, config)`` returns the files the build publishes under ``admin/``:
the page that loads the CMS, its ``config.yml`` and the pinned bundle installed by
``scripts/setup-editor`` (``.editor/bundle/``). The configuration is never written by
hand: its collections mirror what the loader reads (news, plans with their tasks,
procedures with their history, units, topics), and its pickers list the ids of this
build's units, groups, topics and plan tasks with their names. What the CMS writes is
read by the same loader, so it passes ``cchc check`` unchanged.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cchc.config import SiteConfig
from cchc.content.loader import IMAGE_MAX_BYTES
from cchc.content.model import CHANGE_KINDS, LEVELS, ONLINE, PROCEDURE_SECTIONS, UNIT_KINDS, Site
from cchc.text import show_date

BUNDLE_DIR = Path(__file__).resolve().parents[3] / ".editor" / "bundle"
BUNDLE = "decap-cms.js"
PROXY_PORT_ENV = "CCHC_EDITOR_PROXY_PORT"  # set by `cchc editor`; the local proxy's port
DEFAULT_PROXY_PORT = 8081
IMAGE_FOLDER = "assets/images"  # under docs/: where pictures go, and how items refer to them
IMAGE_WIDTH = 1280  # pixels: what an uploaded picture is resized to
# Production backends a department can run the editor against (its own git server).
BACKENDS = ("gitea", "gitlab", "github", "git-gateway")


@dataclass(frozen=True)
class AdminFile:
    """One file published under ``admin/``: text content, or a file of the installed bundle."""

    src: str
    content: str | None = None
    path: Path | None = None


def bundle_files() -> list[Path]:
    """The installed bundle: ``decap-cms.js`` and the chunks it loads on demand (empty when not installed)."""
    if not (BUNDLE_DIR / BUNDLE).is_file():
        return []
    return sorted(p for p in BUNDLE_DIR.iterdir() if p.is_file())


def admin_files(site: Site, config: SiteConfig) -> list[AdminFile]:
    """``admin/index.html``, ``admin/config.yml`` and the bundle's files."""
    files = [AdminFile("admin/index.html", content=admin_page(config.site_name)),
             AdminFile("admin/config.yml", content=config_yaml(site, config))]
    files += [AdminFile(f"admin/{p.name}", path=p) for p in bundle_files()]
    return files


def admin_page(site_name: str) -> str:
    """The page that starts the CMS (it reads ``config.yml`` beside it)."""
    title = html.escape(f"Soạn nội dung – {site_name}" if site_name else "Soạn nội dung")
    return ("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"robots\" content=\"noindex\">\n"
            f"<title>{title}</title>\n"
            "<link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n"
            "</head>\n<body>\n"
            f"<script src=\"{BUNDLE}\"></script>\n"
            "</body>\n</html>\n")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes shared fields out in full each time (no YAML anchors). libyaml's emitter where
    PyYAML has it (the same text, a sixth of the time: 0.27 -> 0.04 s at 5,000 items)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def config_yaml(site: Site, config: SiteConfig) -> str:
    head = "# Generated at every build from content/ by hooks/cchc/editor/decap.py: do not edit.\n"
    return head + yaml.dump(decap_config(site, config), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                            width=1000)


def backend(settings: Mapping[str, str]) -> dict[str, Any]:
    """The production backend from ``extra.cchc.editor`` (``backend``, ``repo``, ``base_url``...)."""
    out: dict[str, Any] = {"name": settings.get("backend", "gitea")}
    for key in ("repo", "branch", "base_url", "api_root", "auth_endpoint", "auth_type", "app_id"):
        if settings.get(key):
            out[key] = settings[key]
    out.setdefault("branch", "main")
    return out


def decap_config(site: Site, config: SiteConfig) -> dict[str, Any]:
    """Decap CMS's configuration for this site's content model and reference data."""
    port = int(os.environ.get(PROXY_PORT_ENV) or DEFAULT_PROXY_PORT)
    media = f"{config.docs_dir.relative_to(config.root).as_posix()}/{IMAGE_FOLDER}"
    units = [{"label": _unit_label(site, uid), "value": uid} for uid in sorted(site.units)]
    leads = units + [{"label": f"{g.name} (nhóm: {g.id})", "value": g.id} for g in site.groups.values()]
    topics = [{"label": f"{t.name} ({t.id})", "value": t.id} for t in site.topics.values()]
    tasks = [{"label": f"{plan.title} – nhiệm vụ {task.no}: {task.title}"[:200], "value": task.key}
             for plan in site.plans for task in plan.tasks]
    return {
        "locale": "vi",
        "local_backend": {"url": f"http://localhost:{port}/api/v1"},
        "backend": backend(config.settings.editor),
        "site_url": config.site_url,
        "display_url": config.site_url,
        "media_folder": media,
        "public_folder": "/" + IMAGE_FOLDER,  # the loader reads the path from docs/ either way
        # Pictures are made 1280 pixels wide, JPEG at quality 80, without their metadata (GPS...)
        # when uploaded: a phone photo of several MB becomes a few hundred kB, under the limit.
        "media_processing": {"enabled": True, "width": IMAGE_WIDTH, "quality": 80, "strip_metadata": True,
                             "format": {"enabled": True, "default": "jpeg"}},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [_news(units, topics, tasks, media), _plans(units, leads, topics),
                        _procedures(units, topics), _reference(units)],
    }


def _unit_label(site: Site, uid: str) -> str:
    unit = site.units[uid]
    gone = f", đã kết thúc {show_date(unit.ended.date)}" if unit.ended else ""
    return f"{unit.name} ({uid}{gone})"


def _select(name: str, label: str, options: list, *, multiple: bool = False, required: bool = True,
            hint: str = "") -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "label": label, "widget": "select", "options": options}
    if multiple:
        field["multiple"] = True
    if not required:
        field["required"] = False
    if hint:
        field["hint"] = hint
    return field


def _string(name: str, label: str, *, required: bool = True, hint: str = "", widget: str = "string",
            **extra: Any) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "label": label, "widget": widget}
    if not required:
        field["required"] = False
    if hint:
        field["hint"] = hint
    field.update(extra)
    return field


def _date(name: str, label: str, *, required: bool = True, hint: str = "") -> dict[str, Any]:
    return _string(name, label, required=required, hint=hint, widget="datetime", format="YYYY-MM-DD",
                   date_format="DD/MM/YYYY", time_format=False, picker_utc=False)


_ID = {"name": "id", "label": "Mã", "widget": "hidden", "required": False}
_DRAFT = {"name": "draft", "label": "Bản nháp (chưa đăng)", "widget": "boolean", "default": False,
          "required": False}
_CODE_HINT = "Mã trong dấu ngoặc kép không cần gõ: trình soạn thảo tự lưu đúng."


def _news(units: list, topics: list, tasks: list, media: str) -> dict[str, Any]:
    return {
        "name": "news", "label": "Tin, bài", "label_singular": "tin, bài",
        "folder": "content/news", "create": True, "extension": "md", "format": "frontmatter",
        # Pictures go to the site's one folder, not beside the entry (a leading "/": from the repository's root).
        "media_folder": f"/{media}", "public_folder": f"/{IMAGE_FOLDER}",
        "path": "{{year}}/{{slug}}", "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",
        "identifier_field": "title", "summary": "{{title}} ({{date}})",
        "sortable_fields": ["date", "title"],
        "fields": [
            _ID,
            _string("title", "Tiêu đề"),
            _string("date", "Ngày giờ đăng", widget="datetime", format="YYYY-MM-DD HH:mm",
                    date_format="DD/MM/YYYY", time_format="HH:mm", picker_utc=False,
                    hint="Giờ Việt Nam. Tin có ngày trong tương lai được đăng từ ngày đó."),
            _select("unit", "Đơn vị", units),
            _select("topics", "Chủ đề", topics, multiple=True),
            _string("summary", "Tóm tắt", widget="text",
                    hint="Một hoặc hai câu, hiện trên trang danh sách và trong bản tin RSS."),
            _string("image", "Ảnh minh họa", required=False, widget="image", choose_url=False,
                    hint=f"Ảnh JPG, PNG hoặc WebP; ảnh tải lên được thu về rộng {IMAGE_WIDTH} điểm ảnh "
                         f"(tệp tối đa {IMAGE_MAX_BYTES // 1_000_000} MB)."),
            _string("image_alt", "Mô tả ảnh", required=False,
                    hint="Bắt buộc khi có ảnh: một câu tả nội dung ảnh cho người không xem được ảnh."),
            _select("tasks", "Nhiệm vụ kế hoạch mà tin này thực hiện", tasks, multiple=True, required=False),
            _DRAFT,
            _string("body", "Nội dung", widget="markdown"),
        ],
    }


def _plans(units: list, leads: list, topics: list) -> dict[str, Any]:
    task_fields = [
        _string("no", "Số thứ tự (TT)", hint="Như trong kế hoạch: 1, I.2, 3.1"),
        _string("title", "Nhiệm vụ"),
        _string("details", "Nội dung chi tiết", widget="text", required=False),
        _select("lead", "Cơ quan chủ trì", leads, multiple=True),
        _select("support", "Cơ quan phối hợp", leads, multiple=True, required=False),
        _string("time", "Thời gian", hint="Ví dụ: Thường xuyên; Quý II/2025; Trước ngày 30/6/2023"),
        _string("product", "Sản phẩm", required=False),
        # A status set by hand ({state, date, note}), the document's own columns (cells) and
        # the values marked inferred are kept as written but edited in a text editor.
    ]
    return {
        "name": "plans", "label": "Kế hoạch", "label_singular": "kế hoạch",
        "folder": "content/plans", "create": True, "extension": "md", "format": "frontmatter",
        "slug": "{{slug}}", "identifier_field": "title", "summary": "{{title}}",
        "fields": [
            _ID,
            _string("title", "Tên kế hoạch"),
            _string("number", "Số kế hoạch", required=False, hint="Ví dụ: 978/KH-SGDĐT"),
            _select("unit", "Đơn vị ban hành", units),
            _string("date", "Ngày ban hành", hint="NĂM-THÁNG-NGÀY như văn bản ghi; văn bản không ghi ngày thì "
                    "viết NĂM-THÁNG (2022-03) hoặc NĂM (2022), không tự thêm ngày.",
                    pattern=[r"^\d{4}(-\d{2}(-\d{2})?)?$", "Viết 2023-03-15, 2023-03 hoặc 2023"]),
            {"name": "period", "label": "Thời gian thực hiện", "widget": "object",
             "fields": [_date("start", "Từ ngày"), _date("end", "Đến ngày")]},
            {"name": "legal_bases", "label": "Căn cứ", "widget": "list", "required": False,
             "field": _string("basis", "Văn bản")},
            _select("topics", "Chủ đề", topics, multiple=True),
            _string("summary", "Tóm tắt", widget="text", required=False),
            {"name": "tasks", "label": "Danh mục nhiệm vụ", "label_singular": "nhiệm vụ", "widget": "list",
             "required": False, "summary": "{{fields.no}}. {{fields.title}}", "fields": task_fields},
            _DRAFT,
            _string("body", "Nội dung kế hoạch", widget="markdown", required=False),
        ],
    }


def _procedures(units: list, topics: list) -> dict[str, Any]:
    changes = [{"label": word.capitalize(), "value": word} for word in ("mới", "sửa đổi", "bãi bỏ")]
    assert all(c["value"] in CHANGE_KINDS for c in changes)
    sections = "\n\n".join(f"## {names[0]}\n\n" for key, (required, names) in PROCEDURE_SECTIONS.items()
                           if required)
    return {
        "name": "procedures", "label": "Thủ tục hành chính", "label_singular": "thủ tục",
        "folder": "content/procedures", "create": True, "extension": "md", "format": "frontmatter",
        "slug": "{{slug}}", "identifier_field": "name", "summary": "{{code}} – {{name}}",
        "fields": [
            _ID,
            _string("name", "Tên thủ tục"),
            _string("code", "Mã TTHC", hint="Mã trên Cổng Dịch vụ công quốc gia, ví dụ 1.005090. " + _CODE_HINT,
                    pattern=[r"^\d\.\d{6}", "Mã TTHC có dạng 1.005090"]),
            _string("field", "Lĩnh vực"),
            _select("level", "Cấp thực hiện", list(LEVELS)),
            _select("unit", "Cơ quan thực hiện", units),
            _select("online", "Dịch vụ công trực tuyến", list(ONLINE)),
            _string("portal_url", "Địa chỉ trên Cổng Dịch vụ công", required=False),
            _string("processing_time", "Thời hạn giải quyết"),
            _string("fees", "Phí, lệ phí"),
            _select("topics", "Chủ đề", topics, multiple=True, required=False),
            {"name": "history", "label": "Lịch sử công bố", "label_singular": "lần công bố", "widget": "list",
             "summary": "{{fields.change}} – {{fields.decision}}",
             "hint": "Cũ nhất trước: mỗi quyết định công bố mới, sửa đổi hoặc bãi bỏ thủ tục.",
             "fields": [
                 _select("change", "Loại", changes),
                 _string("decision", "Số quyết định", hint="Ví dụ: 1234/QĐ-UBND"),
                 _date("decision_date", "Ngày quyết định"),
                 _date("effective", "Ngày có hiệu lực", required=False),
                 _string("note", "Ghi chú", widget="text", required=False),
             ]},
            _DRAFT,
            _string("body", "Các mục của thủ tục", widget="markdown", default=sections,
                    hint="Giữ các đề mục bắt buộc (## ...): pháp luật yêu cầu đủ các mục này."),
        ],
    }


def _reference(units: list) -> dict[str, Any]:
    kinds = [{"label": label, "value": kind} for kind, label in UNIT_KINDS.items()]
    unit_fields = [
        _string("id", "Mã đơn vị", hint="Chữ thường không dấu và dấu '-', ví dụ hp-so-gddt. Không đổi sau khi đăng.",
                pattern=[r"^[a-z0-9]+(-[a-z0-9]+)*$", "Chỉ dùng chữ thường không dấu, số và dấu '-'"]),
        _string("name", "Tên đầy đủ"),
        _string("short_name", "Tên ngắn", required=False),
        _select("kind", "Loại đơn vị", kinds, required=False),
        _select("parent", "Đơn vị cấp trên", units, required=False),
        _string("hotline", "Đường dây nóng", required=False),
        _string("email", "Thư điện tử", required=False),
        _string("address", "Địa chỉ", required=False),
        _string("website", "Trang thông tin", required=False),
    ]
    return {
        "name": "reference", "label": "Đơn vị và chủ đề", "editor": {"preview": False},
        "files": [
            {"name": "units", "label": "Đơn vị", "file": "content/units.yml", "format": "yaml",
             "fields": [
                 {"name": "units", "label": "Đơn vị", "label_singular": "đơn vị", "widget": "list",
                  "summary": "{{fields.name}} ({{fields.id}})", "fields": unit_fields},
                 {"name": "groups", "label": "Nhóm đơn vị", "label_singular": "nhóm", "widget": "list",
                  "required": False, "summary": "{{fields.name}}",
                  "fields": [_string("id", "Mã nhóm"), _string("name", "Tên nhóm"),
                             _select("members", "Thành viên", units, multiple=True)]},
             ]},
            {"name": "topics", "label": "Chủ đề", "file": "content/topics.yml", "format": "yaml",
             "fields": [{"name": "topics", "label": "Chủ đề", "label_singular": "chủ đề", "widget": "list",
                         "summary": "{{fields.name}} ({{fields.id}})",
                         "fields": [_string("id", "Mã chủ đề"), _string("name", "Tên chủ đề"),
                                    _string("description", "Mô tả", widget="text", required=False)]}]},
        ],
    }
