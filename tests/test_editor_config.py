"""The web editor's configuration is generated from the content model: collections, pickers with
the real ids and names, the production backend from mkdocs.yml; the page and bundle are published."""

from __future__ import annotations

import yaml


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def field(fields: list, name: str) -> dict:
    return next(f for f in fields if f["name"] == name)


def test_config_lists_the_real_ids_with_their_names(site_factory):
    site = site_factory(extra_yml="extra:\n  cchc:\n    editor:\n      backend: gitlab\n"
                                  "      repo: so-gddt/cchc\n      base_url: https://git.so-gddt.vn\n")
    out = site.build()
    config = yaml.safe_load((out / "admin/config.yml").read_text(encoding="utf-8"))
    assert config["locale"] == "vi" and config["local_backend"]["url"].endswith("/api/v1")
    assert config["backend"] == {"name": "gitlab", "repo": "so-gddt/cchc", "base_url": "https://git.so-gddt.vn",
                                 "branch": "main"}
    assert config["media_folder"] == "docs/assets/images" and config["public_folder"] == "/assets/images"
    assert config["media_processing"]["enabled"] and config["media_processing"]["width"] == 1280

    news = collection(config, "news")["fields"]
    units = field(news, "unit")["options"]
    assert {"label": "Trường THPT chuyên Trần Phú (hp-thpt-tran-phu)", "value": "hp-thpt-tran-phu"} in units
    assert any(o["value"] == "hp-phong-gddt-an-duong" and "đã kết thúc 01/07/2025" in o["label"] for o in units)
    tasks = field(news, "tasks")["options"]
    assert [t["value"] for t in tasks] == ["kh-2024#1", "kh-2024#2"]
    assert "Duy trì chuyên mục cải cách hành chính" in tasks[0]["label"]
    assert "chi-dao-dieu-hanh" in [t["value"] for t in field(news, "topics")["options"]]

    plan_tasks = field(collection(config, "plans")["fields"], "tasks")["fields"]
    leads = [o["value"] for o in field(plan_tasks, "lead")["options"]]
    assert "hp-gddt-cac-don-vi" in leads and "hp-so-gddt" in leads  # groups too
    history = field(collection(config, "procedures")["fields"], "history")["fields"]
    assert [o["value"] for o in field(history, "change")["options"]] == ["mới", "sửa đổi", "bãi bỏ"]

    page = (out / "admin/index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms.js"></script>' in page and 'href="config.yml"' in page
    assert (out / "admin/decap-cms.js").stat().st_size > 1_000_000, "the pinned bundle is published"
    assert "://" not in page, "nothing from another host"


def test_the_config_follows_the_content(site_factory):
    site = site_factory()
    site.write("content/plans/kh-2024.md", (site.root / "content/plans/kh-2024.md").read_text(encoding="utf-8")
               .replace("title: Tổ chức cuộc thi", "title: Tổ chức hội thi"))
    out = site.build()
    config = yaml.safe_load((out / "admin/config.yml").read_text(encoding="utf-8"))
    labels = [o["label"] for o in field(collection(config, "news")["fields"], "tasks")["options"]]
    assert any("Tổ chức hội thi" in label for label in labels)
