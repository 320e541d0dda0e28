"""A PostgreSQL URL's password stays out of everything evwatch prints: errors, status, debug
logs; and a password with URL-escaped characters works (migrations included)."""

from __future__ import annotations

import pytest

from tests.conftest import run_evwatch
from tests.pg import PASSWORD, ROLE, PostgresCluster

pytestmark = pytest.mark.postgres


def test_a_wrong_password_is_one_line_that_masks_it(pg_cluster: PostgresCluster) -> None:
    url = pg_cluster.create_database()
    wrong = url.replace(PASSWORD, PASSWORD + "-wrong")
    for args, env in ((("--db", wrong, "status"), {}), (("status",), {"EVWATCH_DB": wrong})):
        child = run_evwatch(*args, timeout=60, **env)
        assert child.returncode == 2
        [line] = child.stderr.splitlines()
        assert line.startswith(f"evwatch: error: database postgresql+psycopg://{ROLE}:***@")
        assert "password authentication failed" in line
        assert PASSWORD not in child.stderr + child.stdout
    pg_cluster.drop_database(url)


def test_status_and_debug_logs_never_show_the_password(pg_cluster: PostgresCluster) -> None:
    url = pg_cluster.create_database()
    for args in (("status", "--format", "json"), ("--log-level", "DEBUG", "alerts")):
        child = run_evwatch(*args, timeout=60, EVWATCH_DB=url)
        assert child.returncode in (0, 1), child.stderr
        assert PASSWORD not in child.stdout + child.stderr
    pg_cluster.drop_database(url)


def test_a_password_with_escaped_characters_migrates_and_works(
    pg_cluster: PostgresCluster,
) -> None:
    empty = pg_cluster.create_database(migrated=False)
    database = empty.rsplit("/", 1)[1]
    pg_cluster.admin("CREATE ROLE evw_odd LOGIN PASSWORD 'p%w@rd:50%'")
    pg_cluster.admin(f"ALTER DATABASE {database} OWNER TO evw_odd")
    url = f"postgresql+psycopg://evw_odd:p%25w%40rd%3A50%25@127.0.0.1:{pg_cluster.port}/{database}"
    upgrade = run_evwatch("db", "upgrade", timeout=120, EVWATCH_DB=url)
    assert upgrade.returncode == 0, upgrade.stderr
    status = run_evwatch("status", "--format", "json", timeout=60, EVWATCH_DB=url)
    assert status.returncode in (0, 1), status.stderr
    assert "p%w@rd" not in upgrade.stdout + upgrade.stderr + status.stdout + status.stderr
    assert "p%25w" not in upgrade.stdout + upgrade.stderr + status.stdout + status.stderr
    pg_cluster.drop_database(empty)
    pg_cluster.admin("DROP ROLE evw_odd")
