"""The per-series summary the alert rules read and the votes behind it (``store.summary``),
and an index for looking up an alert's series. Migration 0014 fills them.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "series_summary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=128), nullable=False),
        sa.Column("metric", sa.String(length=32), nullable=False),
        sa.Column("segment", sa.String(length=16), nullable=False),
        sa.Column("period_kind", sa.String(length=16), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("face_max", sa.BigInteger(), nullable=True),
        sa.Column("approx_max", sa.BigInteger(), nullable=True),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "entity", "metric", "segment", "period_kind", "period_start", "period_end",
            name="uq_series_summary_key",
        ),
    )  # fmt: skip
    op.create_table(
        "series_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=128), nullable=False),
        sa.Column("metric", sa.String(length=32), nullable=False),
        sa.Column("segment", sa.String(length=16), nullable=False),
        sa.Column("period_kind", sa.String(length=16), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("newest", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "entity", "metric", "segment", "period_kind", "period_start", "period_end", "value",
            "qualifier", name="uq_series_votes_key",
        ),
    )  # fmt: skip
    op.create_index(
        "ix_alerts_series", "alerts", ["entity", "metric", "segment", "period_start"], unique=False
    )
    # filled by 0014 from the stored figures (with every column the summary has now)


def downgrade() -> None:
    op.drop_index("ix_alerts_series", table_name="alerts")
    op.drop_table("series_votes")
    op.drop_table("series_summary")
