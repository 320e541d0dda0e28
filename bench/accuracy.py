"""Precision and recall of the figure parser on real news and on its golden cases.

Real news: the labelled corpus in tests/figures/corpus (scored as its GUIDE.md says), printed
for the held-back test split, the training part and the whole, overall, by language, by period
kind and by error class; then the found-news set (tests/figures/found_news, labelled the same
way), with how many of its hits have the qualifier, the year-on-year rate and the segment
(NEV or all vehicles, which the GUIDE records but does not score) right. Then the golden case
files and the replica articles.

Run: .venv/bin/python bench/accuracy.py [-v] [--split test|train|all]
     -v lists every error of the chosen split (default: train) with its sentence.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.figures import PARSER_VERSION  # noqa: E402
from crawler.figures.corpus import (  # noqa: E402
    ERROR_CLASSES,
    ArticleScore,
    describe_errors,
    held_out_ids,
    load_corpus,
    score_article,
    totals,
)
from crawler.figures.evaluation import load_cases, score, score_case  # noqa: E402
from crawler.replica.recorded import load_article_cases  # noqa: E402

CORPUS = REPO / "tests/figures/corpus"
FOUND_NEWS = REPO / "tests/figures/found_news"
GOLDEN = sorted((REPO / "tests/figures").glob("golden_*.toml"))
PERIOD_KINDS = ("month", "ytd", "quarter", "half", "year", "lifetime")


def _row(name: str, scores: list[ArticleScore]) -> str:
    t = totals(scores)
    errors = "".join(f"{t.errors[k]:>9}" for k in ERROR_CLASSES)
    return (
        f"  {name:<14}{t.articles:>5}{t.gold:>6}{t.predicted:>6}{t.hits:>6}"
        f"{t.precision:>7.3f}{t.recall:>7.3f}{errors}"
    )


def _by_period_kind(scores: list[ArticleScore], kind: str) -> str:
    """Recall over gold figures of this period kind; precision over predictions of it."""
    gold = sum(1 for s in scores for g in s.article.gold if g["period_kind"] == kind)
    missed = sum(
        1 for s in scores for e in s.errors
        if e.kind == "missed" and e.label is not None and e.label["period_kind"] == kind
    )  # fmt: skip
    wrong = sum(
        1 for s in scores for e in s.errors if e.figure is not None and e.figure.period_kind == kind
    )
    right = gold - missed
    predicted = right + wrong
    p = right / predicted if predicted else 1.0
    r = right / gold if gold else 1.0
    return f"  {kind:<14}{gold:>6} gold {predicted:>5} predicted   P {p:.3f}  R {r:.3f}"


def report(name: str, scores: list[ArticleScore]) -> None:
    header = "".join(f"{k.replace('wrong ', 'w.'):>9}" for k in ERROR_CLASSES)
    print(f"{name}\n  {'':<14}{'arts':>5}{'gold':>6}{'pred':>6}{'hits':>6}{'P':>7}{'R':>7}{header}")
    print(_row("all", scores))
    for lang in ("en", "zh", "mixed"):
        print(_row(lang, [s for s in scores if s.article.lang == lang]))
    for kind in PERIOD_KINDS:
        print(_by_period_kind(scores, kind))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list every error of the chosen split")
    parser.add_argument("--split", choices=("test", "train", "all"), default="train")
    args = parser.parse_args(argv)

    print(f"parser version {PARSER_VERSION}\n")
    held_out = held_out_ids(CORPUS)
    scores = [score_article(a) for a in load_corpus(CORPUS)]
    splits: dict[str, Callable[[ArticleScore], bool]] = {
        "test": lambda s: s.article.id in held_out,
        "train": lambda s: s.article.id not in held_out,
        "all": lambda s: True,
    }
    for split, chosen in splits.items():
        report(f"real news, {split} split", [s for s in scores if chosen(s)])
        print()
    found = [score_article(a) for a in load_corpus(FOUND_NEWS)]
    report("found news (where the errors after version 18 were found: nothing held out)", found)
    print()
    hits = sum(s.hits for s in scores)
    qualifiers = sum(s.qualifier_right for s in scores)
    print(f"qualifier right on {qualifiers}/{hits} hits")
    stated, right = sum(s.yoy_stated for s in scores), sum(s.yoy_right for s in scores)
    spurious = sum(s.yoy_spurious for s in scores)
    print(
        f"year-on-year rate right on {right}/{stated} hits that state one;"
        f" a rate given to {spurious} hits that state none"
    )
    for name, scored in (("real news", scores), ("found news", found)):
        print(
            f"segment ({name}): {sum(s.all_filed_nev for s in scored)} of"
            f" {sum(s.all_stated for s in scored)} hits labelled all vehicles filed as NEV;"
            f" {sum(s.nev_filed_otherwise for s in scored)} of"
            f" {sum(s.nev_stated for s in scored)} labelled NEV filed otherwise"
        )
    print()

    golden = [score_case(c) for path in GOLDEN for c in load_cases(path)]
    replica = [score_case(c) for c in load_article_cases(REPO / "tests/figures/articles.toml")]
    for name, results in (("golden cases", golden), ("replica articles", replica)):
        s = score(results)
        print(f"{name:<18} {s.cases:>4} cases  P {s.precision:.3f}  R {s.recall:.3f}")

    if args.v:
        print()
        for s in scores:
            if splits[args.split](s) and s.errors:
                print(describe_errors(s))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
