"""The web editor under the production server block (scripts/serve/nginx-cchc.conf): its own
Content-Security-Policy lets Decap CMS start (the site's strict policy would stop it), and the
rest of the site keeps the strict one."""

from __future__ import annotations

import http.client

from cchc.publish.nginx import LocalNginx, free_port
from test_search_browser import CHROMIUM, CHROMIUM_ARGS

EDITOR = "extra:\n  cchc:\n    editor:\n      backend: gitea\n      repo: so-gddt/cchc\n" \
         "      base_url: https://git.so-gddt.vn\n      api_root: https://git.so-gddt.vn/api/v1\n"


def csp(port: int, path: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        reply = conn.getresponse()
        reply.read()
        return reply.getheader("Content-Security-Policy") or ""
    finally:
        conn.close()


def test_the_web_editor_starts_behind_the_production_server_block(site_factory, tmp_path):
    from playwright.sync_api import sync_playwright

    site = site_factory(extra_yml=EDITOR)
    out = site.build()
    server = LocalNginx(out, tmp_path / "nginx", port=free_port()).start()
    try:
        assert "'unsafe-eval'" in csp(server.port, "/admin/") and "'unsafe-eval'" in csp(server.port,
                                                                                        "/admin/decap-cms.js")
        assert "'unsafe-eval'" not in csp(server.port, "/") and "style-src 'self';" in csp(server.port, "/")
        blocked: list[str] = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
            page.goto(f"http://127.0.0.1:{server.port}/admin/")
            page.get_by_role("button", name="Đăng nhập bằng Gitea").wait_for(timeout=30_000)
            browser.close()
        # Only the probe for a local proxy (on this computer, over http) is refused.
        assert [m for m in blocked if "localhost:8081" not in m] == []
    finally:
        server.stop()
