"""``python -m cchc``: the same as the ``cchc`` command."""

import sys

from cchc.commands.cli import main

sys.exit(main())
