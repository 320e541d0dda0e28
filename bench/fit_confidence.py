"""Fits the figure parser's confidence weights on the training part of the real-news corpus.

Every figure the parser predicts on a training article is an example: right (it matches a gold
figure) or wrong (it matches no gold or neutral figure). Its features are the doubts the parser
recorded (evidence found away from the number). A logistic regression with an L2 penalty gives
one weight per doubt and a bias; they are written to crawler/figures/data/confidence.toml, which
the parser reads. The held-back test split is never used here.

Run: .venv/bin/python bench/fit_confidence.py [--write]
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.figures.confidence import DOUBTS  # noqa: E402
from crawler.figures.corpus import (  # noqa: E402
    figure_key,
    held_out_ids,
    label_key,
    load_corpus,
    score_article,
)
from crawler.figures.parser import parse_candidates  # noqa: E402

CORPUS = REPO / "tests/figures/corpus"
WEIGHTS = REPO / "crawler/figures/data/confidence.toml"


def examples() -> list[tuple[tuple[str, ...], int]]:
    """(doubts, right) for every figure predicted on a training article, before any gate."""
    held_out = held_out_ids(CORPUS)
    out = []
    for article in load_corpus(CORPUS):
        if article.id in held_out:
            continue
        predicted = parse_candidates(article.full_text, article.published)
        result = score_article(article, predicted)
        wrong = {id(e.figure) for e in result.errors if e.figure is not None}
        gold = {label_key(g) for g in article.gold}
        neutral = {label_key(n) for n in article.neutral} - gold
        for figure in predicted:
            if id(figure) not in wrong and figure_key(figure) in neutral:
                continue  # neutral: neither right nor wrong
            out.append((figure.doubts, 0 if id(figure) in wrong else 1))
    return out


def fit(
    data: list[tuple[tuple[str, ...], int]], l2: float = 1.0, steps: int = 4000
) -> dict[str, float]:
    """Logistic regression by gradient descent: log-odds = bias + sum of the doubts' weights."""
    names = ["bias", *DOUBTS]
    weights = dict.fromkeys(names, 0.0)
    rate = 0.5
    for _ in range(steps):
        grad = dict.fromkeys(names, 0.0)
        for doubts, right in data:
            z = weights["bias"] + sum(weights[d] for d in doubts)
            error = 1 / (1 + math.exp(-z)) - right
            grad["bias"] += error
            for d in doubts:
                grad[d] += error
        for name in names:
            penalty = 0.0 if name == "bias" else l2 * weights[name]
            weights[name] -= rate * (grad[name] + penalty) / len(data)
    return weights


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS.name}")
    args = parser.parse_args(argv)
    data = examples()
    weights = fit(data)
    print(f"{len(data)} examples, {sum(r for _, r in data)} right")
    for name, weight in weights.items():
        print(f"  {name:<45}{weight:+.3f}")
    print("\nthreshold  kept  right  precision  recall-of-right")
    right_total = sum(r for _, r in data)
    for threshold in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        kept = [
            r
            for doubts, r in data
            if 1 / (1 + math.exp(-(weights["bias"] + sum(weights[d] for d in doubts)))) >= threshold
        ]
        right = sum(kept)
        print(
            f"  {threshold:>7.2f}{len(kept):>6}{right:>7}{right / max(1, len(kept)):>11.3f}"
            f"{right / right_total:>11.3f}"
        )
    if args.write:
        lines = [
            "# Confidence weights of the figure parser: log-odds that a figure is right.",
            "# Fitted on the training part of the real-news corpus by bench/fit_confidence.py;",
            "# refit (--write) whenever the parser's doubts or their meaning change.",
            "",
            f"bias = {weights['bias']:.4f}",
            "",
            "[doubts]",
            *(f'"{name}" = {weights[name]:.4f}' for name in DOUBTS),
        ]
        WEIGHTS.write_text("\n".join(lines) + "\n", "utf-8")
        print(f"\nwrote {WEIGHTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
