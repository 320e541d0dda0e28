"""End-to-end: the real spiders crawl the replica of all four sites into a real SQLite file.

Expected values come from the replica's content files, the same data the replica serves.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from crawler.replica.process import ReplicaProcess
from crawler.replica.site import load_articles
from crawler.seeds import load_seeds
from tests.conftest import FAST, REPO, SOURCES, query, run_evwatch

pytestmark = pytest.mark.slow

FURNITURE = {
    "jiemian": [
        "打开界面新闻",
        "热门评论",
        "热门推荐",
        "未经正式授权",
        "广告等商务合作",
        "Photo from Jiemian News",
        "举报",
        "下载界面APP",
        "限时优惠",
    ],
    "autobeta": [
        "Views:",
        "Share To",
        "Network comments",
        "Report--",
        "Welcome to subscribe",
        "Besides Weibo",
        "Tiger Media",
        "Update From",
    ],
    "tapas": [
        ".jpg",
        "Welcome to TAPAS",
        "Book a booth",
        "中文(简体)",
        "What's New",
        "Press & Links",
    ],
    "henandaily": ["Share to:", "Published:", "Home >>", "Source:HICC", "Related"],
}
SHANGHAI = ZoneInfo("Asia/Shanghai")


def stored_articles(content: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [a for a in content if a.get("role") != "dead"]


def local_to_utc(text: str) -> datetime:
    fmt = "%Y-%m-%d %H:%M" if " " in text else "%Y-%m-%d"
    return datetime.strptime(text, fmt).replace(tzinfo=SHANGHAI).astimezone(UTC)


def article_hits(hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Hits on article pages: the real URL behind the replica path matches a seed's pattern."""
    patterns = [
        re.compile(p)
        for seed in load_seeds(REPO / "seeds").values()
        for p in seed.discovery.article_url_patterns
    ]
    found = []
    for hit in hits:
        scheme, _, rest = hit["path"].lstrip("/").partition("/")
        if any(p.search(f"{scheme}://{rest}") for p in patterns):
            found.append(hit)
    return found


def rows(db: Path, source: str) -> list[tuple[Any, ...]]:
    return query(
        db,
        "SELECT a.title, a.published_at, a.language, a.text, a.text_en, a.text_zh, "
        "a.canonical_url, a.id FROM articles a JOIN sources s ON s.id = a.source_id "
        "WHERE s.name = ?",
        source,
    )


@pytest.mark.parametrize("source", SOURCES)
def test_every_article_is_stored_once_with_its_title(crawled: dict[str, Any], source: str) -> None:
    expected = sorted(a["title"] for a in stored_articles(load_articles(source)))
    stored = sorted(r[0] for r in rows(crawled["db"], source))
    assert stored == expected


@pytest.mark.parametrize("source", SOURCES)
def test_publish_times_are_utc(crawled: dict[str, Any], source: str) -> None:
    by_title = {r[0]: r[1] for r in rows(crawled["db"], source)}
    for article in stored_articles(load_articles(source)):
        local = article.get("published") or article["posted"]
        stored = datetime.fromisoformat(by_title[article["title"]]).replace(tzinfo=UTC)
        assert stored == local_to_utc(local), article["title"]


@pytest.mark.parametrize("source", SOURCES)
def test_language_and_clean_complete_text(crawled: dict[str, Any], source: str) -> None:
    by_title = {r[0]: r for r in rows(crawled["db"], source)}
    for article in stored_articles(load_articles(source)):
        title, _, language, text, *_ = by_title[article["title"]]
        assert language == article["lang"], title
        for furniture in FURNITURE[source]:
            assert furniture not in text, (title, furniture)
        for paragraph in article["body"]:
            plain = paragraph.removeprefix("## ")
            assert plain[:40] in text, (title, plain[:40])


def test_bilingual_pieces_keep_both_languages_separable(crawled: dict[str, Any]) -> None:
    by_title = {r[0]: r for r in rows(crawled["db"], "henandaily")}
    mixed = [a for a in load_articles("henandaily") if a["lang"] == "mixed"]
    assert len(mixed) >= 3
    for article in mixed:
        *_, text_en, text_zh, _url, _id = by_title[article["title"]]
        english, chinese = article["body"][0::2], article["body"][1::2]
        assert all(p in text_en for p in english)
        assert all(p in text_zh for p in chinese)
        assert not any(p in text_zh for p in english)


def test_gb18030_page_is_decoded(crawled: dict[str, Any]) -> None:
    article = next(a for a in load_articles("henandaily") if a.get("role") == "gb18030")
    by_title = {r[0]: r for r in rows(crawled["db"], "henandaily")}
    text_zh = by_title[article["title"]][5]
    for paragraph in article["body"][1::2]:
        assert paragraph in text_zh
    assert "\ufffd" not in by_title[article["title"]][3]


def test_the_stored_page_is_the_fetched_page(crawled: dict[str, Any]) -> None:
    """Pages are compressed in the extraction workers; what is stored still decompresses to
    the page as served, in its own encoding (the GB18030 one included)."""
    article = next(a for a in load_articles("henandaily") if a.get("role") == "gb18030")
    pages = query(
        crawled["db"], "SELECT title, raw_html, raw_encoding, canonical_url FROM articles"
    )
    assert pages and all(raw is not None for _, raw, _, _ in pages)
    for title, raw, encoding, url in pages:
        page = zlib.decompress(raw).decode(encoding or "utf-8")
        assert "<html" in page.lower(), url
        if title == article["title"]:
            assert encoding.lower().replace("-", "") == "gb18030"
            assert article["body"][1] in page


def test_article_under_several_urls_is_one_row(crawled: dict[str, Any]) -> None:
    # Linked from the mobile list (m.), the desktop list (www.) and the English home (en.).
    article = next(a for a in load_articles("jiemian") if a.get("role") == "two_urls")
    matches = [r for r in rows(crawled["db"], "jiemian") if r[0] == article["title"]]
    assert len(matches) == 1
    assert matches[0][6] == f"https://www.jiemian.com/article/{article['id']}.html"
    urls = {
        u[0]
        for u in query(
            crawled["db"], "SELECT url FROM article_urls WHERE article_id = ?", matches[0][7]
        )
    }
    assert urls == {matches[0][6], f"https://en.jiemian.com/article/{article['id']}.html"}


def test_tracking_tagged_link_is_fetched_once(crawled: dict[str, Any]) -> None:
    article = next(a for a in load_articles("tapas") if a.get("role") == "two_urls")
    path = f"/https/tapas.invalid/press/news/{article['id']}.html"
    assert [h["path"] for h in crawled["first_hits"]].count(path) == 1
    assert [r[0] for r in rows(crawled["db"], "tapas")].count(article["title"]) == 1


def test_503_twice_then_200_is_fetched_three_times_and_stored_once(
    crawled: dict[str, Any],
) -> None:
    article = next(a for a in load_articles("autobeta") if a.get("role") == "retry503")
    path = f"/https/www.autobeta.net/{article['category']}/{article['id']}.html"
    statuses = [h["status"] for h in crawled["first_hits"] if h["path"] == path]
    assert statuses == [503, 503, 200]
    assert [r[0] for r in rows(crawled["db"], "autobeta")].count(article["title"]) == 1


def test_dead_link_is_recorded_as_an_error_and_not_refetched(crawled: dict[str, Any]) -> None:
    article = next(a for a in load_articles("autobeta") if a.get("role") == "dead")
    url = f"https://www.autobeta.net/{article['category']}/{article['id']}.html"
    errors = query(crawled["db"], "SELECT kind, http_status FROM crawl_errors WHERE url = ?", url)
    assert errors == [("http", 404)]
    path = f"/https/www.autobeta.net/{article['category']}/{article['id']}.html"
    assert not [h for h in crawled["second_hits"] if h["path"] == path]


def test_slow_page_is_stored(crawled: dict[str, Any]) -> None:
    article = next(a for a in load_articles("jiemian") if a.get("role") == "slow")
    assert article["title"] in [r[0] for r in rows(crawled["db"], "jiemian")]


def test_robots_txt_is_read_for_every_host(crawled: dict[str, Any]) -> None:
    robots = {h["host"] for h in crawled["first_hits"] if h["path"].endswith("/robots.txt")}
    fetched = {h["host"] for h in crawled["first_hits"]}
    assert fetched <= robots


def test_second_crawl_adds_nothing_and_fetches_no_article_page(crawled: dict[str, Any]) -> None:
    runs = query(
        crawled["db"],
        "SELECT new_articles, article_pages_fetched, status FROM crawl_runs ORDER BY id",
    )
    assert len(runs) == 2 * len(SOURCES)
    assert sum(r[0] for r in runs[: len(SOURCES)]) == sum(
        len(stored_articles(load_articles(s))) for s in SOURCES
    )
    assert [r[:2] for r in runs[len(SOURCES) :]] == [(0, 0)] * len(SOURCES)
    assert article_hits(crawled["second_hits"]) == []
    # Only the first listing page of each start URL: older pages cannot hold anything new.
    listing_hits = [h for h in crawled["second_hits"] if not h["path"].endswith("robots.txt")]
    assert len(listing_hits) <= sum(1 for _ in SOURCES) * 5


def test_timeout_is_recorded_and_the_crawl_goes_on(replica: ReplicaProcess, tmp_path: Path) -> None:
    db_path = tmp_path / "timeout.db"
    result = run_evwatch(
        "--db",
        f"sqlite:///{db_path}",
        "crawl",
        "jiemian",
        "--replica",
        replica.url,
        "--quiet",
        *FAST,
        "--set",
        "DOWNLOAD_TIMEOUT=0.5",
        "--set",
        "RETRY_TIMES=0",
        "--set",
        "EVWATCH_FAILURE_BACKOFF_HOURS=0",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    slow = next(a for a in load_articles("jiemian") if a.get("role") == "slow")
    errors = query(db_path, "SELECT kind, url FROM crawl_errors")
    assert ("timeout", f"https://www.jiemian.com/article/{slow['id']}.html") in errors
    titles = [r[0] for r in rows(db_path, "jiemian")]
    assert slow["title"] not in titles
    assert len(titles) == len(stored_articles(load_articles("jiemian"))) - 1
    url = f"https://www.jiemian.com/article/{slow['id']}.html"
    failing = {u for (u,) in query(db_path, "SELECT url FROM fetch_failures")}
    assert url in failing
    # once due again (no back-off) and fetched, the page is stored and its failure forgotten
    again = run_evwatch(
        "--db", f"sqlite:///{db_path}", "crawl", "jiemian", "--force", "--replica", replica.url,
        "--quiet", *FAST,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr[-2000:]
    assert slow["title"] in [r[0] for r in rows(db_path, "jiemian")]
    # the pages that failed again keep theirs
    assert {u for (u,) in query(db_path, "SELECT url FROM fetch_failures")} == failing - {url}


def test_empty_and_oversized_pages_are_errors_not_articles(crawled: dict[str, Any]) -> None:
    errors = dict(query(crawled["db"], "SELECT url, kind FROM crawl_errors"))
    assert errors["https://www.jiemian.com/article/13699990.html"] == "no_text"
    assert "https://www.jiemian.com/article/13699991.html" in errors
    titles = [r[0] for r in rows(crawled["db"], "jiemian")]
    assert not [t for t in titles if "页面测试" in t]
    status = query(
        crawled["db"],
        "SELECT s.name, r.status FROM crawl_runs r JOIN sources s "
        "ON s.id = r.source_id ORDER BY r.id LIMIT 4",
    )
    assert ("jiemian", "partial") in status


def spawned_workers(parent: int) -> list[int]:
    """Extraction pool workers of a crawl process (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == parent and b"multiprocessing" in command:
            found.append(int(entry.name))
    return found


def test_extraction_workers_exit_when_the_crawl_is_killed(
    replica: ReplicaProcess, tmp_path: Path
) -> None:
    crawl = subprocess.Popen(
        [sys.executable, "-m", "evwatch", "--db", f"sqlite:///{tmp_path / 'k.db'}", "crawl",
         "jiemian", "--replica", replica.url, "--quiet", *FAST,
         "--set", "EVWATCH_SMALL_POLL=0"],  # the worker processes from the first page
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not (workers := spawned_workers(crawl.pid)):
        assert time.monotonic() < deadline and crawl.poll() is None, "no worker started"
        time.sleep(0.05)
    crawl.send_signal(signal.SIGKILL)
    crawl.wait()
    deadline = time.monotonic() + 10
    while alive := [pid for pid in workers if Path(f"/proc/{pid}").exists()]:
        assert time.monotonic() < deadline, f"orphaned workers still running: {alive}"
        time.sleep(0.1)
