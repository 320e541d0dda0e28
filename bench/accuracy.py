"""Precision and recall of parse_figures on the golden case files, per language and overall,
and on whole replica articles against the figures an analyst recorded (tests/figures/articles.toml).

Run: .venv/bin/python bench/accuracy.py [-v]   (-v lists every case that is not exactly right)
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.figures import PARSER_VERSION  # noqa: E402
from crawler.figures.evaluation import (  # noqa: E402
    describe,
    load_article_cases,
    load_cases,
    score,
    score_case,
)

FILES = {"en": REPO / "tests/figures/golden_en.toml", "zh": REPO / "tests/figures/golden_zh.toml"}


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    everything = []
    print(f"parser version {PARSER_VERSION}")
    print(
        f"{'set':<8}{'cases':>7}{'expected':>10}{'predicted':>11}{'correct':>9}"
        f"{'precision':>11}{'recall':>8}"
    )
    for lang, path in FILES.items():
        results = [score_case(case) for case in load_cases(path)]
        everything.extend(results)
        _line(lang, results)
        if verbose:
            for r in results:
                if not r.ok:
                    print(describe(r))
    _line("all", everything)
    articles = [
        score_case(case) for case in load_article_cases(REPO / "tests/figures/articles.toml")
    ]
    _line("articles", articles)
    if verbose:
        for r in articles:
            if not r.ok:
                print(describe(r))
    return 0


def _line(name: str, results: list) -> None:
    s = score(results)
    print(
        f"{name:<8}{s.cases:>7}{s.expected:>10}{s.predicted:>11}{s.correct:>9}"
        f"{s.precision:>11.3f}{s.recall:>8.3f}"
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
