"""The figure parser on the found-news set (tests/figures/found_news, scored as the corpus GUIDE
says): real articles found after the corpus, on which the classes of error after parser version
18 were found. They measure nothing held out (the corpus's test split does); these floors keep
what was fixed on them fixed. Raise them, never lower them.
"""

from __future__ import annotations

from pathlib import Path

from crawler.figures.corpus import describe_errors, load_corpus, score_article, totals

FOUND_NEWS = Path(__file__).resolve().parent / "figures" / "found_news"
# (precision, recall) on all 1037 articles: measured 0.981 / 0.902 (parser version 91, 3,597
# hits; 0.980 / 0.902 with versions 79 and 86, 3,595 and 3,596 hits; 0.979 /
# 0.901 with version 61; 0.978 /
# 0.899 with version 42; 0.978 / 0.896 with version 34; 0.978 / 0.894 with version 31; 0.980 /
# 0.895 on the first 1013 with version 30).
# Fresh articles scored on the version before lower what is measured when they join the set
# (last: 24 scored on the final version 29 before the fixes of version 30, P 0.779, R 0.759;
# 24 scored on version 30 before the fixes of version 31, P 0.817, R 0.794)
FLOORS = (0.979, 0.901)
# all-vehicle counts filed as NEV counts, which would raise false NEV records: measured 27 of 1345
# hits labelled all vehicles (parser version 31; 95 of 896 of the first 735 with version 23)
ALL_FILED_NEV_CEILING = 0.03


def test_found_news_floors() -> None:
    articles = load_corpus(FOUND_NEWS)
    assert len(articles) == 1037
    scores = [score_article(article) for article in articles]
    t = totals(scores)
    report = "\n".join(describe_errors(s) for s in scores if s.errors)
    assert t.precision >= FLOORS[0], f"precision {t.precision:.3f}\n{report}"
    assert t.recall >= FLOORS[1], f"recall {t.recall:.3f}\n{report}"
    filed_nev, stated = sum(s.all_filed_nev for s in scores), sum(s.all_stated for s in scores)
    assert filed_nev <= ALL_FILED_NEV_CEILING * stated, f"{filed_nev} of {stated} filed as NEV"
