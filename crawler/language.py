"""Language of a text (en, zh or mixed) and the split of bilingual pieces into their halves."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Share of paragraphs (by characters) the minority language must reach for "mixed".
MIXED_SHARE = 0.15


def paragraph_language(paragraph: str) -> str | None:
    """en or zh for one paragraph, by Han characters against Latin words; None if neither."""
    han = len(_HAN.findall(paragraph))
    latin = len(_LATIN_WORD.findall(paragraph))
    if han == 0 and latin == 0:
        return None
    # A Chinese sentence carries about 1.5 characters per English word's worth of meaning.
    return "zh" if han >= latin * 1.5 else "en"


@dataclass(frozen=True)
class LanguageSplit:
    language: str
    english: str
    chinese: str


def split_languages(text: str) -> LanguageSplit:
    """Classifies each paragraph; a text is mixed when each side holds a fair share of it."""
    english: list[str] = []
    chinese: list[str] = []
    for paragraph in (p.strip() for p in text.split("\n")):
        lang = paragraph_language(paragraph) if paragraph else None
        if lang == "en":
            english.append(paragraph)
        elif lang == "zh":
            chinese.append(paragraph)
    en_chars = sum(map(len, english))
    # Han characters carry more per character; weigh them to compare like with like.
    zh_chars = sum(map(len, chinese)) * 3
    total = en_chars + zh_chars
    if total == 0:
        language = "und"
    elif min(en_chars, zh_chars) / total >= MIXED_SHARE:
        language = "mixed"
    else:
        language = "en" if en_chars > zh_chars else "zh"
    return LanguageSplit(language, "\n".join(english), "\n".join(chinese))
