"""What may reach a citizen's browser from content: safe URLs, sanitized bodies, visible text.

- **URLs.** ``url_problem(url)`` accepts only ``https:``, ``http:``, ``mailto:``, ``tel:``
  and addresses inside the site (as Hugo's ``safeURL``, plus ``tel:`` for hotlines);
  an image must be a file of the site (``image=True``). Browsers ignore tabs, line
  breaks and letter case in a scheme, so ``JaVa&#9;script:`` is caught too.
- **Bodies.** ``clean_html(html)`` is the one allow-list sanitizer (nh3, the binding to
  the Rust ``ammonia`` crate) for the rendered HTML of every content body, on pages
  and in feeds. ``audit_html(html, body, line)`` says, with the line of the content
  file, each thing ``clean_html`` removes, so it is reported and nothing is lost
  silently; it also lists the body's links to addresses of the site (``BodyAudit.links``)
  so ``missing_targets`` can report the ones no page has.
- **Invisible characters.** ``invisible_chars(text)`` finds no-break and odd-width
  spaces, zero-width characters, soft hyphens, direction controls and other characters
  that show nothing but change search, sorting and links; ``make_visible`` normalises
  the harmless ones.
- **Files.** ``outside_links(folder, root)`` lists the symlinks under ``folder`` that
  lead outside ``root`` (the repository), so nothing outside it is read or copied.

Messages are for editors, in Vietnamese. This module never imports MkDocs.
"""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nh3

from cchc import messages

# -- URLs --------------------------------------------------------------------------------
SAFE_SCHEMES = frozenset({"https", "http", "mailto", "tel"})
SAFE_SCHEMES_TEXT = "https://, http://, mailto:, tel: hoặc một địa chỉ trong trang"
# What browsers drop from a URL before reading it (WHATWG URL: C0 controls, space, tab, newline).
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def url_scheme(url: str) -> str | None:
    """The scheme of ``url`` as a browser reads it (lower case), or None for a relative address."""
    match = _SCHEME.match(_URL_NOISE.sub("", url))
    return match[1].lower() if match else None


def url_problem(url: str, image: bool = False) -> str | None:
    """Why ``url`` may not be published (in Vietnamese), or None when it is safe.

    ``image=True``: the address must be a file of the site (no scheme, no other host).
    """
    cleaned = _URL_NOISE.sub("", url)
    scheme = url_scheme(url)
    if image:
        if scheme or cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
            return messages.word("image_not_site_file", value=_short(url))
        return None
    if scheme is not None and scheme not in SAFE_SCHEMES:
        return messages.word("unsafe_scheme", value=_short(url), scheme=scheme)
    return None


def _short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


# -- the sanitizer -----------------------------------------------------------------------
# What editors legitimately write in Markdown bodies (and what Python-Markdown makes of it).
ALLOWED_TAGS = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span",
    "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "abbr", "q",
    "code", "pre", "kbd", "blockquote", "cite",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a", "img", "figure", "figcaption",
})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "td": {"colspan", "rowspan", "style"},
    "col": {"span"},
    "colgroup": {"span"},
}
# Removed together with everything inside them (their content is code, not text).
DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
    "noframes", "template", "svg", "math", "textarea", "select", "xmp", "plaintext",
})
# attr_list ids and the heading ids of the toc extension; "__..." ids belong to the theme
# (``__drawer``, ``__search``): an editor's element with one would break the page.
_ID = re.compile(r"^(?!__)[A-Za-z0-9_][A-Za-z0-9_\-]*$")
_ALIGN = re.compile(r"^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{1,5}$")
_URL_ATTRS = {("a", "href"), ("img", "src")}


def _attribute_value(tag: str, attr: str, value: str) -> str | None:
    """The value ``clean_html`` keeps for ``attr`` of ``tag``, or None when it removes it."""
    if attr == "id":
        return value if _ID.match(value) else None
    if attr == "style":
        match = _ALIGN.match(value)
        return f"text-align: {match[1].lower()};" if match else None
    if attr in ("width", "height", "colspan", "rowspan", "span", "start"):
        return value if _NUMBER.match(value.strip()) else None
    if (tag, attr) in _URL_ATTRS:
        return None if url_problem(value, image=tag == "img") else value
    return value


def clean_html(html: str) -> str:
    """The sanitized form of a body's rendered HTML: what pages and feeds publish."""
    return nh3.clean(html, tags=set(ALLOWED_TAGS), clean_content_tags=set(DROPPED_WITH_CONTENT),
                     attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
                     attribute_filter=_attribute_value, url_schemes=set(SAFE_SCHEMES), strip_comments=True,
                     link_rel="noopener noreferrer")


# -- reporting what the sanitizer removes ------------------------------------------------
@dataclass(frozen=True)
class Finding:
    """One thing in one line of a body: what is wrong and how to fix it (Vietnamese)."""

    line: int
    message: str
    fix: str


@dataclass(frozen=True)
class Link:
    """A link or image of a body, with the line it was written on."""

    url: str
    line: int
    image: bool


# Attributes with their own reason in messages.yml (words.attr_why_<name>).
_ATTR_WHY = {"style", "class", "target"}


_SPACE = re.compile(r"\s+")


class _Audit(HTMLParser):
    """Walks rendered HTML with the sanitizer's rules; finds each removal's line in the source."""

    def __init__(self, source: str, first_line: int):
        super().__init__(convert_charrefs=True)
        # Lower case, without spaces: Markdown turns tabs into spaces and may re-space a tag.
        self.lines = [_SPACE.sub("", line) for line in source.lower().split("\n")]
        self.first_line = first_line
        self.cursor = 0
        self.dropping: list[str] = []  # open tags whose content is removed with them
        self.findings: list[Finding] = []
        self.links: list[Link] = []
        self.text: list[str] = []

    # -- where in the source ---------------------------------------------------------------
    def locate(self, *needles: str | None) -> int:
        """The line of the first needle found, searching from the last place found on."""
        order = list(range(self.cursor, len(self.lines))) + list(range(0, self.cursor))
        for needle in needles:
            key = _SPACE.sub("", (needle or "").lower().strip().split("\n")[0])[:80]
            if not key:
                continue
            for index in order:
                if key in self.lines[index]:
                    self.cursor = index
                    return self.first_line + index
        return self.first_line + self.cursor

    def add(self, line: int, problem: str, /, **values: object) -> None:
        """Record the problem ``problem`` of messages.yml at ``line``."""
        message, fix, _ = messages.problem(problem, **values)
        self.findings.append(Finding(line, message, fix))

    # -- the walk ----------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}"
        if self.dropping:
            if tag in DROPPED_WITH_CONTENT and not raw.endswith("/>"):
                self.dropping.append(tag)
            return
        if tag in DROPPED_WITH_CONTENT:
            line = self.locate(raw, f"<{tag}")
            what = messages.word("tag_script" if tag == "script" else "tag_embedded")
            self.add(line, "tag_dropped_with_content", tag=tag, what=what)
            if not raw.endswith("/>"):
                self.dropping.append(tag)
            return
        if tag not in ALLOWED_TAGS:
            self.add(self.locate(raw, f"<{tag}"), "tag_dropped", tag=tag)
            return
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
        for attr, value in attrs:
            value = value or ""
            if attr not in allowed:
                why = messages.word("attr_why_" + ("on" if attr.startswith("on")
                                                    else attr if attr in _ATTR_WHY else "other"))
                where = self.locate(raw if raw.startswith(f"<{tag}") and "\n" not in raw else None, attr)
                self.add(where, "attr_dropped", attr=attr, tag=tag, why=why)
                continue
            if (tag, attr) in _URL_ATTRS:
                self.url(tag, attr, value, raw)
            elif _attribute_value(tag, attr, value) is None:
                line = self.locate(value, raw)
                if attr == "id":
                    self.add(line, "bad_html_id", value=_short(value))
                elif attr == "style":
                    self.add(line, "style_dropped", value=_short(value), tag=tag)
                else:
                    self.add(line, "not_a_number", attr=attr, value=_short(value), tag=tag)

    handle_startendtag = handle_starttag

    def url(self, tag: str, attr: str, value: str, raw: str) -> None:
        image = tag == "img"
        problem = url_problem(value, image=image)
        line = self.locate(value, _raw_value(raw, attr), raw)
        if problem:
            if image:
                self.add(line, "image_dropped", problem=problem)
            else:
                self.add(line, "link_dropped", problem=problem, schemes=SAFE_SCHEMES_TEXT)
            return
        self.links.append(Link(value, line, image))

    def handle_endtag(self, tag: str) -> None:
        if self.dropping and tag == self.dropping[-1]:
            self.dropping.pop()

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        if self.dropping:
            return
        self.add(self.locate(f"<!--{data}", "<!--"), "comment_dropped")

    def handle_decl(self, decl: str) -> None:
        self.add(self.locate(f"<!{decl}"), "declaration_dropped", value=_short(decl, 30))

    def unknown_decl(self, data: str) -> None:
        self.handle_decl(data)

    def handle_pi(self, data: str) -> None:
        self.add(self.locate(f"<?{data}"), "instruction_dropped", value=_short(data, 30))


def _raw_value(start_tag: str, attr: str) -> str | None:
    """``attr``'s value as written in a raw start tag (entities not decoded)."""
    match = re.search(rf"""\b{re.escape(attr)}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", start_tag, re.I)
    return next((g for g in match.groups() if g), None) if match else None


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED_WITH_CONTENT:
            self.dropping += 1

    def handle_endtag(self, tag):
        if tag in DROPPED_WITH_CONTENT and self.dropping:
            self.dropping -= 1

    def handle_data(self, data):
        if not self.dropping:
            self.parts.append(data)


def _visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


@dataclass
class BodyAudit:
    """What ``clean_html`` removes from one body, and the body's links."""

    findings: list[Finding] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def audit_html(html: str, source: str, first_line: int, cleaned: str | None = None) -> BodyAudit:
    """Each thing ``clean_html`` removes from ``html`` (rendered from the Markdown ``source``,
    whose first line is line ``first_line`` of its file), and the links it keeps.

    As a safety net, when the walk finds nothing but the sanitized text differs from the
    text of ``html``, that is reported too: nothing is removed silently. (When the sanitizer
    gives ``html`` back unchanged, nothing was removed: the texts are not compared.)
    """
    walker = _Audit(source, first_line)
    walker.feed(html)
    walker.close()
    audit = BodyAudit(walker.findings, walker.links)
    if not audit.findings:
        cleaned = clean_html(html) if cleaned is None else cleaned
        if cleaned != html and _visible_text(cleaned) != " ".join("".join(walker.text).split()):
            audit.findings.append(Finding(first_line, *messages.problem("html_changed")[:2]))
    return audit


def page_links(html: str, source: str, first_line: int) -> list[Link]:
    """The links and images of rendered HTML, with their lines in ``source`` (no sanitizing:
    for the hand-written pages of docs/, which are the web team's, not the editors')."""
    walker = _Audit(source, first_line)
    walker.feed(html)
    walker.close()
    return walker.links


_renderer = None


def render_markdown(markdown_text: str) -> str:
    """A body's HTML as the site renders it (the extensions of mkdocs.yml), for ``cchc check``."""
    global _renderer
    if _renderer is None:
        import markdown

        from cchc.text import heading_slug

        _renderer = markdown.Markdown(extensions=["tables", "attr_list", "toc"],
                                      extension_configs={"toc": {"slugify": heading_slug}})
    _renderer.reset()
    return _renderer.convert(markdown_text)


# -- links to pages of the site -----------------------------------------------------------
def site_path(url: str, page_url: str, site_url: str) -> str | None:
    """The path inside the site (``thu-tuc/x/``) that ``url``, written on the page at
    ``page_url`` (``tin-tuc/2024/a/``), leads to, as a browser resolves it; None for another
    site, a mail or phone link, or a link within the same page. A path outside the site's
    folder is returned with a leading "/" (no page of the site has it).
    """
    parts = urlsplit(_URL_NOISE.sub("", url))
    base = urlsplit(site_url)
    root = base.path if base.path.endswith("/") else base.path + "/"
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https", "") or (parts.hostname or "") != (base.hostname or ""):
            return None
        path = unquote(parts.path) or "/"
    elif not parts.path:
        return None
    else:
        path = unquote(parts.path)
        if not path.startswith("/"):
            path = posixpath.join(root + page_url if page_url.endswith("/") or not page_url
                                  else posixpath.dirname(root + page_url) + "/", path)
    normal = posixpath.normpath(path)
    if path.endswith("/") and not normal.endswith("/"):
        normal += "/"
    if normal + "/" == root:
        return ""
    if not normal.startswith(root):
        return "/" + normal.lstrip("/")
    return normal[len(root):]


def target_exists(path: str, exists: Callable[[str], bool]) -> bool:
    """Whether the site has ``path``: a page (``x/``, ``x``, ``x/index.html``, ``x.md``) or a file."""
    if path.startswith("/"):
        return False
    if path.endswith(".md"):  # a link to a page's source file, as MkDocs allows
        path = "" if path in ("index.md", "README.md") else path[:-3] + "/"
        if path.endswith(("/index/", "/README/")):
            path = path.rsplit("/", 2)[0] + "/"
    candidates = [path]
    if path.endswith("/index.html"):
        candidates.append(path[: -len("index.html")])
    elif path == "index.html":
        candidates.append("")
    elif not path.endswith("/") and path and not posixpath.splitext(path)[1]:
        candidates.append(path + "/")
    return any(exists(candidate) for candidate in candidates)


def missing_targets(links: list[Link], page_url: str, site_url: str, exists: Callable[[str], bool],
                    src_dir: str | None = None) -> list[Finding]:
    """Findings for the links and images of a body that lead to no page or file of the site.

    ``src_dir`` (``tin-tuc/2024/``): the folder of the page's source, from which MkDocs
    resolves a relative link to a file (``../../assets/a.jpg``, ``../x.md``) when it
    rewrites it; ``cchc check`` reads the links before any such rewriting.
    """
    out = []
    for link in links:
        path = site_path(link.url, page_url, site_url)
        if path is None or target_exists(path, exists):
            continue
        if src_dir is not None and not link.url.endswith("/") and not urlsplit(link.url).scheme \
                and not link.url.startswith("/"):
            from_src = site_path(link.url, src_dir, site_url)
            if from_src is not None and target_exists(from_src, exists):
                continue
        if link.image:
            out.append(Finding(link.line, *messages.problem("no_such_image", value=_short(link.url))[:2]))
        else:
            out.append(Finding(link.line, *messages.problem("no_such_page", value=_short(link.url))[:2]))
    return out


# -- invisible characters ------------------------------------------------------------------
# Shown as a space: replaced by an ordinary space.
_SPACES = {"\u00a0": "dấu cách không ngắt dòng (no-break space)", "\u202f": "dấu cách hẹp không ngắt dòng",
           "\u2007": "dấu cách chữ số", "\u3000": "dấu cách rộng", "\u1680": "dấu cách Ogham",
           "\u205f": "dấu cách toán học", **{chr(c): "dấu cách có độ rộng đặc biệt" for c in range(0x2000, 0x200B)}}
# Show nothing: removed.
_ZERO_WIDTH = {"\u200b": "ký tự rộng 0 (zero-width space)", "\u200c": "ký tự nối rộng 0 (ZWNJ)",
               "\u200d": "ký tự nối rộng 0 (ZWJ)", "\u2060": "ký tự nối từ (word joiner)",
               "\ufeff": "ký tự BOM rộng 0", "\u00ad": "dấu gạch nối mềm (soft hyphen)",
               "\u180e": "dấu tách nguyên âm Mông Cổ", "\u034f": "ký tự nối tổ hợp",
               **{chr(c): "toán tử vô hình" for c in range(0x2061, 0x2065)}}
# Change how text is shown or what it seems to say: an error, never changed silently.
_CONTROLS = {"\u200e": "dấu chiều văn bản (LRM)", "\u200f": "dấu chiều văn bản (RLM)",
             "\u061c": "dấu chiều văn bản Ả Rập", "\u3164": "chữ trống Hangul", "\u115f": "chữ trống Hangul",
             "\u1160": "chữ trống Hangul", "\uffa0": "chữ trống Hangul",
             **{chr(c): "ký tự điều khiển chiều văn bản" for c in range(0x202A, 0x202F)},
             **{chr(c): "ký tự điều khiển chiều văn bản" for c in range(0x2066, 0x206A)}}


@dataclass(frozen=True)
class Invisible:
    char: str
    name: str
    kind: str  # "space" (shown as a space), "zero-width" (removed) or "control" (an error)

    @property
    def code(self) -> str:
        return f"U+{ord(self.char):04X}"


def _classify(char: str) -> Invisible | None:
    if char in _SPACES:
        return Invisible(char, _SPACES[char], "space")
    if char in _ZERO_WIDTH:
        return Invisible(char, _ZERO_WIDTH[char], "zero-width")
    if char in _CONTROLS:
        return Invisible(char, _CONTROLS[char], "control")
    if 0xE0000 <= ord(char) <= 0xE007F:
        return Invisible(char, "ký tự thẻ vô hình (tag character)", "control")
    category = unicodedata.category(char)
    if category == "Cf":  # any other format character: shows nothing
        return Invisible(char, "ký tự định dạng vô hình", "control")
    if category == "Zs" and char != " ":
        return Invisible(char, "dấu cách đặc biệt", "space")
    return None


_CANDIDATES = re.compile("[\u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u180e\u2000-\u200f\u202a-\u202f"
                         "\u205f-\u206f\u3000\u3164\ufeff\uffa0\ufff0-\ufffb\U000e0000-\U000e007f"
                         "\u0600-\u0605\u06dd\u070f\u08e2\U000110bd\U000110cd\U0001bca0-\U0001bca3"
                         "\U0001d173-\U0001d17a]")


def invisible_chars(text: str) -> list[Invisible]:
    """The distinct invisible characters of ``text``, in order of appearance."""
    seen: dict[str, Invisible] = {}
    for match in _CANDIDATES.finditer(text):
        found = _classify(match[0])
        if found and found.char not in seen:
            seen[found.char] = found
    return list(seen.values())


def make_visible(text: str) -> str:
    """``text`` with odd spaces made ordinary spaces (runs collapsed) and zero-width characters
    removed; direction controls are left for the caller to report."""
    out = []
    for char in text:
        found = _classify(char) if _CANDIDATES.match(char) else None
        if found is None or found.kind == "control":
            out.append(char)
        elif found.kind == "space":
            out.append(" ")
    return re.sub(" {2,}", " ", "".join(out)).strip()


# -- files ---------------------------------------------------------------------------------
def outside_links(folder: Path, *roots: Path) -> list[Path]:
    """Symlinks under ``folder`` (searched without following links) that resolve outside every
    one of ``roots`` (the repository, and the real place of ``folder`` itself), or that lead
    nowhere."""
    if not folder.is_dir():
        return []
    found = []
    for parent, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(parent) / name
            if path.is_symlink() and not inside(path, folder, *roots):
                found.append(path)
    return sorted(found)


def inside(path: Path, *roots: Path) -> bool:
    """Whether ``path``, with every link in it followed, is inside one of ``roots``
    (each with its own links followed)."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    return any(real.is_relative_to(root.resolve()) for root in roots)
