"""Drops ``ix_figures_series`` (entity, metric, segment, period start): ``ix_figures_period``
(entity, metric, segment, period kind, start, end) serves every query it served, each of which
also names the period kind, and storing a figure then maintains two indexes instead of three.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain DROP INDEX on every database (never a copy of the table)
    op.drop_index("ix_figures_series", table_name="figures")


def downgrade() -> None:
    op.create_index(
        "ix_figures_series",
        "figures",
        ["entity", "metric", "segment", "period_start"],
        unique=False,
    )
