"""``python -m crawler.replica``: start the replica server."""

from crawler.replica.server import main

main()
