"""The earliest publication among the reports behind each vote of the series summary
(``series_votes.earliest``): the revision rule learns from a few vote rows that no other exact
value had been published by a time, without reading every report of the period. The summary
and its votes are recomputed from the stored figures (also filling what 0009 created). And an
index holding what the monthly rules aggregate over a series' summary rows (value, qualifier),
so their queries read the index alone.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("series_votes") as batch:
        batch.add_column(sa.Column("earliest", sa.DateTime(timezone=True), nullable=True))
    op.create_index(
        "ix_series_summary_values",
        "series_summary",
        ["entity", "metric", "segment", "period_kind", "period_start", "value", "qualifier"],
        unique=False,
    )
    from store.summary import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_series_summary_values", table_name="series_summary")
    with op.batch_alter_table("series_votes") as batch:
        batch.drop_column("earliest")
