"""An index on a figure's whole period key (entity, metric, segment, period kind, start, end):
the entity page ranks the reports of each period of an entity and reads its periods that the
series summary does not hold; with the key in one index both read the index alone, without a
look at each of the entity's figure rows.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain CREATE INDEX on every database (never a copy of the table)
    op.create_index(
        "ix_figures_period",
        "figures",
        ["entity", "metric", "segment", "period_kind", "period_start", "period_end"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_figures_period", table_name="figures")
