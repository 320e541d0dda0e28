"""The replica HTTP server: serves the four sites on 127.0.0.1 under /<scheme>/<host>/<path>.

Run as ``python -m crawler.replica [--port 0] [--slow-seconds S]``: it binds to the loopback
interface only, prints its base URL on the first line of stdout, and serves until killed.
``/_replica/hits`` lists every request served (JSON: host, path, status, time and the
client's User-Agent); ``/_replica/reset`` clears that list;
``/_replica/publish/<source>`` puts the site's next held-back article online.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from crawler.replica.site import ROBOTS_TXT, Page, ReplicaSite, not_found
from crawler.replica.sites import sites_by_host
from crawler.replica.synthetic import synthetic_articles

# Page 2 on of a listing, however the site numbers its pages (list_2.html, index_3.html,
# 51_2.html, page/2/).
OLDER_LISTING = re.compile(r"(?:_|/page/)(?:[2-9]|\d{2,})(?:\.html|/)")
STALL_SECONDS = 60.0


class ReplicaState:
    """The sites plus a log of requests, shared by the handler threads."""

    def __init__(self, slow_seconds: float, synthetic: int = 0) -> None:
        self.sites: dict[str, ReplicaSite] = sites_by_host(slow_seconds)
        if synthetic:
            jiemian = self.sites["www.jiemian.com"]
            jiemian.articles = synthetic_articles(synthetic)
            jiemian.page_size = 50
        self.hits: list[dict[str, object]] = []
        self.lock = threading.Lock()
        # Whole-site faults set by the tests (/_replica/fault/SOURCE/KIND): "busy" answers
        # 503 with a Retry-After of an hour, "unavailable" 503 and "throttled" 429 without
        # one, "loop" redirects every page to itself, "offsite" to another site, "stall"
        # answers older listing pages (page 2 on) only after a minute.
        self.faults: dict[str, str] = {}

    def route(self, path: str, query: str) -> tuple[str, Page]:
        scheme, _, rest = path.lstrip("/").partition("/")
        host, _, site_path = rest.partition("/")
        site_path = "/" + site_path
        if scheme not in ("http", "https") or host not in self.sites:
            return host, not_found(path)
        if site_path == "/robots.txt":
            return host, Page(body=ROBOTS_TXT, content_type="text/plain; charset=utf-8")
        fault = self.faults.get(self.sites[host].source)
        if fault == "busy":
            return host, Page(
                503, "<html><body>Busy</body></html>", headers={"Retry-After": "3600"}
            )
        if fault == "unavailable":
            return host, Page(503, "<html><body>Service Unavailable</body></html>")
        if fault == "throttled":
            return host, Page(429, "<html><body>Too Many Requests</body></html>")
        if fault == "loop":
            location = site_path + (f"?{query}" if query else "")
            return host, Page(302, "", headers={"Location": location})
        if fault == "offsite":
            return host, Page(302, "", headers={"Location": "https://offsite.invalid/news/"})
        with self.lock:
            page = self.sites[host].handle(host, site_path, query)
        if fault == "stall" and OLDER_LISTING.search(f"{site_path}?{query}"):
            page.delay = STALL_SECONDS
        return host, page


class ReplicaHandler(BaseHTTPRequestHandler):
    server_version = "replica/1.0"
    protocol_version = "HTTP/1.1"  # keep-alive, as real sites do; every answer has a length
    state: ReplicaState

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path.startswith("/_replica/"):
            self.control(parts.path)
            return
        host, page = self.state.route(parts.path, parts.query)
        if page.delay:
            time.sleep(page.delay)
        payload = page.payload()
        with self.state.lock:
            self.state.hits.append(
                {
                    "host": host,
                    "path": parts.path,
                    "status": page.status,
                    "time": time.time(),
                    "agent": self.headers.get("User-Agent", ""),
                }
            )
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in page.headers.items():
            self.send_header(name, value)
        self.end_headers()
        # The client may have given up already (a timeout test): nothing to do then.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(payload)

    def control(self, path: str) -> None:
        status = 200
        with self.state.lock:
            if path == "/_replica/reset":
                self.state.hits.clear()
                self.state.faults.clear()
            if path.startswith("/_replica/fault/"):
                source, kind = path.split("/")[-2:]
                self.state.faults[source] = kind
            if path.startswith("/_replica/publish/"):
                source = path.rsplit("/", 1)[1]
                site = next((s for s in self.state.sites.values() if s.source == source), None)
                published = site.publish() if site else None
                status = 200 if published else 404
                body = json.dumps(published).encode()
            else:
                body = json.dumps(self.state.hits).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the hit log is the record; keep stderr quiet


def exit_with_parent() -> None:
    """Leaves when the process that started the replica is gone (even killed)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="replica-parent-watch", daemon=True).start()


def serve(port: int, slow_seconds: float, synthetic: int = 0) -> None:
    state = ReplicaState(slow_seconds, synthetic)
    handler = type("Handler", (ReplicaHandler,), {"state": state})
    ThreadingHTTPServer.request_queue_size = 128  # the default 5 drops bursts of connects
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    host, bound_port = server.server_address[:2]
    print(f"http://{host!s}:{bound_port}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m crawler.replica", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument(
        "--slow-seconds", type=float, default=1.5, help="delay of the site's slow page"
    )
    parser.add_argument(
        "--synthetic",
        type=int,
        default=0,
        metavar="N",
        help="replace Jiemian's articles with N generated ones (benchmarks)",
    )
    parser.add_argument(
        "--exit-with-parent", action="store_true", help="stop when the starting process ends"
    )
    args = parser.parse_args(argv)
    if args.exit_with_parent:
        exit_with_parent()
    try:
        serve(args.port, args.slow_seconds, args.synthetic)
    except KeyboardInterrupt:
        sys.exit(0)
