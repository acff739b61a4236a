"""Run nginx with this repository's server block on 127.0.0.1, for the tests and measurements.

``LocalNginx(site_dir, workdir)`` writes into ``workdir`` the server block of
``scripts/serve/nginx-cchc.conf`` with its three "SET" lines filled in (listen on a free
local port, server_name, root = ``site_dir``) and an ``nginx.conf`` shaped like
Debian's (its modules, ``mime.types``) that includes it, with the pid file, logs and
temporary folders in ``workdir`` (the prefix stays Debian's, where its modules are); it
checks the configuration (``nginx -t``), starts nginx in the foreground and stops it on
``stop()``. Needs Debian's ``nginx`` package.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
CONF = REPO / "scripts" / "serve" / "nginx-cchc.conf"
DEBIAN_CONF_DIR = Path("/etc/nginx")

# The lines a sysadmin sets: "    listen 80;   # SET: ..."
SET_LINE = re.compile(r"^(?P<indent>[ \t]*)(?P<key>listen|server_name|root)[ \t]+[^;\n]*;[ \t]*# SET:.*$", re.M)
BROTLI_LINE = re.compile(r"^[ \t]*brotli_static[ \t]+on;.*\n", re.M)


class NginxError(RuntimeError):
    """nginx is missing, refused the configuration or did not start."""


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if not found:
        raise NginxError("nginx not found: run scripts/setup-browser (installs Debian's nginx)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_block(conf_text: str, root: Path, port: int, server_name: str = "localhost",
                 brotli: bool = True) -> str:
    """The server block with its "SET" lines filled in (``brotli=False``: its Brotli line deleted)."""
    values = {"listen": f"127.0.0.1:{port}", "server_name": server_name, "root": str(root)}
    found = [m.group("key") for m in SET_LINE.finditer(conf_text)]
    if sorted(found) != sorted(values):
        raise NginxError(f"{CONF.name}: expected one 'SET' line each for {sorted(values)}, found {found}")
    text = SET_LINE.sub(lambda m: f"{m.group('indent')}{m.group('key')} {values[m.group('key')]};", conf_text)
    return text if brotli else BROTLI_LINE.sub("", text)


def main_conf(workdir: Path, include: Path, modules: bool = True) -> str:
    """An nginx.conf like Debian's (modules, mime.types) with every path it writes in ``workdir``."""
    lines = []
    if os.geteuid() == 0:
        lines.append("user root;")  # the workers read the site from a folder only root may enter
    lines += ["worker_processes 1;", f"pid {workdir / 'nginx.pid'};", f"error_log {workdir / 'error.log'} warn;"]
    if modules:
        lines.append(f"include {DEBIAN_CONF_DIR / 'modules-enabled'}/*.conf;")
    lines += ["events { worker_connections 64; }", "http {",
              f"    include {DEBIAN_CONF_DIR / 'mime.types'};",
              "    default_type application/octet-stream;",
              "    sendfile on;",
              f"    access_log {workdir / 'access.log'};"]
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        lines.append(f"    {kind}_temp_path {workdir / ('tmp-' + kind)};")
    lines += [f"    include {include};", "}"]
    return "\n".join(lines) + "\n"


class LocalNginx:
    """nginx serving ``site_dir`` with the repository's server block on ``http://127.0.0.1:<port>/``."""

    def __init__(self, site_dir: Path, workdir: Path, conf: Path = CONF, brotli: bool = True, port: int = 0):
        self.site_dir = Path(site_dir).resolve()
        self.workdir = Path(workdir).resolve()
        self.conf = conf
        self.brotli = brotli
        self.port = port  # 0: a free port, chosen when the configuration is written
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def write(self) -> Path:
        """Write the two configuration files; returns the path of nginx.conf."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        block = self.workdir / "cchc.conf"
        block.write_text(server_block(self.conf.read_text(encoding="utf-8"), self.site_dir, self.port,
                                      brotli=self.brotli), encoding="utf-8")
        main = self.workdir / "nginx.conf"
        main.write_text(main_conf(self.workdir, block, modules=self.brotli), encoding="utf-8")
        return main

    def command(self, main: Path, *extra: str) -> list[str]:
        return [nginx_binary(), "-c", str(main), "-e", str(self.workdir / "error.log"),
                *extra]

    def test(self) -> str:
        """``nginx -t`` on the written configuration; returns its output, raises if refused."""
        main = self.write()
        done = subprocess.run(self.command(main, "-t"), capture_output=True, text=True)
        if done.returncode != 0:
            raise NginxError(f"nginx -t refused the configuration:\n{done.stderr}")
        return done.stderr

    def start(self, timeout: float = 20.0) -> LocalNginx:
        self.test()
        main = self.workdir / "nginx.conf"
        self.process = subprocess.Popen(self.command(main, "-g", "daemon off;"), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                raise NginxError(f"nginx exited with {self.process.returncode}:\n{err}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise NginxError(f"nginx did not listen on port {self.port} within {timeout:.0f} s")

    def stop(self) -> None:
        """Stop this nginx (SIGTERM to its master, which ends its workers)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()
        self.process = None

    def __enter__(self) -> LocalNginx:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
