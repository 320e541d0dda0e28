"""Scrapy settings for crawling the local replica: the production settings plus the download
handler that maps each real site to the replica at ``EVWATCH_REPLICA_URL``.

``SCRAPY_PROJECT=replica scrapy crawl henandaily -s EVWATCH_REPLICA_URL=http://127.0.0.1:PORT``
(``scrapy.cfg`` names this module). ``evwatch crawl --replica URL`` and ``evwatch demo`` apply the
same two settings.
"""

from __future__ import annotations

import os

from crawler.settings import *  # noqa: F403  (the production settings, then the switch)

# http://127.0.0.1:PORT of a running replica (python -m crawler.replica prints it).
EVWATCH_REPLICA_URL = os.environ.get("EVWATCH_REPLICA_URL", "")
DOWNLOAD_HANDLERS = {
    "http": "crawler.replica.handler.ReplicaDownloadHandler",
    "https": "crawler.replica.handler.ReplicaDownloadHandler",
}
