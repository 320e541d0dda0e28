"""A replay of 18 months of monthly delivery articles for two makers through ``evwatch
ingest``: the exact alerts (thresholds, records, streaks), then no new alert from re-ingesting
the same articles in another order, or from a second source reporting the same figures."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from evwatch.cli import main
from tests.conftest import as_url, query

MONTHS = [date(2024, m, 1) for m in range(6, 13)] + [date(2025, m, 1) for m in range(1, 12)]
DELIVERIES = {
    "Leapmotor": [
        20116, 22093, 30305, 33767, 38177, 40169, 42517, 25170, 25002, 37095, 41039, 45067,
        48006, 50129, 57066, 66657, 70289, 70327,
    ],
    "Xpeng": [
        10668, 11145, 13971, 21352, 23917, 30895, 36695, 30350, 30453, 33205, 35045, 33525,
        34611, 36717, 37709, 41581, 42013, 36728,
    ],
}  # fmt: skip
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]  # fmt: skip

# Worked out by hand from the figures above with the default rules: ladder 10k..80k, records
# after three stored months, streaks of two or more months at the same rung. The first month
# (Jun 2024) is the first figure stored of each series: it crosses no rung.
EXPECTED = {
    "Leapmotor": {
        "threshold": {"2024-08": 30000, "2024-11": 40000, "2025-07": 50000,
                      "2025-09": 60000, "2025-10": 70000},
        "record": ["2024-09", "2024-10", "2024-11", "2024-12", "2025-05", "2025-06", "2025-07",
                   "2025-08", "2025-09", "2025-10", "2025-11"],
        "streak": {"2024-07": (20000, 2), "2024-09": (30000, 2), "2024-10": (30000, 3),
                   "2024-12": (40000, 2), "2025-02": (20000, 2), "2025-05": (40000, 2),
                   "2025-06": (40000, 3), "2025-08": (50000, 2), "2025-11": (70000, 2)},
    },
    "Xpeng": {
        "threshold": {"2024-09": 20000, "2024-11": 30000, "2025-09": 40000},
        "record": ["2024-09", "2024-10", "2024-11", "2024-12", "2025-07", "2025-08", "2025-09",
                   "2025-10"],
        "streak": {"2024-07": (10000, 2), "2024-08": (10000, 3), "2024-10": (20000, 2),
                   "2024-12": (30000, 2), "2025-01": (30000, 3), "2025-02": (30000, 4),
                   "2025-03": (30000, 5), "2025-04": (30000, 6), "2025-05": (30000, 7),
                   "2025-06": (30000, 8), "2025-07": (30000, 9), "2025-08": (30000, 10),
                   "2025-10": (40000, 2)},
    },
}  # fmt: skip


def article_page(maker: str, month: date, value: int, outlet: str) -> str:
    """A saved news page in our own words: the month's figure and nothing else to count."""
    published = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    name = MONTH_NAMES[month.month - 1]
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{maker} {name} deliveries - {outlet}</title>
<meta property="article:published_time" content="{published}T10:30:00+08:00"></head>
<body><nav><a href="/">Home</a> <a href="/autos">Autos</a></nav><article>
<h1>{maker} {name} deliveries</h1>
<p>{maker} delivered {value:,} vehicles in {name}, the company said in a statement on the first
working day of the following month.</p>
<p>The carmaker gave no update on its plans for the rest of the year and declined to comment on
prices, saying more details would follow at its next product event.</p>
</article><footer>Copyright {outlet}</footer></body></html>"""


def write_archive(folder: Path, outlet: str) -> list[Path]:
    folder.mkdir()
    paths = []
    for maker, values in DELIVERIES.items():
        for month, value in zip(MONTHS, values, strict=True):
            path = folder / f"{maker.lower()}-{month:%Y-%m}.html"
            path.write_text(article_page(maker, month, value, outlet), encoding="utf-8")
            paths.append(path)
    return sorted(paths, key=lambda p: p.name.split("-", 1)[1])  # by month, as published


def expected_keys() -> list[str]:
    keys = []
    for maker, kinds in EXPECTED.items():
        series = f"{maker}:deliveries:nev"
        keys += [f"threshold:{series}:{rung}" for rung in kinds["threshold"].values()]
        keys += [f"record:{series}:{month}" for month in kinds["record"]]
        keys += [f"streak:{series}:{rung}:{month}" for month, (rung, _) in kinds["streak"].items()]
    return sorted(keys)


def ingest(db: Path, *args: str | Path) -> None:
    assert main(["--db", as_url(db), "ingest", *map(str, args)]) == 0


@pytest.fixture()
def replayed(db_url: str, tmp_path: Path) -> tuple[Path, list[Path]]:
    db = db_url
    archive = write_archive(tmp_path / "archive", "Example Wire")
    ingest(db, *archive, "--source", "examplewire")
    return db, archive


def test_replay_raises_exactly_the_expected_alerts(
    replayed: tuple[Path, list[Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = replayed
    assert sorted(k for (k,) in query(db, "SELECT key FROM alerts")) == expected_keys()
    capsys.readouterr()
    assert main(["--db", as_url(db), "alerts", "--kind", "streak", "--format", "jsonl"]) == 0
    streaks = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    last = next(s for s in streaks if s["key"] == "streak:Leapmotor:deliveries:nev:70000:2025-11")
    assert last["message"] == (
        "Leapmotor: second straight month above 70,000 deliveries — 70,327 in Nov 2025"
    )
    assert (last["value"], last["rung"], last["period_start"]) == (70327, 70000, "2025-11-01")
    assert (last["delivered"], last["historical"], last["held"], last["retracted"]) == (
        False, False, False, False,
    )  # fmt: skip
    assert last["source_url"].endswith("leapmotor-2025-11.html")
    streak_lengths = dict(query(db, "SELECT key, streak FROM alerts WHERE kind = 'streak'"))
    for maker, kinds in EXPECTED.items():
        for month, (rung, months) in kinds["streak"].items():
            assert streak_lengths[f"streak:{maker}:deliveries:nev:{rung}:{month}"] == months
    record = query(
        db, "SELECT previous_value, previous_period FROM alerts "
        "WHERE key = 'record:Xpeng:deliveries:nev:2025-07'",
    )  # fmt: skip
    assert record == [(36695, "2024-12")]
    messages = dict(query(db, "SELECT key, message FROM alerts"))
    assert messages["threshold:Xpeng:deliveries:nev:40000"] == (
        "Xpeng: above 40,000 deliveries for the first time since records begin in Jun 2024 — "
        "41,581 in Sep 2025"
    )
    assert messages["record:Leapmotor:deliveries:nev:2025-11"] == (
        "Leapmotor: record deliveries — 70,327 in Nov 2025, beating 70,289 in Oct 2025; "
        "highest of the 18 months on record since Jun 2024"
    )


def test_reingesting_in_any_order_and_a_second_source_add_no_alert(
    replayed: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    db, archive = replayed
    before = query(db, "SELECT count(*) FROM alerts")
    shuffled = archive[:]
    random.Random(7).shuffle(shuffled)
    ingest(db, *shuffled, "--source", "examplewire")
    second_outlet = write_archive(tmp_path / "other", "Other Daily")
    random.Random(11).shuffle(second_outlet)
    ingest(db, *second_outlet, "--source", "otherdaily")
    assert query(db, "SELECT count(*) FROM alerts") == before
    assert query(db, "SELECT count(*) FROM articles") == [(2 * len(archive),)]
    assert query(db, "SELECT count(DISTINCT key) FROM alerts") == before


def test_a_backfill_records_alerts_as_historical_without_deliveries(
    db_url: str, tmp_path: Path
) -> None:
    db = db_url
    config = tmp_path / "evwatch.toml"
    config.write_text(
        '[[subscriber]]\nname = "desk"\nwebhook = { url = "http://127.0.0.1:9/hook", '
        'secret_env = "EVWATCH_TEST_SECRET" }\n',
        encoding="utf-8",
    )
    archive = write_archive(tmp_path / "archive", "Example Wire")
    assert main(["--db", as_url(db), "--config", str(config), "ingest", "--quiet",
                 *map(str, archive[:20])]) == 0  # fmt: skip
    assert query(db, "SELECT count(*) FROM alerts WHERE NOT historical") == [(0,)]
    assert query(db, "SELECT count(*) FROM deliveries") == [(0,)]
    assert main(["--db", as_url(db), "--config", str(config), "ingest",
                 *map(str, archive[20:])]) == 0  # fmt: skip
    live = query(db, "SELECT count(*) FROM alerts WHERE NOT historical")[0][0]
    assert live > 0
    assert query(db, "SELECT count(*) FROM deliveries") == [(live,)]
