"""Scoring parse_figures against golden case files (TOML): precision and recall.

A predicted figure is correct when entity, metric, segment, period_start, period_end, value and
qualifier match an expected one; yoy_pct, mom_pct and claims are compared only when the case
states them. Used by tests/test_figures_golden.py and bench/accuracy.py.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from crawler.figures.model import Figure
from crawler.figures.parser import parse_figures

KEY_FIELDS = ("entity", "metric", "segment", "period_start", "period_end", "value", "qualifier")


@dataclass(frozen=True)
class Case:
    name: str
    published: date
    lang: str
    text: str
    expect: list[dict[str, object]]


@dataclass
class CaseResult:
    case: Case
    predicted: list[Figure]
    true_positives: int
    false_positives: list[Figure] = field(default_factory=list)
    missed: list[dict[str, object]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.false_positives and not self.missed


def load_cases(path: Path) -> list[Case]:
    data = tomllib.loads(path.read_text("utf-8"))
    return [
        Case(c["name"], c["published"], c.get("lang", "auto"), c["text"], list(c["expect"]))
        for c in data["case"]
    ]


def matches(figure: Figure, expected: dict[str, object]) -> bool:
    got = figure.as_json()
    got["period_start"], got["period_end"] = figure.period_start, figure.period_end
    if any(got[k] != expected[k] for k in KEY_FIELDS):
        return False
    for k in ("yoy_pct", "mom_pct"):
        if k in expected and got[k] != expected[k]:
            return False
    claims = expected.get("claims")
    return not (isinstance(claims, list) and set(figure.claims) != set(claims))


def score_case(case: Case) -> CaseResult:
    predicted = parse_figures(case.text, case.published)
    remaining = list(case.expect)
    result = CaseResult(case, predicted, 0)
    for figure in predicted:
        for i, expected in enumerate(remaining):
            if matches(figure, expected):
                result.true_positives += 1
                del remaining[i]
                break
        else:
            result.false_positives.append(figure)
    result.missed = remaining
    return result


@dataclass(frozen=True)
class Score:
    cases: int
    predicted: int
    expected: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0


def score(results: Iterable[CaseResult]) -> Score:
    results = list(results)
    return Score(
        cases=len(results),
        predicted=sum(len(r.predicted) for r in results),
        expected=sum(len(r.case.expect) for r in results),
        correct=sum(r.true_positives for r in results),
    )


def describe(result: CaseResult) -> str:
    lines = [f"{result.case.name}: {result.case.text[:100]}"]
    for f in result.false_positives:
        lines.append(
            f"  + {f.entity}|{f.metric}|{f.segment}"
            f"|{f.period_kind}:{f.period_start}..{f.period_end}"
            f"|{f.value}|{f.qualifier} yoy={f.yoy_pct} mom={f.mom_pct} {list(f.claims)}"
        )
    for e in result.missed:
        lines.append(
            f"  - {e['entity']}|{e['metric']}|{e['segment']}|{e['period_kind']}:{e['period_start']}"
            f"..{e['period_end']}|{e['value']}|{e['qualifier']} yoy={e.get('yoy_pct')}"
            f" mom={e.get('mom_pct')} {e.get('claims')}"
        )
    return "\n".join(lines)
