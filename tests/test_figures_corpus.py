"""The figure parser on real published news (tests/figures/corpus, scored as its GUIDE says).

Floors are pinned on the held-back test split (25% of the corpus, chosen once by topic, never
tuned on) and on the whole corpus, just under what the parser achieves: raise them, never lower
them. bench/accuracy.py prints the same numbers by language, period kind and error class.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.figures.corpus import (
    ArticleScore,
    describe_errors,
    held_out_ids,
    load_corpus,
    score_article,
    totals,
)

CORPUS = Path(__file__).resolve().parent / "figures" / "corpus"
# (precision, recall): measured test 0.927 / 0.922, all 0.976 / 0.955 (parser version 110; test
# 0.922 / 0.917 with versions 91 to 107, 0.917 / 0.913 with version 86, 0.917 / 0.908 with
# version 79, 0.916 / 0.903 with version 61); the targets are 0.97 / 0.92
FLOORS = {"test": (0.925, 0.92), "all": (0.975, 0.954)}


@pytest.fixture(scope="module")
def scores() -> list[ArticleScore]:
    return [score_article(article) for article in load_corpus(CORPUS)]


def test_corpus_is_complete_and_split_by_topic() -> None:
    articles = load_corpus(CORPUS)
    held_out = held_out_ids(CORPUS)
    assert len(articles) == 176
    assert sum(len(a.gold) for a in articles) == 755
    assert held_out <= {a.id for a in articles}
    assert 0.24 <= len(held_out) / len(articles) <= 0.27
    topics_in = {a.topic for a in articles if a.id in held_out}
    topics_out = {a.topic for a in articles if a.id not in held_out}
    assert not topics_in & topics_out, "a topic must not straddle the split"


@pytest.mark.parametrize("split", ["test", "all"])
def test_precision_and_recall_floors(scores: list[ArticleScore], split: str) -> None:
    held_out = held_out_ids(CORPUS)
    chosen = [s for s in scores if split == "all" or s.article.id in held_out]
    t = totals(chosen)
    precision_floor, recall_floor = FLOORS[split]
    # the held-back split's errors are never printed: reading them would tune the parser on it
    shown = [s for s in chosen if s.article.id not in held_out]
    report = "\n".join(describe_errors(s) for s in shown if s.errors)
    assert t.precision >= precision_floor, f"precision {t.precision:.3f}\n{report}"
    assert t.recall >= recall_floor, f"recall {t.recall:.3f}\n{report}"


def test_a_wrong_figure_is_classified(scores: list[ArticleScore]) -> None:
    """Every error names its class, so a change can be judged by the kind of mistake it fixes."""
    kinds = {e.kind for s in scores for e in s.errors}
    assert kinds <= {
        "wrong entity", "wrong metric", "wrong period", "wrong value", "trap taken", "missed",
    }  # fmt: skip


def test_growth_rates_on_the_hits(scores: list[ArticleScore]) -> None:
    """The year-on-year rate an alert quotes: right on most hits that state one (measured 355 of
    402), and seldom given to a figure whose text states none (measured 9)."""
    stated = sum(s.yoy_stated for s in scores)
    right = sum(s.yoy_right for s in scores)
    spurious = sum(s.yoy_spurious for s in scores)
    assert right / stated >= 0.87, f"{right}/{stated}"
    assert spurious <= 10


def test_qualifiers_on_the_hits(scores: list[ArticleScore]) -> None:
    """ "over 80,000" is a bound, "the 10,422 it made a year earlier" an exact base: right on
    every hit when measured (697 of 697)."""
    hits = sum(s.hits for s in scores)
    right = sum(s.qualifier_right for s in scores)
    assert right / hits >= 0.99, f"{right}/{hits}"
