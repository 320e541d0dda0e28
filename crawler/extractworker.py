"""What runs in an extraction worker process: text extraction and figure parsing of one page
(timed), the page compressed for storage, and the worker's start-up. Imports only what that
needs (the extractor and the parser, not Scrapy, the store or the alert rules), so a worker
starts fast and small; and the extractor and the parser only when a page is extracted or a
worker warms up, so the crawl process, which hands pages to the workers, never loads them.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import Any

from store.pages import CompressedPage

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def timed_extraction(body: bytes, *arguments: Any) -> tuple[Any, float, CompressedPage]:
    """``extract_with_figures``, the CPU seconds its thread spent on it, and the page
    compressed for storage (work the database writer is spared)."""
    from crawler.articlefigures import extract_with_figures

    started = time.thread_time()
    result = extract_with_figures(*arguments)
    page = CompressedPage.of(body)
    return result, time.thread_time() - started, page


def warm_up() -> None:
    """Imports what extraction needs (trafilatura, the figure parser's tables), so that the
    first page does not wait for it, nor does a crawl that is stopping."""
    import crawler.articlefigures  # noqa: F401  (trafilatura and the parser)
    from crawler.figures.entities import lexicon

    lexicon()


def worker_init(parent: int) -> None:
    """In each worker: stop signals are the crawl's to handle (a worker that died of one would
    lose the page it holds), and the worker
    leaves when the crawl process is gone, even killed."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="evwatch-parent-watch", daemon=True).start()
