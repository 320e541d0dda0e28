"""Vehicle figures (deliveries, production, sales, exports) from English and Chinese news text.

``parse_figures(text, published)`` returns :class:`Figure` records; ``explain_figures`` also
says, for every number, the figure it became or why it became none. Pure Python, no Scrapy,
store or alerts imports. Bump ``PARSER_VERSION`` whenever the output for the same text
can change, so stored figures can be re-parsed (tests/test_parser_version.py holds it to the
output on the golden cases).

The parser itself is imported on first use: a command that only names entities (``evwatch
status`` reading the alert filters) loads the lexicon, not the parser's vocabularies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crawler.figures.model import LIFETIME_START, Figure

if TYPE_CHECKING:
    from crawler.figures.parser import NumberTrace, explain_figures, parse_figures

PARSER_VERSION = "156"

__all__ = [
    "LIFETIME_START", "PARSER_VERSION", "Figure", "NumberTrace", "explain_figures", "parse_figures",
]  # fmt: skip
_FROM_PARSER = frozenset({"NumberTrace", "explain_figures", "parse_figures"})


def __getattr__(name: str) -> Any:
    if name in _FROM_PARSER:
        from crawler.figures import parser

        return getattr(parser, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
