"""How many alerts a subscriber would get are right, on real news.

The labelled articles of tests/figures/corpus are ingested one at a time in publication order,
as live news (not a backfill), into a scratch SQLite database with the default rules, through
the same write path as a crawl. Every alert about a figure is then checked: it is right when its
figure (entity, metric, period, value, matched as the corpus GUIDE says: crawler/figures/corpus)
is a gold or neutral figure of its article. Printed per split (test, train, all; each replayed
in its own database) for the alerts that would be delivered (neither historical nor held) and,
for comparison, for every alert raised.

Run: .venv/bin/python bench/alert_precision.py [-v]   (-v lists every wrong delivered alert)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from alerts.config import Config  # noqa: E402
from crawler.figures.corpus import held_out_ids, load_corpus  # noqa: E402
from crawler.newsreplay import Tally, judge, replay  # noqa: E402

CORPUS = REPO / "tests/figures/corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list every wrong delivered alert")
    args = parser.parse_args()
    corpus = load_corpus(CORPUS)
    test_ids = held_out_ids(CORPUS)
    splits = {
        "test": [a for a in corpus if a.id in test_ids],
        "train": [a for a in corpus if a.id not in test_ids],
        "all": corpus,
    }
    config = Config()  # the default rules
    print(f"{'split':<6} {'articles':>8} {'delivered':>9} {'right':>6} {'share':>6}   "
          f"{'raised':>6} {'right':>6} {'share':>6} {'held':>5}")  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        for name, articles in splits.items():
            folder = Path(scratch) / name
            folder.mkdir()
            if args.v:
                print(f"{name}:")
            db = replay(articles, folder, config)
            t = judge(db, articles)
            for wrong in t.wrong if args.v else ():
                print(f"  wrong {wrong}")
            db.dispose()
            print(
                f"{name:<6} {len(articles):>8} {t.delivered:>9} {t.delivered_right:>6} "
                f"{Tally.share(t.delivered_right, t.delivered):>6}   {t.raised:>6} "
                f"{t.raised_right:>6} {Tally.share(t.raised_right, t.raised):>6} {t.held:>5}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
