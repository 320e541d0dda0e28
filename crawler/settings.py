"""Scrapy settings for every evwatch crawl; the one place crawl defaults live.

Per-source pacing comes from each seed's [politeness] table; ``-s NAME=VALUE`` on the command
line overrides both.
"""

from __future__ import annotations

import os

from crawler.items import EXPORTED_FIELDS

BOT_NAME = "evwatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
# Spider classes from SPIDER_MODULES, and the generic seed spider for every other seed file.
SPIDER_LOADER_CLASS = "crawler.spiderloader.SeedSpiderLoader"

# Who we are, and where a site owner can reach whoever runs this crawler.
EVWATCH_CONTACT = os.environ.get("EVWATCH_CONTACT", "https://github.com/evwatch/evwatch")
USER_AGENT = f"evwatch/0.1 (EV news monitor; +{EVWATCH_CONTACT})"

# Where articles go: any SQLAlchemy URL (see store.db.resolve_db_url).
EVWATCH_DB = os.environ.get("EVWATCH_DB", "sqlite:///evwatch.db")
# Seed directory; empty means ./seeds, else the repository's seeds/.
EVWATCH_SEEDS = os.environ.get("EVWATCH_SEEDS", "")
# Fetch article URLs that are already stored (normally never fetched twice).
EVWATCH_REFRESH = False
# evwatch.toml with alert rules and subscribers; empty means ./evwatch.toml if it exists.
EVWATCH_CONFIG = os.environ.get("EVWATCH_CONFIG", "")
# Record alerts as historical without delivering them (always so on a source's first crawl).
EVWATCH_BACKFILL = False


def _environment_count(name: str, default: int) -> int:
    """A whole number >= 0 from the environment, else ``default``; a bad value stops the crawl
    with one line naming the variable."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit():
        raise SystemExit(f"evwatch: error: {name} must be a whole number >= 0, got {text!r}")
    return int(text)


# Processes that extract article text (0: a thread of the crawl process instead).
EVWATCH_EXTRACT_WORKERS = _environment_count("EVWATCH_EXTRACT_WORKERS", min(2, os.cpu_count() or 1))
# A crawl with at most this many article pages extracts them in a thread, without starting
# the worker processes (they cost more than they save on a poll that finds a few articles).
EVWATCH_SMALL_POLL = 20
# Longest Retry-After (seconds) we wait for before giving up on a page for this run.
EVWATCH_RETRY_AFTER_MAX = 120
# A failed article URL is retried after this many hours (doubling per failure, 404s start at a day).
EVWATCH_FAILURE_BACKOFF_HOURS = 1
# How long (seconds) a database write waits for another process's lock before it fails, how
# many times a failed write is tried, and the first wait between tries (doubling each time).
EVWATCH_LOCK_TIMEOUT = 30.0
EVWATCH_WRITE_ATTEMPTS = 4
EVWATCH_WRITE_BACKOFF = 2.0
# Seconds an article waits for others to be stored with it in one transaction (group commit):
# a transaction's statements serve all its articles, so few large ones cost less than many.
EVWATCH_WRITE_GATHER = 0.1

# Politeness.
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
CONCURRENT_REQUESTS = 16
# Items in flight per response. An article page yields one item; Scrapy's default of 100 spawns
# 100 idle tasks for every response, a third of the crawler's CPU on a fast site.
CONCURRENT_ITEMS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0

# Robustness.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_FAIL_ON_DATALOSS = True
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 5
CLOSESPIDER_TIMEOUT = 15 * 60
MEMUSAGE_LIMIT_MB = 1024
TELNETCONSOLE_ENABLED = False
# No control server per crawl either: the CLI and the daemon stop crawls with signals.
REMOTE_CONTROL_ENABLED = False
HTTPERROR_ALLOW_ALL = False

# Scrapy's HTTP/1.1 handler, whose downloads in flight end at once when a crawl is interrupted.
DOWNLOAD_HANDLERS = {
    "http": "crawler.interrupt.InterruptibleDownloadHandler",
    "https": "crawler.interrupt.InterruptibleDownloadHandler",
}
DOWNLOADER_MIDDLEWARES = {
    # After RetryMiddleware (550) on the way in, so it sees 429/503 responses first.
    "crawler.middlewares.RetryAfterMiddleware": 560,
    # Before RedirectMiddleware (600) on the way out, so it sees 3xx answers first.
    "crawler.middlewares.RedirectCheckMiddleware": 610,
}
ITEM_PIPELINES = {
    "crawler.pipelines.ExtractTextPipeline": 100,
    "crawler.pipelines.ValidateArticlePipeline": 200,
    "crawler.pipelines.StorePipeline": 300,
}

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
# What `scrapy crawl SOURCE -O items.jsonl` (or .csv) writes of each article.
FEED_EXPORT_FIELDS = list(EXPORTED_FIELDS)
