"""What each dashboard page shows, as plain data: named tables of rows (the same rows the CSV
and JSON downloads give) and charts. Everything is read through a read-only database with the
store's query functions; nothing here renders HTML."""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any
from urllib.parse import quote_plus, urlencode

from alerts.config import Config
from alerts.rules import CUMULATIVE_KINDS
from crawler.errors import CommandError
from crawler.figures.entities import canonical_name, group_members, lexicon
from crawler.figures.labels import period_label
from crawler.seeds import Seed
from evwatch.status import status_report
from evwatch.web.charts import Mark, Point, Series
from store import views
from store.db import Database
from store.figures import ConsolidatedFigure, consolidate, list_figures
from store.readonly import ReadOnlyDatabase
from store.sqlread import EngineReader

METRICS = ("deliveries", "production", "sales", "exports")


@dataclass
class Table:
    """A table of a page: its rows are what the page shows and what the downloads contain."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]]


@dataclass
class Page:
    title: str
    tables: dict[str, Table] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def add(self, table: Table) -> Table:
        self.tables[table.name] = table
        return table


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


# -- overview ------------------------------------------------------------------------------------

SOURCE_COLUMNS = (
    "source", "enabled", "health", "last_run_at", "last_run_status", "last_run_new_articles",
    "last_run_new_figures", "last_run_errors", "next_run", "found_articles", "found_figures",
    "articles",
)  # fmt: skip


def overview(db: Database, config: Config, seeds: dict[str, Seed]) -> Page:
    switches = {name: seed.enabled for name, seed in seeds.items()}
    with db.read_engine.connect() as connection:
        reader = EngineReader(db.url, connection)
        report = status_report(reader, config.rules.source_health_runs, switches)
    page = Page("Overview", extra={"report": report})
    with db.read() as session:
        totals = views.source_totals(session)
        latest = views.alerts(session, limit=20, newest_first=True)
        deliveries = views.open_deliveries(session)
        counts = views.delivery_counts(session)
    sources = []
    for s in report["sources"]:
        run = s["last_run"] or {}
        found = totals.get(s["source"], {})
        sources.append(
            {
                "source": s["source"], "enabled": s["enabled"], "health": s["health"],
                "last_run_at": run.get("started_at"), "last_run_status": run.get("status"),
                "last_run_new_articles": run.get("new_articles"),
                "last_run_new_figures": run.get("new_figures"),
                "last_run_errors": run.get("errors"), "next_run": s["next_run"],
                "found_articles": found.get("found_articles", 0),
                "found_figures": found.get("found_figures", 0),
                "articles": found.get("articles", 0),
            }
        )  # fmt: skip
    page.add(Table("sources", "Sources", SOURCE_COLUMNS, sources))
    page.add(Table("alerts", "Latest alerts", views.ALERT_COLUMNS, latest))
    page.add(Table("deliveries", "Deliveries needing a look", views.DELIVERY_COLUMNS, deliveries))
    page.extra["delivery_counts"] = counts
    return page


# -- alerts --------------------------------------------------------------------------------------


def parse_day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{name} takes YYYY-MM-DD, got {value!r}") from None


def entity_names(name: str) -> set[str]:
    """The stored names an entity filter covers: the entity by any alias, a group's members."""
    canonical = canonical_name(name)
    return group_members(canonical) | {canonical}


def alert_list(
    db: Database,
    *,
    since: str | None = None,
    kind: str | None = None,
    entity: str | None = None,
    metric: str | None = None,
    newest_first: bool = False,
    limit: int | None = None,
) -> Page:
    """Alerts as ``evwatch alerts`` lists them, with the feed's filters too."""
    day = parse_day(since, "since")
    with db.read() as session:
        rows = views.alerts(
            session,
            since=datetime.combine(day, time(0), UTC) if day else None,
            kind=kind or None,
            entities=entity_names(entity) if entity else None,
            metric=metric or None,
            newest_first=newest_first,
            limit=limit,
        )
    page = Page("Alerts")
    page.add(Table("alerts", "Alerts", views.ALERT_COLUMNS, rows))
    return page


def alert_page(db: Database, config: Config, alert_id: int) -> Page | None:
    with db.read() as session:
        alert = views.alert(session, alert_id)
        if alert is None:
            return None
        row = views.alerts(session, alert_ids=[alert_id])[0]
        figure = alert.figure
        article = alert.article
        page = Page(f"Alert #{alert_id}")
        page.extra["alert"] = row
        page.extra["figure"] = (
            None
            if figure is None
            else {
                "id": figure.id, "entity": figure.entity, "metric": figure.metric,
                "segment": figure.segment,
                "period": period_label(figure.period_kind, figure.period_start, figure.period_end),
                "value": figure.value, "qualifier": figure.qualifier, "yoy_pct": figure.yoy_pct,
                "claims": list(figure.claims or ()), "confidence": figure.confidence,
                "snippet": figure.snippet,
            }
        )  # fmt: skip
        page.extra["article"] = (
            None
            if article is None
            else {
                "id": article.id, "title": article.title, "url": article.canonical_url,
                "source": article.source.name, "published_at": _iso(article.published_at),
                "language": article.language,
            }
        )  # fmt: skip
        history: list[dict[str, Any]] = []
        chart = None
        if alert.entity and alert.metric and alert.segment and alert.period_kind:
            kinds = ("month",) if alert.period_kind == "month" else CUMULATIVE_KINDS
            if alert.kind == "revision":
                kinds = (alert.period_kind,)
            reports = views.reports_as_of(session, alert, kinds)
            for c in consolidate(reports):
                history.append(_consolidated_row(c))
            history.sort(key=lambda r: (r["period_end"], r["period_start"]))
            if alert.period_kind == "month":
                months = [c for c in consolidate(reports) if c.period_kind == "month"]
                chart = Series(
                    f"{alert.entity} {alert.metric} ({alert.segment}) as judged",
                    [Point(c.period_start, c.value, c.qualifier, c.reports) for c in months],
                    config.rules.ladder(alert.metric),
                    [Mark(alert.period_start, alert.kind, alert.message)]
                    if alert.kind in ("record", "threshold") and alert.period_start
                    else [],
                )
    page.add(
        Table(
            "history",
            "History it was judged against (as stored when it was raised)",
            HISTORY_COLUMNS,
            history,
        )
    )
    page.extra["chart"] = chart
    return page


HISTORY_COLUMNS = (
    "period", "period_kind", "period_start", "period_end", "value", "qualifier", "reports",
    "agreeing", "sources", "disagreement",
)  # fmt: skip


def _consolidated_row(c: ConsolidatedFigure) -> dict[str, Any]:
    return {
        "period": period_label(c.period_kind, c.period_start, c.period_end),
        "period_kind": c.period_kind,
        "period_start": c.period_start.isoformat(),
        "period_end": c.period_end.isoformat(),
        "value": c.value,
        "qualifier": c.qualifier,
        "reports": c.reports,
        "agreeing": c.disagreement.get(c.value, c.reports),
        "sources": list(c.sources),
        "disagreement": {str(v): n for v, n in sorted(c.disagreement.items())},
    }


# -- entity --------------------------------------------------------------------------------------

MONTH_COLUMNS = (*HISTORY_COLUMNS, "reports_detail")
REPORTS_SHOWN = 5  # per period on the entity page (the newest); the rest are a link away
TOTALS_SHOWN = 24  # cumulative totals per series on the entity page (the newest; all in downloads)


def _period_filter(c: ConsolidatedFigure) -> str:
    """The ``--period`` of ``evwatch figures`` that holds this period's reports (by its end)."""
    return f"{c.period_end:%Y-%m}" if c.period_kind == "month" else str(c.period_end.year)


def _series_order(item: tuple[tuple[str, str], Any]) -> tuple[int, str]:
    metric, segment = item[0]
    return (METRICS.index(metric) if metric in METRICS else len(METRICS), segment)


@dataclass
class SeriesView:
    metric: str
    segment: str
    chart: Series
    months: Table
    totals: Table  # the newest TOTALS_SHOWN (or more) only, unless every_report
    totals_count: int  # how many totals the series has


def entity_page(
    db: Database, config: Config, name: str, *, sources: bool = True, every_report: bool = True
) -> Page | None:
    """One chart per metric and segment of the entity's monthly series, its months as a table
    with each report's snippet and link, and its cumulative totals apart. None when nothing is
    stored under the name (any alias, English or Chinese). ``sources``: fill each period's
    sources (its tables' downloads have them, the page does not show them). ``every_report``:
    every total with its newest reports (the downloads); else the ``TOTALS_SHOWN`` newest
    totals of each series only, the ones the page shows (and how many there are), and every
    month."""
    canonical = canonical_name(name)
    with db.read() as session:
        found = views.entity_periods(
            session, canonical, REPORTS_SHOWN, sources=sources,
            newest_totals=None if every_report else TOTALS_SHOWN,
        )  # fmt: skip
        consolidated, reports = found.periods, found.reports
        if not consolidated:
            return None
        marks_rows = views.alerts(session, entities={canonical})
    by_series: dict[tuple[str, str], list[ConsolidatedFigure]] = defaultdict(list)
    for c in consolidated:
        by_series[(c.metric, c.segment)].append(c)
    page = Page(canonical)
    known = lexicon().entities.get(canonical)
    page.extra["entity"] = {
        "name": canonical,
        "kind": None if known is None else (known.level or known.kind),
        "parent": None if known is None else known.parent,
        "members": sorted(group_members(canonical) - {canonical}),
        "aliases": sorted(a for a, n in lexicon().by_alias.items() if n == canonical),
    }
    series_views = []
    for (metric, segment), figures in sorted(by_series.items(), key=_series_order):
        months: list[dict[str, Any]] = []
        totals: list[dict[str, Any]] = []
        # the figure search of one period: its entity and metric quoted once per series
        all_reports = "/figures?" + urlencode({"entity": canonical, "metric": metric}) + "&period="
        for c in sorted(figures, key=lambda c: (c.period_end, c.period_start)):
            row = _consolidated_row(c)
            shown = reports.get((metric, segment, c.period_kind, c.period_start, c.period_end), [])
            row["reports_detail"] = [
                {"source": r.source, "url": r.canonical_url, "title": r.title,
                 "value": r.value, "qualifier": r.qualifier, "snippet": r.snippet,
                 "article_id": r.article_id, "figure_id": r.id}
                for r in shown
            ]  # fmt: skip
            row["reports_not_shown"] = c.reports - len(shown)
            if row["reports_not_shown"]:
                row["all_reports"] = all_reports + quote_plus(_period_filter(c))
            (months if c.period_kind == "month" else totals).append(row)
        marks = [
            Mark(
                date.fromisoformat(a["period_start"]),
                a["kind"],
                f"#{a['id']} {a['message']}",
                f"/alert/{a['id']}",
            )
            for a in marks_rows
            if a["metric"] == metric and a["segment"] == segment
            and a["kind"] in ("record", "threshold") and a["period_kind"] == "month"
            and not a["retracted"]
        ]  # fmt: skip
        chart = Series(
            f"{canonical} — {metric} ({segment}), monthly",
            [
                Point(
                    date.fromisoformat(m["period_start"]), m["value"], m["qualifier"], m["reports"]
                )
                for m in months
            ],
            config.rules.ladder(metric),
            marks,
        )
        key = f"{metric}-{segment}"
        series_views.append(
            SeriesView(
                metric,
                segment,
                chart,
                page.add(
                    Table(f"months-{key}", f"{metric} ({segment}) by month", MONTH_COLUMNS, months)
                ),
                page.add(
                    Table(
                        f"totals-{key}",
                        f"{metric} ({segment}): year-to-date, yearly and lifetime totals",
                        MONTH_COLUMNS,
                        totals,
                    )
                ),
                len(totals) if every_report else found.totals.get((metric, segment), 0),
            )
        )
    page.extra["series"] = series_views
    page.extra["totals_shown"] = TOTALS_SHOWN
    page.add(Table("alerts", "Alerts about this entity", views.ALERT_COLUMNS, marks_rows))
    return page


def entity_index(db: Database) -> Page:
    with db.read() as session:
        rows = [{"entity": e, "figures": n} for e, n in views.stored_entities(session)]
    page = Page("Entities")
    page.add(Table("entities", "Entities with stored figures", ("entity", "figures"), rows))
    return page


# -- search --------------------------------------------------------------------------------------


def article_search(db: Database, q: str, source: str | None) -> Page:
    with db.read() as session:
        rows, how = views.search_articles(session, q, source=source or None)
    page = Page("Articles", extra={"q": q, "how": how, "source": source or ""})
    page.add(Table("articles", "Articles", views.ARTICLE_COLUMNS, rows))
    return page


FIGURE_COLUMNS = (
    "id", "entity", "metric", "segment", "period_kind", "period_start", "period_end", "period",
    "value", "qualifier", "yoy_pct", "confidence", "claims", "snippet", "source", "url", "title",
    "published_at",
)  # fmt: skip
CONSOLIDATED_COLUMNS = ("entity", "metric", "segment", *HISTORY_COLUMNS)


def figure_search(db: Database, params: dict[str, str]) -> Page:
    """``evwatch figures`` with the same filters: entity, metric, period, since, source,
    consolidated, limit."""
    from evwatch.figurecommands import figure_filter

    args = argparse.Namespace(
        entity=params.get("entity") or None,
        metric=params.get("metric") or None,
        period=params.get("period") or None,
        since=params.get("since") or None,
        source=params.get("source") or None,
    )
    if args.metric and args.metric not in METRICS:
        raise CommandError(f"metric must be one of {', '.join(METRICS)}")
    try:
        limit = int(params.get("limit") or 200)
    except ValueError:
        raise CommandError("limit takes a number") from None
    limit = max(1, min(limit, 5000))
    consolidated = params.get("consolidated") in ("1", "on", "true", "yes")
    wanted = figure_filter(db, args)
    page = Page("Figures", extra={"params": params, "consolidated": consolidated})
    with db.read() as session:
        rows = list_figures(session, wanted, limit=None if consolidated else limit)
    if consolidated:
        table = [
            {"entity": c.entity, "metric": c.metric, "segment": c.segment, **_consolidated_row(c)}
            for c in consolidate(rows)[:limit]
        ]
        page.add(Table("figures", "Figures (consolidated)", CONSOLIDATED_COLUMNS, table))
        return page
    table = [
        {
            **{
                name: _iso(getattr(r, name))
                for name in FIGURE_COLUMNS
                if hasattr(r, name) and name != "period"
            },
            "period": period_label(r.period_kind, r.period_start, r.period_end),
            "claims": list(r.claims or ()),
            "url": r.canonical_url,
            "published_at": _iso(r.published_at),
        }
        for r in rows
    ]
    page.add(Table("figures", "Figures", FIGURE_COLUMNS, table))
    return page


def open_read_only(url: str) -> ReadOnlyDatabase:
    return ReadOnlyDatabase(url)


def metric_series(db: Database, config: Config, name: str, metric: str | None) -> list[Series]:
    """The charts of ``evwatch chart``: the entity page's, for one metric or all."""
    page = entity_page(db, config, name, sources=False)  # charts show no sources
    if page is None:
        raise CommandError(f"no stored figures for entity {name!r}")
    charts: Sequence[SeriesView] = page.extra["series"]
    chosen = [s.chart for s in charts if metric is None or s.metric == metric]
    if not chosen:
        raise CommandError(f"no stored {metric} figures for entity {canonical_name(name)!r}")
    return chosen
