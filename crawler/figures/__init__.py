"""Vehicle figures (deliveries, production, sales, exports) from English and Chinese news text.

``parse_figures(text, published, lang=None)`` returns :class:`Figure` records; pure Python, no
Scrapy, store or alerts imports. Bump ``PARSER_VERSION`` whenever the output for the same text
can change, so stored figures can be re-parsed.
"""

from crawler.figures.model import LIFETIME_START, Figure
from crawler.figures.parser import parse_figures

PARSER_VERSION = "1"

__all__ = ["LIFETIME_START", "PARSER_VERSION", "Figure", "parse_figures"]
