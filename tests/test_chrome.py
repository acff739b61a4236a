"""What a page costs beyond its text (issue 15): the bytes outside its ``<article>``.

The demo site is built with the repository's mkdocs.yml and, for each page type, the page
with the most chrome (the bytes before ``<article`` and after ``</article>``: head, feed
links, header and search box, nav, footer, scripts) must stay within the type's budget, so
the chrome cannot grow back unnoticed. Before this budget (main at 86b30b1) a news item's
page of the demo carried up to 9.8 kB of it; with Material's base.html trimmed, 7.5 kB; with
the site's own base.html (docs/overrides/base.html), 6.5 kB; with the search dialog, the
header's second line and an empty footer left to where they show, classless nav entries
and crumbs that end at the parent, 4.8 kB. The budgets below are the measured figures plus
about 5% for longer titles. The plan and procedure pages carry their table of
contents in the sidebar, the feeds page its table of contents and every feed's Atom and
JSON links. A change that needs more must raise the budget here, in the open.

The other tests check what the lean chrome still does: a skip link to the content on every
page, one labelled nav, the logo's path written once, the table of contents' sidebar only
on a page that has one, RSS autodiscovery for every page's feeds, icons from the stylesheet.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

# page type -> (site paths, glob), budget in bytes outside <article> (largest page of the type)
BUDGETS: dict[str, tuple[str, int]] = {
    "home": ("index.html", 5800),
    "news item": ("tin-tuc/[0-9][0-9][0-9][0-9]/*/index.html", 5100),
    "news listing": ("tin-tuc/index.html", 4600),
    "plan": ("ke-hoach/*/index.html", 9500),
    "procedure": ("thu-tuc/*/index.html", 6900),
    "unit column": ("don-vi/*/index.html", 4600),
    "topic": ("chu-de/*/index.html", 4400),
    "archive": ("luu-tru/[0-9][0-9][0-9][0-9]/index.html", 4000),
    "task tables": ("nhiem-vu/index.html", 4200),
    "feeds page": ("nguon-tin/index.html", 8100),
    "404": ("404.html", 3600),
}


def _one(path: Path) -> int:
    data = path.read_bytes()
    start, end = data.find(b"<article"), data.rfind(b"</article>")
    assert 0 <= start < end, f"{path}: no <article>"
    return len(data) - (end + len(b"</article>") - start)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo content of this repository, built with its mkdocs.yml."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = tmp_path_factory.mktemp("chrome") / "site"
    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(out)))
    return out


@pytest.mark.parametrize("kind", list(BUDGETS))
def test_chrome_of_each_page_type_stays_within_its_budget(demo, kind):
    pattern, budget = BUDGETS[kind]
    pages = sorted(demo.glob(pattern))
    assert pages, pattern
    costs = {p.relative_to(demo).as_posix(): _one(p) for p in pages}
    worst = max(costs, key=costs.get)
    assert costs[worst] <= budget, (
        f"{kind}: /{worst} carries {costs[worst]:,} bytes outside <article>, over the budget of {budget:,}")


def test_every_page_has_a_skip_link_to_its_content(demo):
    pages = sorted(demo.rglob("*.html"))
    pages = [p for p in pages if not p.relative_to(demo).as_posix().startswith("admin/")]
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        links = re.findall(r'<a href="#([^"]+)" class="md-skip">([^<]+)</a>', html)
        assert len(links) == 1, (path, links)
        target, words = links[0]
        assert f'id="{target}"' in html, (path, target)
        # before the header, the nav and the search box: the first thing a Tab reaches
        assert html.index('class="md-skip"') < html.index("<header"), path
        assert words.strip() in ("Bỏ qua", "Bỏ qua, đến nội dung chính"), words


def test_the_chrome_keeps_landmarks_labels_and_draws_icons_from_the_stylesheet(demo):
    html = (demo / "tin-tuc").glob("[0-9][0-9][0-9][0-9]/*/index.html").__next__().read_text(encoding="utf-8")
    head, body = html.split("</head>", 1)
    # landmarks: one header, one main; no footer when the site has nothing to put in it (no
    # copyright in mkdocs.yml, no credit line); the section nav labelled, the search dialog too,
    # empty: cchc-search.js makes its input (test_search_browser.py)
    assert body.count("<header") == 1 and body.count("<main") == 1 and body.count("<footer") == 0
    assert '<nav class="md-nav md-nav--primary" aria-label="Thanh điều hướng"' in body
    assert '<div class="md-search cchc-search" role="dialog" aria-label="Tìm kiếm" data-cchc-search></div>' in body
    # every section of mkdocs.yml's nav, as a plain link with its Vietnamese title
    for title, href in [("Trang chủ", "../../.."), ("Tin tức", "../../"), ("Kế hoạch", "../../../ke-hoach/"),
                        ("Nguồn tin", "../../../nguon-tin/")]:
        assert f'<li><a href="{href}">{title}</a></li>' in body, title
    # no icon written into the page: the logo comes from the stylesheet too, once (the drawer's
    # title is the site's name; its first entry is the home page)
    assert "<svg" not in body and "<path" not in body
    assert body.count('class="md-header__button md-logo cchc-icon-logo" aria-label="Chuyên mục') == 1
    assert body.count("md-logo") == 1
    # the header's second line (the page's heading) is made by cchc-base.js, which only Material's script shows
    assert "header-topic" not in body
    # Material's script gets only the features it reads (none of this site's)
    assert '<script id="__config" type="application/json">{"base": "../../..", "features": [], ' in body
    # the head script finds the site's root from its own address (no data-md-scope to write)
    assert '<script src="../../../assets/javascripts/cchc-base.js"></script>' in head
    # the header's icons come from the stylesheet
    assert 'class="md-header__button md-icon cchc-icon-menu" for="__drawer"' in body
    assert 'class="md-header__button md-icon cchc-icon-search" for="__search" title="Tìm kiếm"' in body
    # no empty table of contents: a box of the sidebar's width keeps the layout
    assert "md-nav--secondary" not in body and '<div class="md-sidebar md-sidebar--secondary" ></div>' in body
    # head: no generator, RSS only for the news item's feeds (unit, topics, all news)
    assert 'name="generator"' not in head
    types = re.findall(r'<link rel="alternate" type="([^"]+)"', head)
    assert types and set(types) == {"application/rss+xml"}, types
    assert head.index("/feeds/tin-tuc.rss.xml") > head.index("/feeds/don-vi-")


def test_a_page_with_a_table_of_contents_keeps_its_sidebar(demo):
    html = (demo / "nguon-tin" / "index.html").read_text(encoding="utf-8")
    toc = html.split('<nav class="md-nav md-nav--secondary" aria-label="Mục lục">', 1)[1].split("</nav>", 1)[0]
    assert 'href="#cach-theo-doi"' in toc
    # the section's own page in the nav is Material's, with the table of contents for the drawer
    assert 'class="md-nav__link md-nav__link--active"' in html and 'id="__toc"' in html


def test_the_section_nav_marks_the_current_section(demo):
    html = (demo / "tin-tuc" / "index.html").read_text(encoding="utf-8")
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert re.search(r'<a href="\./?" class="md-nav__link md-nav__link--active">\s*<span class="md-ellipsis">\s*'
                     r"Tin tức", nav), nav[:2000]


def test_a_site_overrides_one_partial_and_picks_its_own_icons(site_factory):
    """A site's custom_dir holds only what it changes: here Material's own nav.html back; and
    a site that names its menu icon in mkdocs.yml gets that icon inline, as with Material."""
    import material

    site = site_factory()
    custom = site.root / "overrides" / "partials"
    custom.mkdir(parents=True)
    original = Path(material.__file__).parent / "templates" / "partials" / "nav.html"
    (custom / "nav.html").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    shipped = (REPO / "docs" / "overrides").as_posix()
    site.write("mkdocs.yml", (site.root / "mkdocs.yml").read_text(encoding="utf-8").replace(
        f"custom_dir: {shipped}", f"custom_dir: {(site.root / 'overrides').as_posix()}\n  icon:\n"
                                  "    menu: material/menu-open"))
    site.build()
    html = site.html("tin-tuc/2024/tin-hoi-nghi/")
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert re.search(r'class="md-nav__link">\s*<span class="md-ellipsis">\s*Kế hoạch\s*</span>', nav)  # Material's
    assert nav.count("<path ") == 1  # Material's nav writes the logo again
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    menu = header.split('for="__drawer">', 1)[1].split("</label>", 1)[0]
    assert "<svg" in menu and "cchc-icon-menu" not in header  # the site's own icon, inline
    assert "cchc-icon-search" in header  # the search icon left to the stylesheet
    assert 'class="md-skip"' in html and 'id="__main"' in html  # the rest is the shipped templates'


def test_a_site_with_its_own_colours_gets_materials_palette(site_factory, demo):
    """Indigo on light is Material's default, already in its main stylesheet; any other
    palette in mkdocs.yml brings Material's colour stylesheet and the body's colour names."""
    site = site_factory()
    yml = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    site.write("mkdocs.yml", yml.replace("  font: false\n", "  font: false\n  palette:\n    primary: teal\n"))
    site.build()
    html = site.html("tin-tuc/2024/tin-hoi-nghi/")
    assert re.search(r'<link rel="stylesheet" href="[./]*assets/stylesheets/palette\.[0-9a-f]{8}\.min\.css">', html)
    assert 'data-md-color-primary="teal" data-md-color-accent="indigo"' in html
    html = (demo / "index.html").read_text(encoding="utf-8")  # mkdocs.yml: indigo
    assert "palette." not in html and "data-md-color-primary" not in html
    assert re.search(r'<link rel="stylesheet" href="[./]*assets/stylesheets/main\.[0-9a-f]{8}\.min\.css">', html)
    assert re.search(r'<script defer src="[./]*assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js"></script>', html)


def test_the_frame_speaks_the_sites_words(site_factory):
    """The frame's words are the site's strings: a rewording in mkdocs.yml reaches every page."""
    site = site_factory(extra_yml="extra:\n  cchc:\n    strings:\n      chrome.top: Về đầu trang\n"
                                  "      chrome.search: Tra cứu\n")
    yml = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    site.write("mkdocs.yml", yml.replace("  font: false\n", "  font: false\n  features:\n    - navigation.top\n"))
    site.build()
    html = site.html("tin-tuc/2024/tin-hoi-nghi/")
    assert 'data-md-component="top" hidden>Về đầu trang</button>' in html
    # the search button and the dialog (whose name cchc-search.js gives its input)
    assert 'for="__search" title="Tra cứu"' in html and 'role="dialog" aria-label="Tra cứu"' in html
    assert "Trở lại mục lục" not in html


def test_the_footer_comes_with_a_copyright_and_the_credit_only_when_asked(site_factory):
    site = site_factory()
    yml = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    site.write("mkdocs.yml", "copyright: © Sở Giáo dục và Đào tạo\n" + yml)
    site.build()
    html = site.html("tin-tuc/2024/tin-hoi-nghi/")
    assert html.count("<footer") == 1 and '<div class="md-copyright__highlight">© Sở Giáo dục và Đào tạo</div>' in html
    assert "Material for MkDocs" not in html
    site.write("mkdocs.yml", yml + "extra:\n  generator: true\n")  # the tiny site has no extra: of its own
    site.build()
    html = site.html("tin-tuc/2024/tin-hoi-nghi/")
    assert html.count("<footer") == 1 and "Trang được tạo bằng <a href" in html and "Material for MkDocs" in html


def test_materials_files_are_found_by_kind_or_named_in_vietnamese(tmp_path):
    """The frame asks for Material's stylesheet and script by kind; without them the build
    stops with what is missing and how to mend it, in Vietnamese."""
    import material
    from cchc.views.theme import material_assets

    theme = Path(material.__file__).parent / "templates"
    found = material_assets([str(tmp_path), str(theme)])
    assert (theme / found["main"]).is_file() and found["main"].startswith("assets/stylesheets/main.")
    assert (theme / found["bundle"]).is_file() and found["bundle"].startswith("assets/javascripts/bundle.")
    assert (theme / found["palette"]).is_file()
    with pytest.raises(LookupError) as raised:
        material_assets([str(tmp_path)])
    assert "không tìm thấy tệp bundle.*.min.js và main.*.min.css của giao diện Material" in str(raised.value)
    assert "./scripts/setup" in str(raised.value)


def test_a_site_without_a_palette_gets_no_colour_stylesheet(site_factory):
    """No palette in mkdocs.yml is Material's default colours: nothing more to load."""
    site = site_factory()
    site.build()
    html = site.html("tin-tuc/2024/tin-hoi-nghi/")
    assert "palette." not in html and "data-md-color-primary" not in html
    assert '<body dir="ltr" data-md-color-scheme="default">' in html


def test_the_features_left_out_of_the_pages_configuration_are_those_materials_script_never_reads():
    """base.html gives Material's script only SCRIPT_FEATURES; a Material that reads another
    feature from the page must be added there (else that feature would silently stop working)."""
    import material
    from cchc.views.theme import SCRIPT_FEATURES

    bundle = next((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))
    script = bundle.read_text(encoding="utf-8")
    feature = r'\b[A-Za-z_$]{1,3}\("((?:announce|content|header|navigation|search|toc)\.[a-z.]+)"\)'
    read = set(re.findall(feature, script))
    read -= {name for name in read if name.startswith("search.result.")}  # words, not features
    assert read and read <= SCRIPT_FEATURES, sorted(read - SCRIPT_FEATURES)
    assert "navigation.top" not in read and "navigation.indexes" not in read


def test_every_page_loads_the_frames_files_from_the_sites_root(demo):
    """The frame's stylesheets and scripts are written from base_url: on a page deep in the
    site, at its root, and on the 404 page (whose base_url is the site's path, "/")."""
    for rel, prefix in [("index.html", "./"), ("tin-tuc/index.html", "../"), ("404.html", "/")]:
        head = (demo / rel).read_text(encoding="utf-8").split("</head>", 1)[0]
        refs = re.findall(r'(?:href|src)="([^"]*assets/(?:stylesheets|javascripts|search)/[^"]+)"', head)
        assert len(refs) >= 4, (rel, refs)
        assert all(ref.startswith(prefix + "assets/") for ref in refs), (rel, refs)
        assert not any(ref.startswith("//") for ref in refs), (rel, refs)
