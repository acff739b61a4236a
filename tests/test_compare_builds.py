"""``cchc compare-builds``: two builds compared as a reader sees them (text and links, not markup)."""

from __future__ import annotations

from pathlib import Path

from cchc.commands.compare_builds import compare, main


def write(root: Path, rel: str, html: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


PAGE = ('<html><head><title>Không tính</title><script>var x = "không tính";</script></head><body>'
        '<nav><a href="../../">Trang chủ</a></nav><h1>Tin   mới</h1><p>Nội dung <b>đậm</b>.</p>'
        '<img src="../../assets/a.png" alt="Ảnh hội nghị"></body></html>')


def test_same_text_and_links_in_other_markup_are_the_same(tmp_path):
    write(tmp_path / "a", "tin-tuc/x/index.html", PAGE)
    write(tmp_path / "b", "tin-tuc/x/index.html",
          '<html><head></head><body><nav class="other"><a href="/">Trang chủ</a></nav><div><h1>Tin mới</h1>'
          '<div>Nội dung <strong>đậm</strong>.</div><figure><img alt="Ảnh hội nghị" src="/assets/a.png">'
          '</figure></div></body></html>')
    assert compare(tmp_path / "a", tmp_path / "b") == []
    assert main([str(tmp_path / "a"), str(tmp_path / "b")]) == 0


def test_changed_words_links_and_files_are_listed(tmp_path, capsys):
    write(tmp_path / "a", "tin-tuc/x/index.html", PAGE)
    write(tmp_path / "b", "tin-tuc/x/index.html", PAGE.replace("đậm", "nhạt").replace('href="../../"',
                                                                                     'href="../../don-vi/"'))
    write(tmp_path / "a", "feeds/tin-tuc.rss.xml", "<rss/>")
    write(tmp_path / "b", "feeds/tin-tuc.rss.xml", "<rss></rss>")
    write(tmp_path / "b", "moi/index.html", PAGE)
    found = compare(tmp_path / "a", tmp_path / "b")
    assert any(d.startswith("moi/index.html: only in") for d in found)
    assert any(d.startswith("feeds/tin-tuc.rss.xml: the bytes differ") for d in found)
    text = next(d for d in found if d.startswith("tin-tuc/x/index.html: the text differs"))
    assert "-đậm" in text and "+nhạt" in text
    links = next(d for d in found if d.startswith("tin-tuc/x/index.html: the links differ"))
    assert "removed ['']" in links and "added ['don-vi/']" in links
    assert main([str(tmp_path / "a"), str(tmp_path / "b"), "--ignore", "feeds/"]) == 1
    assert "feeds/" not in capsys.readouterr().out
