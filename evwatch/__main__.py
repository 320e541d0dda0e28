"""``python -m evwatch``: the command line."""

import sys

from evwatch.cli import main

sys.exit(main())
