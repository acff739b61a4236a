"""The benchmark behind ``cchc bench``: synthetic content, the peer sites, measurement.

Modules:

- ``vocab``: Vietnamese vocabulary of administrative-reform news, plans and procedures.
- ``generate``: a deterministic (seeded) site of N items in this project's content format.
- ``peers``: the same news items as a mkdocs-material blog and as a Hugo site, and the
  separate virtual environment the peers are installed into (``.bench/peers-venv``).
- ``measure``: runs a build in a fresh subprocess and records wall time, peak memory of the
  whole process tree, output bytes and files; profiles our build with cProfile.
- ``search_probe``: serves a built site on 127.0.0.1 and runs the site's own search
  JavaScript in headless Chromium (playwright), counting the bytes the first query downloads.
- ``report``: the Markdown table and the targets at N = 5,000.

Nothing here imports MkDocs or the ``cchc`` library: the project's build is measured as a
user runs it (``mkdocs build``), so the benchmark measures whatever the hooks do today.
"""

from pathlib import Path

# The benchmark is a maintainer's tool run from a checkout (the package installed in
# editable mode): the repository whose build it measures.
REPO = Path(__file__).resolve().parents[3]
