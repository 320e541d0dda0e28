"""The replica's articles as figure-parser cases: headline and body as the crawler hands them
to the parser, with the figures an analyst recorded for them (tests/figures/articles.toml)."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from crawler.figures.evaluation import Case
from crawler.replica.site import load_articles


def load_article_cases(path: Path) -> list[Case]:
    """Whole replica articles (headline, then body) with the figures an analyst recorded in
    ``path``; an article not listed there states none."""
    recorded = {
        (a["source"], a["id"]): list(a["expect"])
        for a in tomllib.loads(path.read_text("utf-8"))["article"]
    }
    cases = []
    for source in ("jiemian", "autobeta", "tapas", "henandaily"):
        for article in [*load_articles(source), *load_articles(source, late=True)]:
            if article.get("role") in ("empty", "huge"):
                continue
            day = date.fromisoformat(str(article.get("published") or article["posted"])[:10])
            body = "\n".join(p.removeprefix("## ") for p in article["body"])
            cases.append(
                Case(
                    f"{source}-{article['id']}", day, "auto",
                    f"{article['title']}\n{body}", recorded.get((source, article["id"]), []),
                )
            )  # fmt: skip
    return cases
