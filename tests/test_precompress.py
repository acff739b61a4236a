"""Precompressed copies for the web server (cchc.publish.precompress): a step of publication
(``cchc deploy``, ``cchc precompress``), not of ``mkdocs build``."""

from __future__ import annotations

import gzip
import hashlib

import brotli
from cchc.commands import precompress as precompress_command
from cchc.publish.precompress import gzip_bytes, precompress


def published(tiny):
    """Build the tiny site, then write its copies, as ``cchc deploy`` does."""
    site = tiny.build()
    precompress(site)
    return site


def digests(site) -> dict[str, tuple[str, str, str]]:
    """{file: (digest of the file, of its .gz, of its .br)} for every file that has copies."""
    def digest(path):
        return hashlib.sha256(path.read_bytes()).hexdigest()

    return {gz.relative_to(site).as_posix()[:-3]: (digest(gz.with_suffix("")), digest(gz),
                                                   digest(gz.with_suffix(".br")))
            for gz in sorted(site.rglob("*.gz"))}


def test_a_build_writes_no_copies_and_precompress_writes_gzip_and_brotli_copies(site_factory):
    tiny = site_factory()
    site = tiny.build()
    assert not [p for p in site.rglob("*.br")] and not [p for p in site.rglob("*.gz") if p.name != "sitemap.xml.gz"]
    precompress(site)
    for rel in ["index.html", "tin-tuc/index.html", "feeds/tin-tuc.rss.xml", "feeds/tin-tuc.atom.xml",
                "sitemap.xml", "pagefind/pagefind-entry.json", "pagefind/pagefind.js",
                "assets/search/cchc-search.js", "assets/stylesheets/cchc.css", "nhiem-vu/nhiem-vu.csv"]:
        original = (site / rel).read_bytes()
        packed = (site / f"{rel}.gz").read_bytes()
        assert gzip.decompress(packed) == original and len(packed) < len(original), rel
        assert brotli.decompress((site / f"{rel}.br").read_bytes()) == original, rel


def test_every_page_copy_is_the_page_as_written(site_factory):
    site = published(site_factory())
    pages = sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("admin/"))
    assert len(pages) > 20
    for page in pages:
        original = page.read_bytes()
        assert gzip.decompress(page.with_name(page.name + ".gz").read_bytes()) == original, page
        assert brotli.decompress(page.with_name(page.name + ".br").read_bytes()) == original, page
    assert not list((site / "admin").rglob("*.gz"))  # the web editor is left alone


def test_copies_are_deterministic_gzip_without_time_or_name(site_factory):
    tiny = site_factory()
    first = digests(published(tiny))
    second = digests(published(tiny))
    assert first.keys() == second.keys() and len(first) > 20
    same = [rel for rel in first if first[rel][0] == second[rel][0]]
    assert len(same) > 20 and all(first[rel] == second[rel] for rel in same)  # same file, same copies
    header = (tiny.root / "site" / "index.html.gz").read_bytes()[:10]
    assert header[3] & 0x08 == 0  # FNAME flag clear: no file name stored
    assert header[4:8] == b"\0\0\0\0"  # MTIME 0


def test_pagefind_index_files_and_materials_unused_search_are_left_alone(site_factory):
    site = published(site_factory())
    pf_files = [p for p in (site / "pagefind").rglob("*") if p.is_file() and ".pf_" in p.name]
    assert pf_files and all(p.read_bytes()[:2] == b"\x1f\x8b" for p in pf_files)  # gzip streams already
    assert not [p for p in (site / "pagefind").rglob("*.pf_*.*")]  # no .gz/.br copy of them
    assert not list((site / "pagefind").glob("wasm.*.gz"))


def test_pagefind_webassembly_gets_a_brotli_copy_of_its_unpacked_content(site_factory):
    """pagefind.js takes data that starts with its signature as already unpacked."""
    site = published(site_factory())
    wasm = next((site / "pagefind").glob("wasm.*.pagefind"))
    copy = brotli.decompress(wasm.with_name(wasm.name + ".br").read_bytes())
    assert copy == gzip.decompress(wasm.read_bytes()) and copy.startswith(b"pagefind_dcd")
    assert wasm.with_name(wasm.name + ".br").stat().st_size < wasm.stat().st_size
    script = (site / "pagefind" / "pagefind.js").read_text(encoding="utf-8")
    assert '==="pagefind_dcd"){return data.slice(12);}' in script  # the code path the copy relies on
    assert not list((site / "assets" / "javascripts" / "lunr").rglob("*.gz"))


def test_a_copy_that_is_not_smaller_is_not_written_and_a_stale_one_is_removed(tmp_path):
    (tmp_path / "a.txt").write_text("ok", encoding="utf-8")
    (tmp_path / "a.txt.gz").write_bytes(gzip_bytes(b"old text of an earlier build"))
    (tmp_path / "big.html").write_text("<p>cải cách hành chính</p>\n" * 200, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG" + b"\0" * 500)
    report = precompress(tmp_path, skip=())
    assert not (tmp_path / "a.txt.gz").exists() and not (tmp_path / "a.txt.br").exists()
    assert (tmp_path / "big.html.gz").is_file() and (tmp_path / "big.html.br").is_file()
    assert not (tmp_path / "photo.png.gz").exists()
    assert report.files == 2 and report.written == {"gz": 1, "br": 1}


def test_precompress_command_writes_the_copies_and_says_so_in_vietnamese(site_factory, capsys):
    site = site_factory().build()
    assert precompress_command.main(["--site-dir", str(site)]) == 0
    said = capsys.readouterr().out
    assert "Bản nén sẵn cho máy chủ web" in said and ".br:" in said and ".gz:" in said
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == (site / "index.html").read_bytes()
    assert precompress_command.main(["--site-dir", str(site / "khong-co")]) == 1
    assert "hãy dựng trang trước" in capsys.readouterr().err
