"""evwatch's own crawl signals (Scrapy signals are plain objects, sent with
``crawler.signals.send_catch_log``)."""

# A page could not be used: sent with url, kind, status, message and article (bool). The store
# pipeline records it for the run, and for article pages remembers it with a back-off.
page_failed = object()

# The crawl was asked to stop (SIGINT, SIGTERM, the daemon gone): downloads in flight end now.
crawl_interrupted = object()
