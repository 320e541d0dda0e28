"""Speed of parse_figures alone (no trafilatura): articles/s and figures/s on one core.

Articles: the replica's bodies (crawler/replica/content/*.toml) when present, the seed articles
next to the repository when present, and synthetic articles made of golden case texts mixed
with filler sentences. Goal: >= 200 articles/s.
Run: .venv/bin/python bench/extract.py [--seconds N]
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
    folder = REPO.parent / "shared" / "seeds"
    return [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))] if folder.is_dir() else []


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


def measure(name: str, articles: list[str], seconds: float) -> None:
    if not articles:
        print(f"{name:<10} (none found)")
        return
    published = date(2025, 12, 1)
    parse_figures(articles[0], published)  # warm caches (lexicon, regexes)
    done = figures = chars = 0
    start = time.perf_counter()
    while True:
        for text in articles:
            figures += len(parse_figures(text, published))
            chars += len(text)
            done += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    print(
        f"{name:<10} {len(articles):>5} articles  {chars / done:>8.0f} chars/article  "
        f"{done / elapsed:>8.1f} articles/s  {figures / elapsed:>9.1f} figures/s"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0, help="time per set")
    args = parser.parse_args(argv)
    measure("replica", replica_articles(), args.seconds)
    measure("seeds", seed_articles(), args.seconds)
    measure("synthetic", synthetic_articles(200), args.seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
