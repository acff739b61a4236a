"""Slugs, folding and the other Vietnamese text helpers."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime

import pytest
from cchc.text import (
    fold,
    forbidden_chars,
    heading_slug,
    is_ident,
    looks_like_legacy_encoding,
    nfc,
    show_date,
    show_datetime,
    show_seconds,
    slugify,
)


@pytest.mark.parametrize(("text", "slug"), [
    ("Đào tạo 2024", "dao-tao-2024"),
    ("đường", "duong"),
    ("ĐƯỜNG ĐI", "duong-di"),
    ("Sở GDĐT Hải Phòng", "so-gddt-hai-phong"),
    ("Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "cap-ban-sao-van-bang-chung-chi-tu-so-goc"),
    ("  Hội nghị: CCHC -- năm 2024!  ", "hoi-nghi-cchc-nam-2024"),
    ("Quý III/2025 (đợt 1)", "quy-iii-2025-dot-1"),
    ("978/KH-SGDĐT", "978-kh-sgddt"),
    ("!!!", ""),
])
def test_slugify(text, slug):
    assert slugify(text) == slug
    assert slugify(unicodedata.normalize("NFD", text)) == slug, "decomposed input gives the same slug"


@pytest.mark.parametrize(("title", "anchor"), [
    ("Đối tượng thực hiện", "doi-tuong-thuc-hien"),
    ("Điều kiện thực hiện", "dieu-kien-thuc-hien"),
    ("Quá trình công bố, sửa đổi", "qua-trinh-cong-bo-sua-doi"),
    ("Danh mục nhiệm vụ", "danh-muc-nhiem-vu"),
])
def test_heading_slug_keeps_d(title, anchor):
    assert heading_slug(title) == anchor


def test_seconds_are_written_with_a_decimal_comma():
    assert show_seconds(0.574) == "0,57" and show_seconds(18.4) == "18,40"


def test_slugify_cuts_at_a_word():
    slug = slugify("Kế hoạch tuyên truyền cải cách hành chính nhà nước", max_length=20)
    assert slug == "ke-hoach-tuyen"
    assert len(slug) <= 20 and is_ident(slug)


@pytest.mark.parametrize(("text", "folded"), [
    ("Thủ tục", "thu tuc"),
    ("Đơn đề nghị", "don de nghi"),
    ("ĐĂNG KÝ", "dang ky"),
    ("Quảng Ninh đẹp", "quang ninh dep"),
    ("mixed Đ and đ", "mixed d and d"),
])
def test_fold(text, folded):
    assert fold(text) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded


def test_nfc():
    decomposed = unicodedata.normalize("NFD", "Hội nghị")
    assert decomposed != "Hội nghị"
    assert nfc(decomposed) == "Hội nghị"


@pytest.mark.parametrize("value", ["hp-so-gddt", "a", "2024-03-05-hoi-nghi"])
def test_is_ident(value):
    assert is_ident(value)


@pytest.mark.parametrize("value", ["Hp-so", "hp--so", "-hp", "hp-", "hp_so", "đà-nẵng", "hp so", ""])
def test_is_not_ident(value):
    assert not is_ident(value)


def test_forbidden_chars():
    assert forbidden_chars("a\vb\x0cc") == ["\v", "\x0c"]
    assert forbidden_chars("tab\tis fine") == []


@pytest.mark.parametrize("line", ["Céng hßa x· héi chñ nghÜa ViÖt Nam", "Vieät Nam", "Th¸i B×nh"])
def test_legacy_encodings_are_recognised(line):
    assert looks_like_legacy_encoding(line)


@pytest.mark.parametrize("line", ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Thái Bình", "Đơn vị: 100%",
                                  "Viet Nam", "978/KH-SGDĐT ngày 05/3/2024"])
def test_unicode_vietnamese_is_not_legacy(line):
    assert not looks_like_legacy_encoding(line)


def test_show_dates_in_vietnam_time():
    assert show_date(date(2024, 3, 5)) == "05/03/2024"
    # 20:00 UTC on 4 March is 03:00 on 5 March in Vietnam.
    utc = datetime(2024, 3, 4, 20, 0, tzinfo=UTC)
    assert show_date(utc) == "05/03/2024"
    assert show_datetime(utc) == "03:00 05/03/2024"
