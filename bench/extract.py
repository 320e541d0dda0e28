"""Speed of parse_figures alone (no trafilatura): articles/s and figures/s on one core.

Articles: the replica's bodies (crawler/replica/content/*.toml), the seed articles
(tests/figures/seed_articles/*.txt), the real-news corpus (tests/figures/corpus/dev/*.json, headline
then body), the corpus articles joined into ~5,000-character articles, and synthetic articles
made of golden case texts mixed with filler sentences. Rates are CPU time (time.process_time),
the best of several rounds, so a busy machine slows them less. Goals: >= 300 articles/s on
~5,000-character articles, >= 1,000 on the replica's short ones.
Run: .venv/bin/python bench/extract.py [--seconds N] [--rounds N]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.figures import parse_figures  # noqa: E402
from crawler.figures.evaluation import load_cases  # noqa: E402

FILLER = [
    "Industry analysts said competition in the sector remained intense.",
    "The company did not comment on its pricing strategy for next year.",
    "Dealers reported busy showrooms over the weekend as promotions continued.",
    "业内人士表示，年底促销活动仍在持续，市场竞争依然激烈。",
    "多家车企在当月推出了新车型，以满足不同消费者的需求。",
    "The new model line-up was shown at the Guangzhou auto show last month.",
    "分析人士认为，智能驾驶功能正成为消费者购车时的重要考量。",
]


def replica_articles() -> list[str]:
    """Each replica article as the crawler hands it to the parser: headline, then body."""
    from crawler.replica.site import load_articles

    out = []
    for source in ("jiemian", "autobeta", "tapas", "henandaily"):
        for article in [*load_articles(source), *load_articles(source, late=True)]:
            if article.get("body"):
                out.append("\n".join([article["title"], *article["body"]]))
    return out


def seed_articles() -> list[str]:
    folder = REPO / "tests/figures/seed_articles"
    return [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]


def corpus_articles() -> list[str]:
    """The real-news corpus as the crawler hands it to the parser: headline, then body."""
    from crawler.figures.corpus import load_corpus

    return [a.full_text for a in load_corpus(REPO / "tests/figures/corpus")]


def long_articles(size: int = 5000) -> list[str]:
    """Corpus articles joined (in corpus order) into articles of about ``size`` characters: an
    article is closed when the next one would take it further from ``size``."""
    out: list[str] = []
    joined = ""
    for text in corpus_articles():
        longer = f"{joined}\n{text}" if joined else text
        if joined and abs(len(longer) - size) > abs(len(joined) - size):
            out.append(joined)
            longer = text
        joined = longer
    return [*out, joined] if abs(len(joined) - size) < size // 2 else out


def synthetic_articles(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = [
        c.text
        for f in ("golden_en.toml", "golden_zh.toml")
        for c in load_cases(REPO / "tests/figures" / f)
    ]
    articles = []
    for _ in range(count):
        paragraphs = []
        for _ in range(rng.randint(6, 14)):
            chunk = rng.sample(texts, 2) + rng.sample(FILLER, 2)
            rng.shuffle(chunk)
            paragraphs.append(" ".join(chunk))
        articles.append("\n".join(paragraphs))
    return articles


def measure(name: str, articles: list[str], seconds: float, rounds: int) -> None:
    if not articles:
        print(f"{name:<16} (none found)")
        return
    published = date(2025, 12, 1)
    for text in articles:  # warm caches (lexicon, regexes)
        parse_figures(text, published)
    figures = sum(len(parse_figures(text, published)) for text in articles)
    chars = sum(map(len, articles))
    best = float("inf")  # CPU seconds per pass over the set
    for _ in range(rounds):
        passes = 0
        start = time.process_time()
        while True:
            for text in articles:
                parse_figures(text, published)
            passes += 1
            elapsed = time.process_time() - start
            if elapsed >= seconds / rounds:
                break
        best = min(best, elapsed / passes)
    print(
        f"{name:<16} {len(articles):>5} articles  {chars / len(articles):>8.0f} chars/article  "
        f"{len(articles) / best:>8.1f} articles/s  {figures / best:>9.1f} figures/s"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0, help="CPU time per set")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per set (best is shown)")
    args = parser.parse_args(argv)
    measure("replica", replica_articles(), args.seconds, args.rounds)
    measure("seeds", seed_articles(), args.seconds, args.rounds)
    measure("corpus", corpus_articles(), args.seconds, args.rounds)
    measure("5,000-char", long_articles(), args.seconds, args.rounds)
    measure("synthetic", synthetic_articles(200), args.seconds, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
