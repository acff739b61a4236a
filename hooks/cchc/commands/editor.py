"""`cchc editor`: the web editor on this computer, against the working copy.

Starts Decap CMS's local proxy (decap-server, installed by ``scripts/setup-editor``) on
127.0.0.1, which reads and writes the files of ``content/`` and ``docs/assets/images/``
directly, and ``mkdocs serve`` beside it, then prints the address to open:
http://127.0.0.1:8000/admin/. What is saved in the browser is a file in the working copy
at once; the preview rebuilds by itself. With ``--commit`` the proxy commits every save
to the current git branch (decap-server's git mode). Ctrl+C stops both.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from cchc.commands import open_site
from cchc.editor.decap import PROXY_PORT_ENV
from cchc.messages import say

PROXY = Path(__file__).resolve().parents[3] / ".editor" / "node_modules" / "decap-server" / "dist" / "index.js"


def proxy_command(root: Path, port: int, commit: bool) -> tuple[list[str], dict[str, str]]:
    """The command and environment that run decap-server for ``root``."""
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(root), "PORT": str(port), "BIND_HOST": "127.0.0.1",
           "MODE": "git" if commit else "fs", "LOG_LEVEL": "warn", "NO_MKDOCS_2_WARNING": "1"}
    return [shutil.which("node") or "node", str(PROXY)], env


def _stop(signum: int, frame: object) -> None:
    """SIGTERM stops both servers like Ctrl+C."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc editor", description=say("editor_description"))
    parser.add_argument("--root", default=".", help=say("editor_opt_root"))
    parser.add_argument("--port", type=int, default=8000, help=say("editor_opt_port"))
    parser.add_argument("--proxy-port", type=int, default=8081, help=say("editor_opt_proxy_port"))
    parser.add_argument("--commit", action="store_true", help=say("editor_opt_commit"))
    args = parser.parse_args(argv)
    opened = open_site(args.root)
    if opened is None:
        return 1
    config, _ = opened
    if not PROXY.is_file():
        print(say("editor_not_installed"), file=sys.stderr)
        return 1
    command, env = proxy_command(config.root, args.proxy_port, args.commit)
    env[PROXY_PORT_ENV] = str(args.proxy_port)
    proxy = subprocess.Popen(command, env=env, cwd=config.root)
    serve = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{args.port}",
                              "--config-file", str(config.root / "mkdocs.yml")], env=env, cwd=config.root)
    print(say("editor_started", url=f"http://127.0.0.1:{args.port}/admin/",
              preview=f"http://127.0.0.1:{args.port}/"), flush=True)
    signal.signal(signal.SIGTERM, _stop)
    try:
        while proxy.poll() is None and serve.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for process in (serve, proxy):
            if process.poll() is None:
                process.terminate()
        for process in (serve, proxy):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    return 0
