"""Free text and URLs become TEXT (a 10,000-character title or a long URL is stored whole) and
timestamps become time zone aware (``timestamptz``; the stored values were UTC).

SQLite enforces neither a VARCHAR length nor a time zone: its columns already store the same
values, so nothing is rebuilt there (``store.dialects.compare_type`` tells Alembic so).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TEXT_COLUMNS = {
    "sources": {"title": 200, "home_url": 500},
    "articles": {"canonical_url": 1000, "title": 500, "author": 200, "source_line": 200},
    "article_urls": {"url": 1000},
    "crawl_errors": {"url": 1000},
    "fetch_failures": {"url": 1000},
    "alerts": {"key": 400},
    "deliveries": {"target": 1000},
    "disabled_channels": {"target": 1000},
}
TIMESTAMP_COLUMNS = {
    "sources": ("created_at",),
    "articles": ("published_at", "first_seen_at", "last_seen_at"),
    "article_urls": ("first_seen_at",),
    "crawl_runs": ("started_at", "finished_at"),
    "crawl_errors": ("created_at",),
    "fetch_failures": ("last_attempt_at", "retry_after"),
    "figures": ("first_seen_at", "updated_at"),
    "figure_rejections": ("rejected_at",),
    "alerts": ("retracted_at", "created_at"),
    "deliveries": ("next_attempt_at", "sent_at", "created_at"),
    "delivery_attempts": ("attempted_at",),
    "disabled_channels": ("disabled_at",),
    "series_votes": ("newest",),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, columns in TEXT_COLUMNS.items():
        for column, length in columns.items():
            op.alter_column(table, column, type_=sa.Text(), existing_type=sa.String(length))
    for table, names in TIMESTAMP_COLUMNS.items():
        for column in names:
            op.alter_column(
                table,
                column,
                type_=sa.DateTime(timezone=True),
                existing_type=sa.DateTime(timezone=False),
                postgresql_using=f"{column} AT TIME ZONE 'UTC'",
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, names in TIMESTAMP_COLUMNS.items():
        for column in names:
            op.alter_column(
                table,
                column,
                type_=sa.DateTime(timezone=False),
                existing_type=sa.DateTime(timezone=True),
                postgresql_using=f"{column} AT TIME ZONE 'UTC'",
            )
    for table, columns in TEXT_COLUMNS.items():
        for column, length in columns.items():
            op.alter_column(table, column, type_=sa.String(length), existing_type=sa.Text())
