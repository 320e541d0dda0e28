"""The share of delivered alerts that are right on real news holds its floor on both splits.

The labelled corpus is replayed as live news with the default rules (crawler.newsreplay); every
delivered alert about a figure must rest on a gold or neutral figure of its article. The target
is 0.98 on the held-back test split and on the training part.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alerts.config import Config
from crawler.figures.corpus import held_out_ids, load_corpus
from crawler.newsreplay import judge, replay

CORPUS = Path(__file__).resolve().parent / "figures" / "corpus"
FLOOR = 0.98


@pytest.mark.parametrize("split", ["test", "train"])
def test_delivered_alerts_are_right_on_real_news(split: str, tmp_path: Path) -> None:
    held_out = held_out_ids(CORPUS)
    articles = [a for a in load_corpus(CORPUS) if (a.id in held_out) == (split == "test")]
    db = replay(articles, tmp_path, Config())
    try:
        tally = judge(db, articles)
    finally:
        db.dispose()
    assert tally.delivered >= 20, "the replay raises alerts to judge"
    share = tally.delivered_right / tally.delivered
    assert share >= FLOOR, (
        f"{split}: {tally.delivered_right}/{tally.delivered} delivered alerts right"
    )
