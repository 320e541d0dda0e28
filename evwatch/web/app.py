"""The dashboard's web application (Starlette, Jinja2 templates with autoescaping): read-only
pages, CSV/JSON downloads of every table, the Atom feed, and the safety around them (a
Content-Security-Policy that allows no script, loopback Host names only unless a token guards
the server, GET only)."""

from __future__ import annotations

import csv
import hmac
import io
import json
import time
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from alerts.config import Config
from alerts.render import safe_url
from crawler.errors import CommandError
from crawler.figures.entities import canonical_name
from crawler.figures.labels import period_label
from crawler.seeds import Seed
from evwatch.web import pages
from evwatch.web.cache import PageCache
from evwatch.web.charts import series_svg
from evwatch.web.feed import alerts_atom
from store import views
from store.db import Database

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
TOKEN_COOKIE = "evwatch_token"
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
FEED_LIMIT = 500
NOT_KEPT = ("format", "table", "token")  # query parameters a download link does not repeat
CACHE_HEADER = "x-evwatch-cache"  # an entity page: "hit" (kept from before) or "miss" (built)


class SecurityHeaders:
    """Adds the CSP and friends to every response, and ``Server-Timing: app;dur=MS`` (the time
    the application took to produce the response: what bench/serve.py reads)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = f"app;dur={(time.perf_counter() - started) * 1000:.1f}".encode()
                message["headers"] = [
                    *message.get("headers", []), *SECURITY_HEADERS, (b"server-timing", took)
                ]  # fmt: skip
            await send(message)

        await self.app(scope, receive, with_headers)


class TokenGuard:
    """With a token set, every request must carry it: ``Authorization: Bearer TOKEN``, the
    cookie a first ``?token=TOKEN`` visit sets, or ``?token=TOKEN`` itself (feed readers)."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    def _carries(self, request: Request) -> tuple[bool, bool]:
        assert self.token
        expected = self.token.encode()
        header = request.headers.get("authorization", "")
        candidates = [
            header[7:] if header.lower().startswith("bearer ") else "",
            request.cookies.get(TOKEN_COOKIE, ""),
        ]
        in_query = request.query_params.get("token", "")
        ok = any(hmac.compare_digest(c.encode(), expected) for c in candidates if c)
        from_query = bool(in_query) and hmac.compare_digest(in_query.encode(), expected)
        return ok or from_query, from_query and not ok

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.token:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        ok, set_cookie = self._carries(request)
        if not ok:
            response: Response = PlainTextResponse(
                "this evwatch dashboard needs its token (?token=... or Authorization: Bearer)",
                status_code=401,
            )
            await response(scope, receive, send)
            return
        if set_cookie and request.url.path != "/alerts.atom":
            # the token leaves the address bar: a cookie carries it from now on
            params = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            query = "&".join(f"{quote(k)}={quote(v)}" for k, v in params)
            response = RedirectResponse(request.url.path + (f"?{query}" if query else ""), 303)
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


# -- rendering helpers ---------------------------------------------------------------------------


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _when(value: Any) -> str:
    return "" if not value else str(value)[:16].replace("T", " ")


def _marked(excerpt: str | None) -> Markup:
    """An FTS excerpt with its match highlighted: every part escaped, the marks ours."""
    if not excerpt:
        return Markup("")
    out = []
    for i, part in enumerate(excerpt.split(views.MARK_START)):
        if i == 0:
            out.append(Markup.escape(part))
            continue
        inside, _, rest = part.partition(views.MARK_END)
        out.append(Markup("<mark>{}</mark>{}").format(inside, rest))
    return Markup("").join(out)


def template_env() -> Environment:
    directory = str(resources.files("evwatch.web").joinpath("templates"))
    env = Environment(loader=FileSystemLoader(directory), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)  # fmt: skip
    env.filters.update(
        number=_number, when=_when, safe_url=safe_url, marked=_marked, svg=series_svg
    )
    env.globals.update(period_label=period_label, quote=lambda s: quote(str(s), safe=""))
    return env


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("=", "+", "@", "\t", "\r"):
        return "'" + value  # a spreadsheet must not run an article's text as a formula
    return value


def download(page: pages.Page, request: Request) -> Response | None:
    """``?format=csv|json`` (``&table=NAME`` when the page has several tables)."""
    fmt = request.query_params.get("format")
    if not fmt:
        return None
    if fmt not in ("csv", "json"):
        return PlainTextResponse("format must be csv or json", status_code=400)
    name = request.query_params.get("table") or next(iter(page.tables), "")
    table = page.tables.get(name)
    if table is None:
        return PlainTextResponse(
            f"no table {name!r} here; tables: {', '.join(page.tables)}", status_code=404
        )
    filename = f"evwatch-{table.name}.{fmt}"
    disposition = {"content-disposition": f"attachment; filename*=UTF-8''{quote(filename)}"}
    if fmt == "json":
        body = json.dumps(
            [{c: row.get(c) for c in table.columns} for row in table.rows],
            ensure_ascii=False,
            indent=1,
        )
        return Response(body, media_type="application/json", headers=disposition)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_cell(row.get(c)) for c in table.columns])
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=disposition)


# -- the application -----------------------------------------------------------------------------


def create_app(
    db: Database,
    config: Config,
    seeds: dict[str, Seed],
    *,
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
) -> Starlette:
    templates = Jinja2Templates(env=template_env())
    # entity pages are the slow ones (a big maker's is thousands of periods): kept until the
    # database changes, where it can tell (SQLite)
    generation = getattr(db, "generation", lambda: None)
    entity_pages: PageCache[pages.Page | None] = PageCache(generation)

    def render(request: Request, name: str, page: pages.Page, status: int = 200) -> Response:
        kept = [(k, v) for k, v in request.query_params.multi_items() if k not in NOT_KEPT]
        base_query = "".join(f"{quote(k)}={quote(v)}&" for k, v in kept)
        context = {"page": page, "base_query": base_query, **page.extra}
        return download(page, request) or templates.TemplateResponse(
            request, name, context, status_code=status
        )

    def problem(request: Request, message: str, status: int) -> Response:
        page = pages.Page("Not found" if status == 404 else "Bad request")
        return templates.TemplateResponse(
            request, "error.html", {"page": page, "message": message}, status_code=status
        )

    def guarded(
        handler: Callable[[Request], Response],
    ) -> Callable[[Request], Awaitable[Response]]:
        """Runs a (blocking, database-reading) handler in the thread pool; a bad parameter is
        one line on a 400 page."""
        from starlette.concurrency import run_in_threadpool

        async def endpoint(request: Request) -> Response:
            try:
                return await run_in_threadpool(handler, request)
            except CommandError as exc:
                return problem(request, str(exc), 400)

        return endpoint

    def overview(request: Request) -> Response:
        return render(request, "overview.html", pages.overview(db, config, seeds))

    def alert_list(request: Request) -> Response:
        q = request.query_params
        page = pages.alert_list(
            db, since=q.get("since"), kind=q.get("kind"), entity=q.get("entity"),
            metric=q.get("metric"),
        )  # fmt: skip
        page.extra["params"] = dict(q)
        return render(request, "alerts.html", page)

    def alert(request: Request) -> Response:
        page = pages.alert_page(db, config, int(request.path_params["alert_id"]))
        if page is None:
            return problem(request, "no such alert", 404)
        return render(request, "alert.html", page)

    def entity_lookup(request: Request) -> Response:
        name = request.query_params.get("name", "").strip()
        if not name:
            return RedirectResponse("/entities", 303)
        return RedirectResponse(f"/entity/{quote(canonical_name(name), safe='')}", 303)

    def entity(request: Request) -> Response:
        name = request.path_params["name"]
        # the sources of each period, and the reports of the totals the page leaves out, are
        # in the downloads only: read them for those alone
        downloading = bool(request.query_params.get("format"))
        page, kept = entity_pages.get(
            (name, downloading),
            lambda: pages.entity_page(
                db, config, name, sources=downloading, every_report=downloading
            ),
        )
        if page is None:
            return problem(request, f"no stored figures for {name!r}", 404)
        canonical = page.extra["entity"]["name"]
        if canonical != name and not request.query_params.get("format"):
            return RedirectResponse(f"/entity/{quote(canonical, safe='')}", 303)
        response = render(request, "entity.html", page)
        response.headers[CACHE_HEADER] = "hit" if kept else "miss"
        return response

    def entities(request: Request) -> Response:
        return render(request, "entities.html", pages.entity_index(db))

    def articles(request: Request) -> Response:
        q = request.query_params
        return render(
            request, "articles.html", pages.article_search(db, q.get("q", ""), q.get("source"))
        )

    def figures(request: Request) -> Response:
        return render(request, "figures.html", pages.figure_search(db, dict(request.query_params)))

    def feed(request: Request) -> Response:
        q = request.query_params
        page = pages.alert_list(
            db, kind=q.get("kind"), entity=q.get("entity"), metric=q.get("metric"),
            newest_first=True, limit=FEED_LIMIT,
        )  # fmt: skip
        base = str(request.base_url)
        filters = ", ".join(f"{k} {v}" for k, v in q.items() if k in ("entity", "metric", "kind"))
        body = alerts_atom(
            page.tables["alerts"].rows, base, str(request.url.remove_query_params("token")),
            "evwatch alerts" + (f" ({filters})" if filters else ""),
        )  # fmt: skip
        return Response(body, media_type="application/atom+xml; charset=utf-8")

    routes = [
        Route("/", guarded(overview)),
        Route("/alerts", guarded(alert_list)),
        Route("/alerts.atom", guarded(feed)),
        Route("/alert/{alert_id:int}", guarded(alert)),
        Route("/entities", guarded(entities)),
        Route("/entity", guarded(entity_lookup)),
        Route("/entity/{name:path}", guarded(entity)),
        Route("/articles", guarded(articles)),
        Route("/figures", guarded(figures)),
    ]
    static = StaticFiles(directory=str(resources.files("evwatch.web").joinpath("static")))
    from starlette.routing import Mount

    routes.append(Mount("/static", static, name="static"))  # type: ignore[arg-type]
    middleware = [Middleware(SecurityHeaders), Middleware(TokenGuard, token=token)]
    if allowed_hosts is not None:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    return Starlette(routes=routes, middleware=middleware)
