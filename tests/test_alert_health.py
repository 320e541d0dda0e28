"""Source health: one operator alert after N bad runs in a row (failed, or nothing found), none
while the outage lasts, one when the source recovers, and a new pair for the next outage."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from alerts.config import parse_config
from alerts.health import check_source_health
from store import queries
from store.db import Database
from store.models import Alert, Delivery

CONFIG = parse_config(
    {
        "rules": {"source_health": {"runs": 3}},
        "subscriber": [
            {"name": "ops", "webhook": {"url": "https://ops.example/hook", "secret_env": "S"},
             "kinds": ["source_health"]},
            {"name": "analyst", "webhook": {"url": "https://a.example/hook", "secret_env": "S"},
             "kinds": ["threshold"]},
        ],
    }
)  # fmt: skip


@pytest.fixture()
def db(db_url: str, tmp_path: Path) -> Database:
    database = Database(db_url)
    yield database
    database.dispose()


def crawl(db: Database, source_id: int, outcome: str) -> list[str]:
    """One finished run: "ok", "failed" (the spider failed) or "empty" (no article links)."""
    with db.session() as session:
        run = queries.start_run(session, source_id)
        queries.finish_run(
            session, run.id, status="failed" if outcome == "failed" else "ok",
            finish_reason="finished", pages_fetched=0 if outcome == "failed" else 3,
            article_pages_fetched=0, new_articles=0, new_figures=0,
            stats={"evwatch/links/found": 0 if outcome == "empty" else 12},
        )  # fmt: skip
    with db.session() as session:
        created = check_source_health(session, source_id, CONFIG)
        return [session.get_one(Alert, i).key for i in created]


def test_an_outage_raises_one_alert_and_recovery_one_more(db: Database) -> None:
    with db.session() as session:
        source_id = queries.ensure_source(session, "jiemian", "Jiemian", "https://x/").id
    raised = [crawl(db, source_id, outcome) for outcome in
              ["ok", "failed", "empty", "ok", "failed", "failed", "empty", "failed", "empty",
               "ok", "ok", "failed", "failed", "failed"]]  # fmt: skip
    flat = [(n, key) for n, keys in enumerate(raised) for key in keys]
    assert [n for n, _ in flat] == [6, 9, 13]
    assert flat[0][1].startswith("source_health:jiemian:down:")
    assert flat[1][1] == flat[0][1].replace(":down:", ":recovered:")
    assert flat[2][1].startswith("source_health:jiemian:down:") and flat[2][1] != flat[0][1]
    with db.session() as session:
        routes = session.execute(select(Delivery.subscriber, Delivery.alert_id)).all()
        messages = [a.message for a in session.scalars(select(Alert).order_by(Alert.id))]
    assert {subscriber for subscriber, _ in routes} == {"ops"}
    assert len(routes) == 3
    assert messages[0].startswith("Source jiemian is failing: 3 consecutive runs")
    assert messages[1].startswith("Source jiemian has recovered")
