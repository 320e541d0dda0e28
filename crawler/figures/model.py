"""The Figure record: one vehicle figure stated in an article, with its provenance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

METRICS = ("deliveries", "production", "sales", "exports")
SEGMENTS = ("nev", "all", "passenger", "nev_passenger", "unknown")
PERIOD_KINDS = ("month", "ytd", "quarter", "half", "year", "lifetime", "day")
QUALIFIERS = ("exact", "approx", "at_least", "at_most")

#: period_start of a "lifetime" (cumulative since launch) figure: the beginning is open.
LIFETIME_START = date(1, 1, 1)


@dataclass(frozen=True, slots=True)
class Figure:
    entity: str
    metric: str
    unit: str
    segment: str
    period_kind: str
    period_start: date
    period_end: date
    value: int
    qualifier: str
    yoy_pct: float | None
    mom_pct: float | None
    claims: tuple[str, ...]
    snippet: str
    span: tuple[int, int]
    #: how well the text supports the figure, 0..1: 1.0 when entity, metric, period and unit
    #: all stand beside the number; ``doubts`` says what stood further away
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "entity": self.entity,
            "metric": self.metric,
            "unit": self.unit,
            "segment": self.segment,
            "period_kind": self.period_kind,
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "value": self.value,
            "qualifier": self.qualifier,
            "yoy_pct": self.yoy_pct,
            "mom_pct": self.mom_pct,
            "claims": list(self.claims),
            "snippet": self.snippet,
            "confidence": self.confidence,
            "doubts": list(self.doubts),
        }
