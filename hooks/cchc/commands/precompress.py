"""`cchc precompress [--site-dir site]`: the web server's .gz/.br copies of a built site.

``cchc deploy`` does this itself; this is for a pipeline that builds with ``mkdocs build``
and publishes the folder some other way.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc.messages import say
from cchc.publish.precompress import precompress


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc precompress", description=say("precompress_description"))
    parser.add_argument("--site-dir", default="site", help=say("precompress_opt_site_dir"))
    args = parser.parse_args(argv)
    site = Path(args.site_dir)
    if not site.is_dir():
        print(say("precompress_no_folder", folder=site), file=sys.stderr)
        return 1
    print(precompress(site).summary())
    return 0
