"""Splitting text into sentences and sentences into clauses, keeping character positions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.figures.numbers import EXCHANGES

_PARAGRAPH = re.compile(r"[^\n]+")
# English: ". " before a capital/quote/digit, or "." between a word and a capitalised one;
# Chinese: 。！？ anywhere; "!"/"?" anywhere.
_SENTENCE_END = re.compile(
    r"(?<=[。！？!?])\s*|(?<=[.])\s+(?=[\"“'‘(\[A-Z0-9\u4e00-\u9fff])|(?<=[.][\"”’])\s+"
    # "data shows.Last year, ...": paragraphs run together without the space
    r"|(?<=[a-z]{2}[.])(?=[A-Z][a-z])"
)
_CLAUSE_BREAK = re.compile(
    r"[,;:，；：—–]|\s(?:while|whereas|but|although|though|which|as well as)\s"
    r"|\s-\s|\sand\s(?=(?:said|says|added|noted|expects|plans|will|would|is|was|has|had|it|its"
    r"|this|these|they|there"
    # "year-to-date deliveries stood at 62,919 and cumulative deliveries at 96,516": a count
    # with its own span
    r"|(?:cumulative|accumulated|year-to-date|full-year|lifetime)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:at|of|reached|stood|were|was|came|totaled|totalled|hit|rose|topped)\b"
    r"|the company|[a-z]+ed\b))|\(|\)"
    # "12月售出22.5万辆、全年总计销售125.6万辆": a listed count with its own time
    r"|、(?=全年|今年|去年|上半年|下半年|前[\d一二三四五六七八九十]|[\d一二三四五六七八九十]{1,2}(?:[-—至]\d{1,2})?月"
    r"|(?:19|20)\d\d年)"
    # "小鹏11月交付36728辆 历史总交付量突破98万": a headline's halves, a count unit before the gap
    r"|(?<=[辆輛台臺])[ \u3000]+(?=[\u4e00-\u9fff]|\d{1,2}\s*月|(?:19|20)\d\d\s*年)"
    # "1-4月车市零售下降11.9% 特斯拉中国4月批发仅1512辆": after a rate, the next half
    r"|(?<=%)[ \u3000]+(?=[\u4e00-\u9fff])"
    # "特斯拉第400万辆国产整车下线 11月交付86700辆": a milestone's half ends with the roll-off
    r"|(?<=下线|下線)[ \u3000]+(?=\S)"
    # "上汽12月新能源车销量21.9万辆创新高 全年销售112.3万辆": a gap between two Han characters
    # (or before a month: "…再創新高 11月賣342.9萬輛"; not "2022 年 11 月", "對比 11 月的")
    r"|(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])"
    r"|(?<=[\u4e00-\u9fff])(?<![年的比至到于於在和与與及自从從截])[ \u3000]+(?=\d{1,2}月)",
    re.IGNORECASE,
)
# _CLAUSE_BREAK for lowered text, case-sensitive: the same matches (faster) unless the text has
# characters IGNORECASE matches with an ASCII letter that str.lower() does not turn into one
_CLAUSE_BREAK_LOWER = re.compile(_CLAUSE_BREAK.pattern)
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")
_ABBREV = re.compile(
    r"(?:\b(?:Inc|Co|Ltd|Corp|No|Mr|Ms|Dr|St|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep"
    r"|Sept|Oct|Nov|Dec|U\.S|e\.g|i\.e))\.$"
    # "will produce c. 500,000 cars": circa
    r"|(?<![\w.])c\.$"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for index, para in enumerate(_PARAGRAPH.finditer(text)):
        base = para.start()
        chunk = para.group(0)
        pos = 0
        for m in _SENTENCE_END.finditer(chunk):
            if m.start() <= pos:
                continue
            if _ABBREV.search(chunk[max(0, m.start() - 6) : m.start()]):
                continue
            _emit(out, chunk, base, pos, m.start(), index)
            pos = m.end()
        _emit(out, chunk, base, pos, len(chunk), index)
    return out


def _emit(out: list[Sentence], chunk: str, base: int, a: int, b: int, para: int) -> None:
    while a < b and chunk[a].isspace():
        a += 1
    while b > a and chunk[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(base + a, base + b, para))


# "(NEVs)", "(CPCA)", "(Great Wall Motor)": a short gloss of the words before it
_GLOSS = re.compile(r"\([A-Za-z][A-Za-z&.' -]{0,40}\)")
# "General Motors (NYSE:GM) said", "Nio (NYSE: NIO; HKEX: 9866)", "BYD (1211) selling": a
# ticker, no clause of its own
_TICKER = re.compile(
    rf"\((?:{EXCHANGES}\s*[:：]\s*[A-Z0-9.]{{1,10}}(?:[;,，；]\s*|\s+and\s+)?)+\)"
    r"|(?<=[A-Za-z] )\(\d{4,6}\)"
)


def _in_a_gloss(sentence: str, pos: int) -> bool:
    """The bracket at ``pos`` opens or closes a short gloss made of letters only."""
    start = pos if sentence[pos] == "(" else sentence.rfind("(", max(0, pos - 42), pos)
    gloss = _GLOSS.match(sentence, start) if start >= 0 else None
    return gloss is not None and (sentence[pos] == "(" or gloss.end() == pos + 1)


def clause_bounds(sentence: str, keep: list[tuple[int, int]] | None = None) -> list[int]:
    """Start offsets of the clauses of ``sentence`` (the first is 0).

    ``keep`` lists spans that must not be split (entity lists such as "AITO, Luxeed and ..."); a
    ticker in brackets is never split either.
    """
    starts = [0]
    if "(" in sentence:
        keep = [*(keep or []), *(m.span() for m in _TICKER.finditer(sentence))]
    if _ODD_CASE.search(sentence):
        breaks = _CLAUSE_BREAK.finditer(sentence)
    else:
        breaks = _CLAUSE_BREAK_LOWER.finditer(sentence.lower())
    for m in breaks:
        if (
            m.group(0) == ","
            and sentence[m.start() - 1 : m.start()].isdigit()
            and sentence[m.end() : m.end() + 1].isdigit()
        ):
            continue
        if keep and any(a <= m.start() < b for a, b in keep):
            continue
        if m.group(0) in "()" and _in_a_gloss(sentence, m.start()):
            continue  # "vehicles (NEVs) through April": an abbreviation, no new clause
        starts.append(m.end() if m.group(0).strip() in ",;:，；：—–()-" else m.start())
    return sorted(set(starts))


def clause_of(starts: list[int], pos: int) -> int:
    """Index of the clause containing offset ``pos``."""
    index = 0
    for i, s in enumerate(starts):
        if s <= pos:
            index = i
    return index
