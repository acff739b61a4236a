"""Pictures on news items: a file under docs/assets/images/, alt text required, a size limit,
and the picture in the item's page and in the feeds (RSS enclosure, Atom link rel=enclosure)."""

from __future__ import annotations

import feedparser
import pytest
from cchc.content.loader import IMAGE_MAX_BYTES
from conftest import NEWS

NEWS_PATH = "content/news/2024/tin-hoi-nghi.md"
PICTURE = "assets/images/hoi-nghi.png"
ALT = "Quang cảnh hội nghị triển khai cải cách hành chính tại hội trường Sở"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
       b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def with_picture(site, lines: str, picture: bytes | None = PNG, name: str = PICTURE) -> str:
    if picture is not None:
        path = site.root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(picture)
    text = NEWS.replace("tasks:", f"{lines}\ntasks:")
    site.write(NEWS_PATH, text)
    return text


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


@pytest.mark.parametrize(("lines", "picture", "at", "field", "words"), [
    (f"image: {PICTURE}", PNG, "image:", "image_alt", "ảnh chưa có mô tả"),
    (f"image: {PICTURE}\nimage_alt: \"\"", PNG, "image:", "image_alt", "ảnh chưa có mô tả"),
    (f"image: {PICTURE}\nimage_alt: {ALT}", b"\x00" * (IMAGE_MAX_BYTES + 1), "image:", "image", "quá mức 1 MB"),
    (f"image: assets/images/khong-co.png\nimage_alt: {ALT}", None, "image:", "image", "không có tệp ảnh"),
    (f"image: assets/images/hoi-nghi.bmp\nimage_alt: {ALT}", None, "image:", "image", "không phải ảnh JPG"),
    (f"image_alt: {ALT}", None, "image_alt:", "image_alt", "không có ảnh"),
])
def test_picture_mistakes_are_refused_with_file_line_and_fix(site_factory, lines, picture, at, field, words):
    site = site_factory()
    text = with_picture(site, lines, picture)
    result = site.check()
    assert result.site is None
    (problem,) = result.problems.errors
    assert problem.path == NEWS_PATH and problem.line == line_of(text, at) and problem.field == field
    assert words in problem.message and problem.fix


def test_a_picture_is_shown_on_the_item_and_carried_by_the_feeds(site_factory):
    site = site_factory()
    with_picture(site, f"image: {PICTURE}\nimage_alt: {ALT}")
    out = site.build()
    page = (out / "tin-tuc/2024/tin-hoi-nghi/index.html").read_text(encoding="utf-8")
    assert f'<img src="../../../assets/images/hoi-nghi.png" alt="{ALT}">' in page
    listing = (out / "tin-tuc/index.html").read_text(encoding="utf-8")  # a list with summaries
    assert f'src="../assets/images/hoi-nghi.png" alt="{ALT}"' in listing
    assert (out / PICTURE).read_bytes() == PNG
    url = "https://cchc.test/" + PICTURE
    for name in ("tin-tuc", "don-vi-hp-so-gddt"):
        for kind in ("rss", "atom"):
            feed = feedparser.parse((out / "feeds" / f"{name}.{kind}.xml").read_bytes())
            assert not feed.bozo
            (entry,) = [e for e in feed.entries if e.title.startswith("Hội nghị triển khai")]
            assert [dict(e) for e in entry.enclosures] == [{"href": url, "type": "image/png",
                                                            "length": str(len(PNG))}], f"{name}.{kind}"
            assert entry.link.endswith("tin-tuc/2024/tin-hoi-nghi/"), "the picture is not taken for the page"
    full = feedparser.parse((out / "feeds/tin-tuc.rss.xml").read_bytes()).entries[0]
    assert f'alt="{ALT}"' in full.content[0].value
