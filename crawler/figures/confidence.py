"""How far to trust a figure: its doubts (evidence found away from the number) and their
weights, fitted on real news by bench/fit_confidence.py and kept in data/confidence.toml.

A figure whose entity, metric, period and vehicle noun all stand beside its number has no
doubts. Each doubt adds its weight to the log-odds that the figure is right; the confidence is
that probability. The parser returns only figures at or above :data:`MIN_CONFIDENCE`.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources

D_METRIC_AWAY = "metric word outside the number's clause"
D_METRIC_CARRIED = "metric carried from an earlier sentence"
D_PERIOD_AWAY = "period outside the number's clause"
D_PERIOD_PREVIOUS = "period carried from the sentence before"
D_PERIOD_CARRIED = "period carried from an earlier sentence"
D_NO_UNIT = "no vehicle noun after the number"
D_SUBJECT_AWAY = "subject in an earlier clause"
D_SUBJECT_AFTER = "subject named after the number"
D_SUBJECT_HEADLINE = "subject from the headline"
D_SUBJECT_CARRIED = "subject from an earlier sentence"
D_SUBJECT_PRONOUN = "subject named by a pronoun"
D_PART = "counts a part of a region (passenger cars, one powertrain)"
DOUBTS = (
    D_METRIC_AWAY, D_METRIC_CARRIED, D_PERIOD_AWAY, D_PERIOD_PREVIOUS, D_PERIOD_CARRIED,
    D_NO_UNIT, D_SUBJECT_AWAY,
    D_SUBJECT_AFTER, D_SUBJECT_HEADLINE, D_SUBJECT_CARRIED, D_SUBJECT_PRONOUN, D_PART,
)  # fmt: skip

#: figures less likely than this to be right are not returned (precision before recall)
MIN_CONFIDENCE = 0.4


@cache
def weights() -> tuple[float, dict[str, float]]:
    """The bias and the weight of each doubt; unknown or missing doubts are an error."""
    raw = resources.files("crawler.figures").joinpath("data/confidence.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    unknown = set(data) - {"bias", "doubts"} or set(data.get("doubts", {})) - set(DOUBTS)
    if unknown:
        raise ValueError(f"confidence.toml: unknown key(s) {sorted(unknown)}")
    missing = set(DOUBTS) - set(data.get("doubts", {}))
    if missing or "bias" not in data:
        raise ValueError(f"confidence.toml: missing {sorted(missing) or ['bias']}")
    return float(data["bias"]), {k: float(v) for k, v in data["doubts"].items()}


def confidence(doubts: Iterable[str]) -> float:
    """The probability, from the fitted weights, that a figure with these doubts is right."""
    bias, weight = weights()
    z = bias + sum(weight[d] for d in set(doubts))
    return round(1 / (1 + math.exp(-z)), 3)
