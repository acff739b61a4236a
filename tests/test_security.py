"""Security and reliability (issue 12): what a careless or hostile editor's content can do.

Each test builds a tiny site (``site_factory``) and asserts on what a citizen's
browser gets (the item's page), what a feed reader gets (feedparser), and what the
editor is told (``check`` problems and the build's log, with file and line).
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from pathlib import Path

import feedparser
import pytest
from cchc.content.safety import audit_html, clean_html, render_markdown, site_path, url_problem
from conftest import NEWS, PROCEDURE, UNITS
from lxml import etree
from mkdocs.exceptions import Abort

NEWS_FILE = "content/news/2024/tin-hoi-nghi.md"
NEWS_URL = "tin-tuc/2024/tin-hoi-nghi/"
BODY_LINE = NEWS.split("\n").index("---", 1) + 2  # the body's first line in NEWS


def news_with_body(body: str, **fields: str) -> str:
    text = NEWS.replace("Sáng 20/02, Sở Giáo dục và Đào tạo tổ chức hội nghị.\n", body)
    for key, value in fields.items():
        line = f"{key}: {value}"
        if re.search(rf"^{key}: ", text, flags=re.M):
            text = re.sub(rf"^{key}: .*$", lambda _m, line=line: line, text, count=1, flags=re.M)
        else:  # a new field goes after the summary
            text = re.sub(r"^(summary: .*)$", lambda m, line=line: f"{m[1]}\n{line}", text, count=1, flags=re.M)
    return text


def article(page: str) -> str:
    """The page's article (the theme's own scripts are outside it)."""
    return page[page.index("<article"): page.index("</article>")]


def errors(result, path: str | None = None) -> list[str]:
    return [str(p) for p in result.problems.errors if path is None or p.path == path]


# -- 1. sanitized bodies ----------------------------------------------------------------------
HOSTILE = """Mở đầu bài viết.

<script>alert('xss')</script>

<img src="x.png" onerror="alert(1)">

[Bấm vào đây](javascript:alert(2)) và [đây nữa](JaVaScRiPt&#58;alert(3))

<iframe src="https://evil.example/"></iframe>

<p style="color:red" onclick="alert(4)">Đoạn dán từ Word</p>

<a href="data:text/html;base64,PHNjcmlwdD4=">dữ liệu</a>

Đoạn có thuộc tính gắn kèm.
{: onmouseover="alert(5)" }

Kết bài.
"""


def test_hostile_body_is_reported_with_lines_and_never_reaches_pages_or_feeds(site_factory):
    site = site_factory()
    site.write(NEWS_FILE, news_with_body(HOSTILE))
    lines = {text: BODY_LINE + i for i, text in enumerate(HOSTILE.split("\n"))}

    result = site.check()
    found = errors(result, NEWS_FILE)
    assert result.site is None
    expect = {"<script>": "<script>alert('xss')</script>", "'onerror'": '<img src="x.png" onerror="alert(1)">',
              "'javascript:'": "[Bấm vào đây](javascript:alert(2)) và [đây nữa](JaVaScRiPt&#58;alert(3))",
              "<iframe>": '<iframe src="https://evil.example/"></iframe>',
              "'style'": '<p style="color:red" onclick="alert(4)">Đoạn dán từ Word</p>',
              "'onclick'": '<p style="color:red" onclick="alert(4)">Đoạn dán từ Word</p>',
              "'data:'": '<a href="data:text/html;base64,PHNjcmlwdD4=">dữ liệu</a>',
              "'onmouseover'": '{: onmouseover="alert(5)" }'}
    for what, line_text in expect.items():
        line = lines[line_text]
        assert any(e.startswith(f"{NEWS_FILE}:{line}: body:") and what in e for e in found), (what, line, found)
    assert sum("'javascript:'" in e for e in found) == 2  # both spellings

    with pytest.raises(Abort):
        site.build(strict=True)
    logged = [m for m in site.logs if m.startswith("ERROR") and NEWS_FILE in m]
    assert any("<script>" in m for m in logged) and any("'onerror'" in m for m in logged)

    site.build(strict=False)  # the non-strict build publishes the sanitized page only
    page = article(site.html(NEWS_URL))
    body = page[page.index("Mở đầu bài viết."): page.index("Kết bài.")].lower()  # the editor's part
    for bad in ("<script", "alert(", "onerror", "onclick", "javascript", "<iframe", "data:text", "style=\"color"):
        assert bad not in body, bad
    assert "đoạn dán từ word" in body and "đoạn có thuộc tính gắn kèm." in body
    feed = (site.root / "site" / "feeds" / "tin-tuc.rss.xml").read_bytes()
    content = etree.fromstring(feed).find("channel/item/{http://purl.org/rss/1.0/modules/content/}encoded").text
    for bad in ("<script", "alert(", "onerror", "javascript", "<iframe"):
        assert bad not in content.lower(), bad
    assert "Đoạn dán từ Word" in content


LEGIT = """## Mục đích {#muc-dich}

Đoạn có **chữ đậm**, *nghiêng* và dòng<br>
xuống dòng.

1. Bước một
2. Bước hai

| Bước | Thời gian |
|:-----|----------:|
| Nộp hồ sơ | 1 ngày |

Xem [Cổng Dịch vụ công](https://dichvucong.gov.vn), [thủ tục](/thu-tuc/cap-ban-sao-van-bang/),
[đơn vị](../../../don-vi/hp-so-gddt/), gọi [0225 3842 185](tel:02253842185) hoặc <sogddt@haiphong.gov.vn>.

![Ảnh hội nghị](/assets/images/hoi-nghi.png)

<figure><img src="/assets/images/hoi-nghi.png" alt="Hội nghị"><figcaption>Hội nghị 2024</figcaption></figure>

> Trích dẫn.
"""


def test_what_editors_legitimately_write_passes_and_is_kept(site_factory):
    site = site_factory()
    site.write("docs/assets/images/hoi-nghi.png", "png")
    site.write(NEWS_FILE, news_with_body(LEGIT))
    result = site.check()
    assert errors(result) == []
    site.build(strict=True)
    body = article(site.html(NEWS_URL))
    for kept in ('<h2 id="muc-dich">Mục đích</h2>', "<strong>chữ đậm</strong>", "<em>nghiêng</em>", "<br",
                 "<ol>", '<th style="text-align: left;">Bước</th>', 'href="https://dichvucong.gov.vn"',
                 'href="/thu-tuc/cap-ban-sao-van-bang/"', 'href="../../../don-vi/hp-so-gddt/"',
                 'href="tel:02253842185"',
                 'src="/assets/images/hoi-nghi.png"', "<figcaption>Hội nghị 2024</figcaption>", "<blockquote>"):
        assert kept in body, kept
    assert not [m for m in site.logs if m.startswith(("ERROR", "WARNING"))]


@pytest.mark.parametrize("snippet", [
    "<svg><script>alert(1)</script></svg>", "<a href=\"java\tscript:alert(1)\">x</a>",
    "<IMG SRC=x OnError=alert(1)>", "<object data=x.swf></object>", "<form action=/x><input name=a></form>",
    "<style>body{display:none}</style>", "<a href=\"vbscript:x\">x</a>", "<img src=\"//evil.example/x.png\">",
    "<!--[if gte mso 9]><xml>x</xml><![endif]-->", "<div class=\"cchc-block\"><button>x</button></div>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "<base href=\"https://evil.example/\">",
    "<a href=\"x\" target=\"_blank\">x</a>", "<span id=\"__drawer\">x</span>",
])
def test_every_removal_is_reported(snippet):
    """Whatever the sanitizer takes out of a body, the audit names (so nothing is lost silently)."""
    source = f"Trước.\n\n{snippet}\n\nSau."
    rendered = render_markdown(source)
    cleaned = clean_html(rendered)
    audit = audit_html(rendered, source, 10)
    assert audit.findings, cleaned
    assert all(f.line == 12 for f in audit.findings), audit.findings
    low = cleaned.lower()
    for bad in ("script", "onerror", "vbscript", "<style", "<object", "<form", "<meta", "<base", "evil.example",
                "target=", "__drawer", "<button", "mso"):
        assert bad not in low, (bad, cleaned)


def test_safe_urls_rules():
    for bad in ("javascript:alert(1)", "JAVASCRIPT:x", " java\nscript:x", "data:text/html,x", "vbscript:x",
                "file:///etc/passwd", "x:y"):
        assert url_problem(bad), bad
    for good in ("https://a.vn/", "http://a.vn", "mailto:a@b.vn", "tel:+842253842185", "/thu-tuc/x/", "../x/", "#muc"):
        assert url_problem(good) is None, good
    for bad_image in ("https://a.vn/x.png", "//a.vn/x.png", "data:image/png;base64,AA=="):
        assert url_problem(bad_image, image=True), bad_image
    assert site_path("../b/", "thu-tuc/a/", "https://h/") == "thu-tuc/b/"
    assert site_path("/thu-tuc/b/", "tin-tuc/2024/a/", "https://h/cchc/") == "/thu-tuc/b/"  # outside the site
    assert site_path("https://h/cchc/thu-tuc/b/", "x/", "https://h/cchc/") == "thu-tuc/b/"


# -- 2. safe URL fields ---------------------------------------------------------------------
def test_url_fields_accept_only_safe_addresses_and_images_inside_the_site(site_factory, tmp_path):
    site = site_factory()
    units = (UNITS.replace("website: https://haiphong.edu.vn", 'website: "JavaScript:alert(1)"')
             .replace("email: sogddt@haiphong.gov.vn", 'email: "a@b.vn\\" onclick=\\"x"'))
    units = units.replace("    kind: people-committee\n",
                          "    kind: people-committee\n    website: data:text/html,x\n", 1)
    site.write("content/units.yml", units)
    site.write("content/procedures/cap-ban-sao-van-bang.md", PROCEDURE.replace(
        "portal_url: https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.005090",
        "portal_url: javascript:alert(document.cookie)"))
    secret = tmp_path / "ngoai.png"
    secret.write_text("bí mật")
    (site.root / "docs" / "assets").mkdir()
    (site.root / "docs" / "assets" / "ngoai.png").symlink_to(secret)
    for n, image in enumerate(("/etc/passwd", "../../../x.png", "https://evil.example/a.png", "assets/ngoai.png")):
        site.write(f"content/news/2024/anh-{n}.md", news_with_body("Nội dung.\n", id=f"anh-{n}", image=image))
    result = site.check()
    found = errors(result)
    unit_lines = units.split("\n")
    assert any(e.startswith(f"content/units.yml:{unit_lines.index('    website: data:text/html,x') + 1}: ")
               and ".website:" in e and "'data:'" in e for e in found)
    assert any(e.startswith("content/units.yml:") and ".website:" in e and "'javascript:'" in e for e in found)
    assert any(e.startswith("content/units.yml:") and ".email:" in e for e in found)
    portal_line = PROCEDURE.split("\n").index("portal_url: https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-"
                                              "hanh-chinh-chi-tiet.html?ma_thu_tuc=1.005090") + 1
    assert any(e.startswith(f"content/procedures/cap-ban-sao-van-bang.md:{portal_line}: portal_url:") for e in found)
    image_line = [line.startswith("summary: ") for line in NEWS.split("\n")].index(True) + 2  # after summary
    for n in range(4):
        assert any(e.startswith(f"content/news/2024/anh-{n}.md:{image_line}: image:") for e in found), (n, found)
    assert "ngoai.png" in " ".join(e for e in found if "anh-3" in e)
    # the docs/ symlink itself is reported too (item 3)
    assert any(e.startswith("docs/assets/ngoai.png:1:") for e in found)


# -- 3. nothing from outside the repository -------------------------------------------------
def test_symlinks_leading_outside_the_repository_are_errors_and_nothing_outside_is_published(site_factory, tmp_path):
    site = site_factory()
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "tin.md").write_text(news_with_body("NỘI DUNG BÊN NGOÀI KHO\n", id="tin-ngoai"), encoding="utf-8")
    (outside / "passwd").write_text("root:x:0:0:BÍ MẬT", encoding="utf-8")
    (site.root / "content/news/2024/tin-ngoai.md").symlink_to(outside / "tin.md")
    (site.root / "docs/passwd.txt").symlink_to(outside / "passwd")
    (site.root / "docs/thu-muc").symlink_to(outside, target_is_directory=True)
    site.write("docs/assets/that.txt", "trong kho")
    (site.root / "docs/ban-sao.txt").symlink_to(site.root / "docs/assets/that.txt")  # inside: fine
    result = site.check()
    found = errors(result)
    assert any(e.startswith("content/news/2024/tin-ngoai.md:1:") and "symlink" in e for e in found)
    assert any(e.startswith("docs/passwd.txt:1:") for e in found)
    assert any(e.startswith("docs/thu-muc:1:") for e in found)
    assert not any("ban-sao.txt" in e for e in found)
    assert len(found) == 3, found
    with pytest.raises(Abort):
        site.build(strict=False)  # content errors stop every build, strict or not
    built = site.root / "site"
    for path in built.rglob("*") if built.exists() else []:
        if path.is_file():
            data = path.read_bytes()
            assert b"B\xc3\x8d M\xe1\xba\xacT" not in data and "NỘI DUNG BÊN NGOÀI".encode() not in data


# -- 4. feeds escaped for feed readers ------------------------------------------------------
def test_rss_descriptions_read_in_a_feed_reader_as_on_the_page(site_factory):
    site = site_factory()
    summary = 'Lệ phí < 50.000 đồng & "miễn phí" <b>đậm</b> <img src=x onerror=alert(1)> <mới>'
    site.write(NEWS_FILE, news_with_body("Nội dung.\n", summary="'" + summary.replace("'", "''") + "'"))
    site.write("content/topics.yml", (site.root / "content/topics.yml").read_text("utf-8").replace(
        "description: ", "description: Chủ đề <i>in nghiêng</i> & ", 1))
    site.build()
    page = site.html(NEWS_URL)
    assert html.escape(summary, quote=False) in page or html.escape(summary) in page  # the page shows the text
    for name in ("tin-tuc.rss.xml", "don-vi-hp-so-gddt.rss.xml"):
        raw = (site.root / "site" / "feeds" / name).read_bytes()
        parsed = feedparser.parse(raw)
        detail = parsed.entries[0].summary_detail
        assert detail.type == "text/html"
        assert html.unescape(detail.value) == summary  # rendered as HTML, it reads as the page's text
        assert "<img" not in detail.value and "<b>" not in detail.value
        assert etree.fromstring(raw).findtext("channel/item/description") == html.escape(summary, quote=False)
    topic_feeds = sorted((site.root / "site" / "feeds").glob("chu-de-*.rss.xml"))
    descriptions = [etree.fromstring(p.read_bytes()).findtext("channel/description") for p in topic_feeds]
    assert any(d.startswith("Chủ đề &lt;i&gt;in nghiêng&lt;/i&gt; &amp; ") for d in descriptions)
    atom = feedparser.parse((site.root / "site/feeds/tin-tuc.atom.xml").read_bytes()).entries[0]
    assert atom.summary_detail.type == "text/plain" and atom.summary == summary


# -- 5. invisible characters ------------------------------------------------------------------
def test_invisible_characters_in_titles_ids_and_names_are_normalised_or_reported(site_factory):
    site = site_factory()
    title = "Hội\u00a0nghị cải\u200bcách hành\u00adchính"
    site.write(NEWS_FILE, news_with_body("Nội dung.\n", title=title, id="tin-hoi\u200b-nghi"))
    site.write("content/news/2024/dao-chieu.md", news_with_body(
        "Nội dung.\n", id="dao-chieu", title="Thông báo \u202egnàht\u202c mới"))
    site.write("content/units.yml", UNITS.replace("name: Trường THPT chuyên Trần Phú",
                                                   "name: Trường THPT chuyên\u2007Trần \ufeffPhú"))
    result = site.check()
    title_line = NEWS.split("\n").index("title: Hội nghị triển khai cải cách hành chính năm 2024") + 1
    notices = [str(p) for p in result.problems.notices]
    assert any(n.startswith(f"{NEWS_FILE}:{title_line}: title:") and "U+00A0" in n and "U+200B" in n
               and "U+00AD" in n for n in notices), notices
    assert any(n.startswith(f"{NEWS_FILE}:") and " id:" in n and "U+200B" in n for n in notices)
    assert any(n.startswith("content/units.yml:") and "U+2007" in n and "U+FEFF" in n for n in notices)
    found = errors(result)
    assert any(e.startswith(f"content/news/2024/dao-chieu.md:{title_line}: title:") and "U+202E" in e for e in found)
    assert len(found) == 1, found
    site.remove("content/news/2024/dao-chieu.md")
    site.build()
    page = site.html(NEWS_URL)
    assert "<h1>Hội nghị cảicách hànhchính</h1>" in page
    assert "\u200b" not in page and "\u00ad" not in page
    assert "Trường THPT chuyên Trần Phú" in site.html("don-vi/hp-thpt-tran-phu/")
    feed = feedparser.parse((site.root / "site/feeds/tin-tuc.atom.xml").read_bytes())
    assert feed.entries[0].title == "Hội nghị cảicách hànhchính"
    assert feed.entries[0].id.endswith(":tin-tuc/tin-hoi-nghi")


# -- 6. links that exist --------------------------------------------------------------------
LINKS = """Xem [thủ tục có thật](/thu-tuc/cap-ban-sao-van-bang/).
Xem [thủ tục không có](/thu-tuc/khong-co/).
Xem [tin cùng năm không có](../tin-khong-co/).
Xem [đơn vị](../../../don-vi/hp-so-gddt/) và [kế hoạch](https://cchc.test/ke-hoach/kh-2024/).
Xem [kế hoạch sai](https://cchc.test/ke-hoach/kh-2099/) và [trang ngoài](https://dichvucong.gov.vn/khong-co/).
![ảnh thiếu](/assets/images/khong-co.png)
"""


def test_links_in_bodies_to_pages_that_do_not_exist_are_errors_with_file_and_line(site_factory):
    site = site_factory()
    site.write(NEWS_FILE, news_with_body(LINKS))
    bad = {BODY_LINE + 1: "/thu-tuc/khong-co/", BODY_LINE + 2: "../tin-khong-co/", BODY_LINE + 5: "khong-co.png"}
    result = site.check()
    found = errors(result)
    for line, what in bad.items():
        assert any(e.startswith(f"{NEWS_FILE}:{line}: body:") and what in e for e in found), (line, found)
    assert len(found) == 3, found  # (the absolute kh-2099 link is checked by the build, which knows site_url)
    with pytest.raises(Abort):
        site.build(strict=True)
    logged = [m for m in site.logs if m.startswith("ERROR") and NEWS_FILE in m]
    for line, what in {**bad, BODY_LINE + 4: "kh-2099"}.items():
        assert any(f"{NEWS_FILE}:{line}: body:" in m and what in m for m in logged), (line, logged)
    assert len(logged) == 4, logged


def test_links_to_drafts_are_errors_once_the_linking_item_is_published(site_factory):
    site = site_factory()
    site.write("content/procedures/nhap.md", PROCEDURE.replace("id: cap-ban-sao-van-bang", "id: nhap")
               .replace('code: "1.005090"', 'code: "1.005091"').replace("---\n## Trình", "draft: true\n---\n## Trình"))
    site.write(NEWS_FILE, news_with_body("Xem [bản nháp](/thu-tuc/nhap/).\n"))
    found = errors(site.check())
    assert any(e.startswith(f"{NEWS_FILE}:{BODY_LINE}: body:") and "/thu-tuc/nhap/" in e for e in found), found


# -- 7. byte-identical builds ---------------------------------------------------------------
def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_content_are_byte_identical(site_factory):
    site = site_factory()
    units = ["hp-so-gddt", "hp-gddt-van-phong", "hp-thpt-tran-phu", "hai-phong"]
    topics = ["chi-dao-dieu-hanh", "cai-cach-thu-tuc-hanh-chinh", "cai-cach-the-che", "cai-cach-tai-chinh-cong"]
    for n in range(12):  # several values in every search filter (unit, topic, type, year)
        site.write(f"content/news/{2021 + n % 4}/tin-{n}.md", NEWS.replace("id: tin-hoi-nghi", f"id: tin-{n}")
                   .replace("date: 2024-02-20", f"date: {2021 + n % 4}-02-{10 + n}")
                   .replace("unit: hp-so-gddt", f"unit: {units[n % 4]}")
                   .replace("topics: [chi-dao-dieu-hanh]", f"topics: [{topics[n % 4]}, {topics[(n + 1) % 4]}]")
                   .replace('tasks: ["kh-2024#1"]\n', ""))
    first = tree(site.build())
    os.rename(site.root / "site", site.root / "site-1")
    second = tree(site.build())
    assert any(name.startswith("pagefind/filter/") for name in first)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_links_of_hand_written_pages_to_addresses_no_page_has_are_errors(site_factory):
    site = site_factory()
    site.write("docs/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n# Giới thiệu\n\n"
               "Xem [thủ tục](/thu-tuc/cap-ban-sao-van-bang/) và [đơn vị](../don-vi/hp-so-gddt/).\n\n"
               "Xem [trang cũ](/trang-cu/) và [nguồn tin](../nguon-tin/).\n")
    with pytest.raises(Abort):
        site.build(strict=True)
    logged = [m for m in site.logs if m.startswith("ERROR") and "docs/gioi-thieu.md" in m]
    assert len(logged) == 1 and "docs/gioi-thieu.md:8:" in logged[0] and "/trang-cu/" in logged[0], logged


def test_a_body_cannot_pass_for_the_pages_own_html_blocks(site_factory):
    """Generated pages set their own HTML blocks aside before Markdown runs; an editor's line
    written like one must not skip the sanitizer."""
    site = site_factory()
    forged = '<div class="cchc-block"><img src="x.png" onerror="alert(1)"><script>alert(2)</script></div>'
    site.write(NEWS_FILE, news_with_body(f"Trước.\n\n{forged}\n\nSau.\n"))
    assert any(e.startswith(f"{NEWS_FILE}:{BODY_LINE + 2}: body:") for e in errors(site.check()))
    with pytest.raises(Abort):
        site.build(strict=True)
    assert any(f"{NEWS_FILE}:{BODY_LINE + 2}: body:" in m and "<script>" in m for m in site.logs)
    site.build(strict=False)
    page = article(site.html(NEWS_URL))
    body = page[page.index("Trước."): page.index("Sau.")]
    assert "onerror" not in body and "alert" not in body and "cchc-block" not in body


def test_relative_links_to_files_resolve_as_mkdocs_resolves_them(site_factory):
    """``../../assets/x.png`` from ``content/news/2024/a.md`` is relative to the page's source
    folder, as MkDocs rewrites it: ``cchc check`` and the build agree that it exists."""
    site = site_factory()
    site.write("docs/assets/images/a.png", "png")
    good = "![ảnh](../../assets/images/a.png) [thủ tục](../../thu-tuc/cap-ban-sao-van-bang.md)\n"
    site.write(NEWS_FILE, news_with_body(good + "\n![ảnh thiếu](../../assets/images/b.png)\n"))
    found = errors(site.check())
    assert len(found) == 1 and found[0].startswith(f"{NEWS_FILE}:{BODY_LINE + 2}: body:") and "b.png" in found[0]
    site.write(NEWS_FILE, news_with_body(good))
    assert errors(site.check()) == []
    site.build(strict=True)
    body = article(site.html(NEWS_URL))
    assert 'src="../../../assets/images/a.png"' in body and 'href="../../../thu-tuc/cap-ban-sao-van-bang/"' in body


def test_procedure_and_plan_bodies_are_checked_with_their_own_lines(site_factory):
    from conftest import PLAN

    site = site_factory()
    proc = PROCEDURE.replace("Nộp yêu cầu tại bộ phận một cửa.", "Nộp yêu cầu <script>alert(1)</script>.")
    plan = PLAN.replace("Nâng cao nhận thức về cải cách hành chính.", "Xem [mẫu](javascript:alert(1)).")
    site.write("content/procedures/cap-ban-sao-van-bang.md", proc)
    site.write("content/plans/kh-2024.md", plan)
    proc_line = proc.split("\n").index("Nộp yêu cầu <script>alert(1)</script>.") + 1
    plan_line = plan.split("\n").index("Xem [mẫu](javascript:alert(1)).") + 1
    found = errors(site.check())
    assert any(e.startswith(f"content/procedures/cap-ban-sao-van-bang.md:{proc_line}: body:") and "<script>" in e
               for e in found), found
    assert any(e.startswith(f"content/plans/kh-2024.md:{plan_line}: body:") and "'javascript:'" in e for e in found)
    with pytest.raises(Abort):
        site.build(strict=True)
    assert any(f"content/procedures/cap-ban-sao-van-bang.md:{proc_line}: body:" in m for m in site.logs)
    assert any(f"content/plans/kh-2024.md:{plan_line}: body:" in m for m in site.logs)


def test_a_linked_folder_under_content_is_reported_not_skipped_silently(site_factory):
    site = site_factory()
    site.write("luu-tru/2023/tin-cu.md", news_with_body("Nội dung.\n", id="tin-cu"))
    (site.root / "content/news/2023").symlink_to(site.root / "luu-tru/2023", target_is_directory=True)
    found = errors(site.check())
    assert found and found[0].startswith("content/news/2023:1:") and "symlink" in found[0], found
