"""Vehicle figures (deliveries, production, sales, exports) from English and Chinese news text.

``parse_figures(text, published)`` returns :class:`Figure` records; ``explain_figures`` also
says, for every number, the figure it became or why it became none. Pure Python, no Scrapy,
store or alerts imports. Bump ``PARSER_VERSION`` whenever the output for the same text
can change, so stored figures can be re-parsed.
"""

from crawler.figures.model import LIFETIME_START, Figure
from crawler.figures.parser import NumberTrace, explain_figures, parse_figures

PARSER_VERSION = "2"

__all__ = [
    "LIFETIME_START", "PARSER_VERSION", "Figure", "NumberTrace", "explain_figures", "parse_figures",
]  # fmt: skip
