"""Numbers in text: where they are, their integer value, and what they count.

Owns the value side of a figure: ``81,864``, ``1.233 million``, ``40.1万辆``, ``1000万辆``,
``一百万辆``, ``one million``, ``10 millionth``; and the classification that keeps money,
percentages, years, dates, ranges and counts of non-vehicles (stores, enterprises, bearings)
from ever becoming vehicle figures. Qualifier words written after the number (余, 多, 左右,
"-plus") are read here too; those written before it belong to the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from importlib import resources

import cn2an

#: what a number counts
VEHICLE = "vehicle"  # "81,864 vehicles", "40.1万辆", "the 20,000-unit mark"
NEUTRAL = "neutral"  # nothing said: "cleared 40,000", "产量40.1万,"
OTHER = "other"  # money, percent, year, date, range, stores, enterprises ...
_YEAR_PREPOSITION_BEFORE = re.compile(r"\b(?:in|since|from|until|by)\s+$|(?:于|在|自|从)\s*$")

# Traditional characters read as their simplified forms (萬 -> 万, 輛 -> 辆, 臺 -> 台, 產銷 -> 产销,
# 訂單 -> 订单 ...), so one vocabulary serves both scripts. One character for one, so positions
# in the translated text are positions in the original. OpenCC's table gives the rest of them
# (庫存, 統計, 註冊); this list adds the variant forms it leaves alone (産, 衆, 陜, 爲) and wins
# where the two differ.
_TRADITIONAL = (
    "萬輛臺億兩餘產銷車內國與這個來對為於從後連續計額長張實際預劃場業廠東風廣豐華鵬亞馬歐達較減價"
    "電動純聯會協總數據報導訂單貨運輸進佔環約僅過關門檻記錄創歷紀週區務員戶樁換儲險網點標擬將測規"
    "爭衝設備線離開發佈當漲別製勢該團極領問賽嵐圖維紅鴻慶陝鄭寧蘇漢瀋陽顯幾舊買賣貿錢資績營積輕載"
    "廂項頭間時雙變觀屆歲贏韓義灣鐵軌專屬隊戰權構級檔鏈條組裝機儀兒況"
    "銀眾體氣號蘭藍寶馳騰驅凱賓飛鳳龍嶺啟榮駿傳樂螢蟲奧現訊"
    "蕪濟遼廈莊紹興揚鹽貴黃滬贛閩晉粵瓊隴碼"  # places, 碼頭
    "雖儘還們則並幣讓處應說稱費見證穩軍準"  # function words (雖然, 並) and a few more
    "衆陜優産爲"  # variant forms (上汽大衆, 陜西, 産銷, 爲) and 優勢
)
_SIMPLIFIED = (
    "万辆台亿两余产销车内国与这个来对为于从后连续计额长张实际预划场业厂东风广丰华鹏亚马欧达较减价"
    "电动纯联会协总数据报导订单货运输进占环约仅过关门槛记录创历纪周区务员户桩换储险网点标拟将测规"
    "争冲设备线离开发布当涨别制势该团极领问赛岚图维红鸿庆陕郑宁苏汉沈阳显几旧买卖贸钱资绩营积轻载"
    "厢项头间时双变观届岁赢韩义湾铁轨专属队战权构级档链条组装机仪儿况"
    "银众体气号兰蓝宝驰腾驱凯宾飞凤龙岭启荣骏传乐萤虫奥现讯"
    "芜济辽厦庄绍兴扬盐贵黄沪赣闽晋粤琼陇码"
    "虽尽还们则并币让处应说称费见证稳军准"
    "众陕优产为"
)


def _opencc_characters() -> dict[str, str]:
    """OpenCC's traditional-to-simplified characters (its first reading of each), for every
    traditional character outside GB2312: one inside it is a simplified character as well
    (哪吒 stays 哪吒), and those needed (於, 後) are in the list above."""
    table: dict[str, str] = {}
    source = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
    for line in source.read_text("utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        first = simplified.split(" ")[0]
        if len(traditional) == 1 and len(first) == 1 and not _in_gb2312(traditional):
            table[traditional] = first
    return table


def _in_gb2312(character: str) -> bool:
    try:
        character.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


#: full-width digits and signs, and traditional characters: apply to a text before reading it
FULLWIDTH = str.maketrans(
    {
        **_opencc_characters(),
        **dict(zip(_TRADITIONAL, _SIMPLIFIED, strict=True)),
        **dict(zip("０１２３４５６７８９．﹒，﹐", "0123456789..,,", strict=True)),
        **dict(zip("％：＋－～〜", "%:+-~~", strict=True)),
        # "三四四○萬輛": a circle for the zero of digits written one by one
        "○": "〇",
    }
)

_EN_MULT = {
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "mn": 1_000_000,
    "m": 1_000_000,
    "millionth": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_ZH_MULT = {"万": 10_000, "亿": 100_000_000, "千": 1_000, "百万": 1_000_000, "千万": 10_000_000}
#: what one unit of each multiplier word is worth ("万", "thousand", "million"), for readers of
#: units stated apart from the numbers (a table's "（万辆）")
MULTIPLIERS = {**_EN_MULT, **_ZH_MULT}
# Counting words, shared with the period reader ("first eleven months").
SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_WORDS = {
    **SMALL_NUMBERS,
    "a": 1,
    "half a": 0.5,
    "a half": 0.5,
    "a quarter of a": 0.25,
    "three quarters of a": 0.75,
    "twenty": 20,
    "fifty": 50,
    "a hundred": 100,
    "one hundred": 100,
}

# "81,864", "1.233", "3000"; and "1 881 316 units", thousands grouped by spaces before a unit
_DIGITS = (
    r"(?<![A-Za-z0-9.#_/-])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?=\s*(?:units|vehicles|cars|辆|台))"
    # "2,6 million", "38,4 percent": a comma for the decimal point (never a thousands comma,
    # which three digits follow)
    r"|\d{1,3},\d{1,2}(?=\s*(?:million|billion|per\s?cent|%))"
    # "119, 846 units": a stray space after a thousands comma, a unit right after
    r"|(?<![\d,] )\d{1,3}(?:, \d{3})+(?=\s*(?:units|vehicles|cars)\b)"
    # "2.112.000 units": dots for thousands
    r"|\d{1,3}(?:\.\d{3}){2,}(?=\s*(?:units|vehicles|cars)\b)"
    # "2,53,046 cars": Indian grouping (lakhs), two digits between commas above the thousands
    r"|\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
)
NUMBER_RE = re.compile(
    _DIGITS
    # "1.86-million": a hyphen before the word too
    # ("the 1-million-vehicle target" is an adjective)
    # ("the 10-millionth vehicle": a milestone)
    + r"(?:(?:\s*|-(?=(?:million|billion|thousand)(?![-A-Za-z])(?!\s+(?:mark|milestone)\b)"
    + r"|millionth\b))"
    + r"(millionth|million|mln|mn|billion|trillion|thousand|bn|m|k)(?![A-Za-z])"
    + r"|\s*(千万|百万|万|亿|千)"
    # ("325亿至338亿元": the first end of a range)
    + r"(?=[辆台元多余以左上亿美港欧人家个的/／至到~～–—+＋-]|大关|\s|[，,。；;、）)！!]|$))?"
    + r"|(?<![A-Za-z])(a quarter of a|three quarters of a|one|two|three|four|five|six|seven"
    + r"|eight|nine|ten|twenty|fifty|half a|a half|a hundred|one hundred|(?<!of )a)[ -]"
    + r"(millionth|million|billion|thousand)(?![A-Za-z])"
    # "三百零二万", and written digit by digit with a decimal point: "二六一點五萬" (261.5万)
    # (not "数十万辆", "几十万辆": a vague size, no count; nor a part of one)
    + r"|(?<![数几零〇一二两三四五六七八九十百千万亿])([零〇一二两三四五六七八九十百千万亿]*"
    + r"[一二两三四五六七八九十百千万亿]"
    + r"(?:[点點][零〇一二三四五六七八九]+[万亿]?)?)"
    + r"(?=(?:多|余)?(?:万)?(?:辆|台))",
    re.IGNORECASE,
)

# NUMBER_RE lower-cased and case-sensitive, for lowered text: the same matches (faster) unless
# the text has characters IGNORECASE matches with an ASCII letter that str.lower() does not
# turn into one
_NUMBER_LOWER = re.compile(NUMBER_RE.pattern.lower())
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")
_last_numbers: tuple[str, list[re.Match[str]]] = ("", [])


# "8.040 vehicles", "2.112.000 units": continental thousands separators (no fraction of a
# vehicle is counted)
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
_UNIT_AFTER = re.compile(r"\s*(?:vehicles|units|cars|EVs|NEVs)\b", re.I)


def number_matches(text: str) -> list[re.Match[str]]:
    """``NUMBER_RE.finditer(text)`` as a list (its words lower-cased); the periods reader and
    find_numbers both read each sentence's numbers, so the last text's are kept."""
    global _last_numbers
    last, matches = _last_numbers
    if text is not last and text != last:
        if _ODD_CASE.search(text):
            matches = list(NUMBER_RE.finditer(text))
        else:
            matches = list(_NUMBER_LOWER.finditer(text.lower()))
        _last_numbers = (text, matches)
    return matches


_VEHICLE_WORDS = {
    "sales",
    "exports",
    "shipments",
    "handovers",
    "registrations",
    "unit",
    "units",
    "vehicle",
    "vehicles",
    "car",
    "cars",
    "ev",
    "evs",
    "nev",
    "nevs",
    "auto",
    "autos",
    "deliveries",
    "delivery",
    "truck",
    "trucks",
    "bus",
    "buses",
    "suv",
    "suvs",
    "sedan",
    "sedans",
    "bevs",
    "phevs",
    "bev",
    "phev",
    "plug-ins",  # "exported some 23,291 plug-ins"
    "hybrids",
    "automobiles",
    "automobile",
    "motors",
}
_JOINERS = {"and", "or"}
_ADJECTIVES = {
    "motor",  # "1.8 million motor vehicles"
    "automotive",  # "2.462 million automotive vehicles"
    "china-made",
    "made-in-china",
    "mic",  # "60,000 MIC (made-in-China) vehicles"
    "locally-made",
    "locally-built",
    # "84,159 locally produced vehicles"
    "locally",
    "domestically",
    "produced",
    "made",
    "built",
    "imported",
    "new",
    "energy",
    "new-energy",
    "electric",
    "passenger",
    "commercial",
    "intelligent",
    "smart",
    "plug-in",
    "hybrid",
    "pure",
    "battery",
    "nev",
    "ev",
    "more",
    "additional",
    "complete",
    "finished",
    "premium",
    "luxury",
    "fully",
    "all-electric",
    "battery-electric",
    "battery-powered",
    "fully-electric",
    "pure-electric",
    "range-extended",
    "extended-range",
    "electrified",
    "monthly",
    "weekly",
    "annual",
    "cumulative",
    "combined",
    "total",
    "vehicle",
    "car",
    "auto",
    "retail",
    "wholesale",
    "domestic",
    "overseas",
    "export",
    "global",
    "customer",
    "quarterly",
    "such",  # "which sold 103,200 such vehicles"
    # "56,400 heavy trucks", "122,400 heavy-duty trucks": a duty or size (not a bare "large"
    # or "medium", which lists sizes: "2,403 large, 3,115 medium and 998 light buses")
    "large-",  # "large- and medium-sized buses"
    "large-sized",
    "medium-",
    "medium-sized",
    "mid-sized",
    "mid-size",
    "midsize",
    "small-sized",
    "heavy",
    "heavy-",
    "heavy-duty",
    "medium-duty",
    "light-duty",
}
_FUNCTION_WORDS = {
    "in",
    "on",
    "at",
    "by",
    "for",
    "of",
    "from",
    "to",
    "during",
    "this",
    "last",
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "while",
    "with",
    "year-on-year",
    "yoy",
    "marking",
    "up",
    "down",
    "so",
    "as",
    "over",
    "which",
    "that",
    "were",
    "was",
    # "of which 439,770 remained in China": a bare count, where the cars stayed
    "remained",
    "stayed",
    "had",
    "have",
    "has",
    "since",
    "through",
    "thanks",
    "compared",
    "versus",
    "vs",
    "making",
    "bringing",
    "taking",
    "accounting",
    "according",
    "mark",
    "threshold",
    "milestone",
    "level",
    "barrier",
    "worldwide",
    "globally",
    "overseas",
    "abroad",
    "domestically",
    "respectively",
    "successively",
    "combined",
    "together",
    "each",
    "alone",
    "year-to-date",
    "ytd",
    "its",
    "their",
    "it",
    "is",
    "are",
    "be",
    "been",
    "after",
    "before",
    "ahead",
    "despite",
    "amid",
    "led",
    "leading",
    "again",
    "also",
    "first",
    "so-far",
    "far",
    "nationally",
    "month-on-month",
    "mom",
    "ever",
    "once",
    "when",
    "where",
    "among",
    "including",
    "between",
    "sequentially",
    "annually",
    "higher",
    "lower",
    "rising",
    "falling",
    "increasing",
    "surging",
    "jumping",
    "climbing",
    "growing",
    "sold",
    "delivered",
    "produced",
    "exported",
    "shipped",
    "went",  # "of which 3,853 went abroad"
    "handed",
    "made",
    "built",
    "said",
    "reported",
    "per",
    "not",
}
_ZH_OTHER_UNITS = set(
    "家座个名人款项次年月日号天周时分秒里米度瓦伏吨件套条位倍岁届场期批股元块所户只颗枚亩平种类城省"
)
_MONEY_BEFORE = re.compile(r"(?:\$|US\$|USD|RMB|¥|￥|HK\$|€|£|CNY)\s*$", re.IGNORECASE)
_MONEY_AFTER = re.compile(
    r"^\s*-?\s*(?:yuan|dollars?|euros?|rmb|usd|cny|元|美元|港元|欧元|人民币|亿元|万元"
    r"|(?:U\.?S\.?|Hong Kong|HK|Singapore|Australian|Canadian)\s*dollars?)",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(
    r"^\s*(?:%|percent|per\s+cent|-per-?cent|percentage\s+points?|pct|个百分点|成(?!交|为|本|长|功|都))"
    # "900V", "150kW", "185 GWh", "500 km": volts, power, energy, distance
    r"|^(?:V|kV|kW|kWh|Wh|Ah)\b|^\s?(?:[kMGT]Wh?|km|kilometres|kilometers|mm)(?![A-Za-z])"
    r"|^\s?(?:吉瓦时|兆瓦时|千瓦时|万千瓦时|亿千瓦时)",
    re.IGNORECASE,
)
# a capitalised name right before a bare number ("Peugeot 307"), and what makes it a count after
_NAME_BEFORE = re.compile(
    r"(?<![A-Za-z])(?!(?:In|On|By|At|From|To|Since|Until|About|Some|Over"
    r"|Nearly|Around|Almost|Only|Just|The|A|An|And|Of)\s)[A-Z][a-z]{2,}\s$"
    # "the TANK 300": a name in capitals (not an abbreviation of a kind of vehicle or a body)
    r"|(?<![A-Za-z])(?!(?:NEVs?|EVs?|BEVs?|PHEVs?|SUVs?|MPVs?|CAAM|CPCA|US|UK|EU|USA)\s)[A-Z]{2,6}\s$"
)
_LISTED_MODEL_NUMBERS_BEFORE = re.compile(
    r"(?<![A-Za-z])[A-Z][A-Za-z]{2,}\s(?!(?:19|20)\d\d\b)\d{2,4}(?:,\s*\d{2,4})*"
    r"(?:,?\s+(?:and|or)\s+|,\s*|/)$"
)
_UNIT_NOUN_AFTER = re.compile(
    r"\s*(?:units?|vehicles?|cars?|EVs?|NEVs?|trucks?|buses|SUVs?|models?|辆|台)", re.I
)
# ("60万辆至70万辆": the unit said at both ends; not "从50万辆到100万辆", a change)
_RANGE_AFTER = re.compile(r"^\s*(?:to|-|–|—|~|～|至|到)\s*\d|^(?:辆|台)\s*(?:[-–—~～]|至)\s*\d")
# "20,000 to 30,000", "3-5万辆"; not "from 1.456 million in 2020 to 9.443 million" (a year)
_RANGE_BEFORE = re.compile(
    r"(?<!(?<!\d)(?:19|20)\d\d)(?<=\d)\s*(?:[-–—~～至到]|to)\s*$|\d\s*万?(?:辆|台)\s*(?:[-–—~～]|至)\s*$"
    # "都落在3萬至3.7萬輛之間": the other end after a unit of ten thousand
    r"|\d\s*[万萬]\s*(?:[-–—~～]|至)\s*$"
)
_BETWEEN_BEFORE = re.compile(
    r"\bbetween\s+[\d.,]+\s*(?:million|thousand|万|万辆)?\s*(?:units|vehicles|cars)?\s+and\s+$",
    re.I,
)
_BETWEEN_OPEN = re.compile(r"\bbetween\s+$", re.I)
_AND_NEXT = re.compile(r"\s*(?:million|thousand)?\s*(?:units|vehicles|cars)?\s*and\s+\d", re.I)
_DATE_AFTER = re.compile(r"^\s*(?:月|日|号|年|周年|st\b|nd\b|rd\b|th\b)")
_TH_AFTER = re.compile(r"th\b")
_ZH_AFTER_QUAL = re.compile(r"^(多|余|以上|左右|上下|以下|以内)")
_ZH_QUALIFIERS = {
    "多": "at_least",
    "余": "at_least",
    "以上": "at_least",
    "左右": "approx",
    "上下": "approx",
    "以下": "at_most",
    "以内": "at_most",
}
_EN_AFTER_QUAL = re.compile(r"^(?:-plus|\+|\s+or\s+more|\s+plus\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Number:
    start: int
    end: int  # end of the number including its multiplier and any after-qualifier
    value: int
    counts: str  # VEHICLE | NEUTRAL | OTHER
    after_qualifier: str | None  # approx | at_least | at_most, from words after the number
    ordinal: bool  # "10 millionth", "第1000万辆": a milestone unit, not a count
    unit_end: int  # end of the vehicle noun when there is one, else ``end``


def _zh_value(text: str) -> int | None:
    for prefix, mult in (("千万", 10_000_000), ("百万", 1_000_000)):
        if text == prefix:
            return mult
    spelled = _ZH_DIGITS_ONE_BY_ONE.fullmatch(text)
    if spelled is not None:  # "三四四〇万": digits one by one, then the multiplier
        value = int("".join(str(_ZH_DIGIT[c]) for c in spelled.group(1)))
        return value * _ZH_MULT_OF.get(spelled.group(2), 1)
    decimal = _ZH_DECIMAL.fullmatch(text)
    try:
        if decimal is None:
            return int(cn2an.cn2an(text, "smart"))
        whole = int(cn2an.cn2an(decimal.group(1), "smart"))
        digits = "".join(str(_ZH_DIGIT[c]) for c in decimal.group(2))
    except (ValueError, KeyError):
        return None
    return round(float(f"{whole}.{digits}") * _ZH_MULT_OF.get(decimal.group(3), 1))


# "二六一点五万": whole part, decimal digits, multiplier
_ZH_DECIMAL = re.compile(r"(.+?)[点點]([零〇一二三四五六七八九]+)([万亿]?)")
_ZH_MULT_OF = {"万": 10_000, "亿": 100_000_000}
_ZH_DIGITS_ONE_BY_ONE = re.compile(r"([零〇一二三四五六七八九]{2,})([万亿]?)")
_ZH_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


_HYPHEN_UNIT = re.compile(r"\s*-\s*(?:unit|vehicle|car)s?\b", re.IGNORECASE)
_LETTER_AFTER = re.compile(r"\s*[\"“]?[A-Za-z]")
# (a quoted noun too: 'handed over 7,579 "premium smart electric SUVs"')
_WORD_AFTER = re.compile(r"\s*[\"“]?([A-Za-z][A-Za-z'-]*)")
_SEPARATORS = re.compile(r"[,\s]")
#: words saying cars were made in China ("MIC Teslas", "made-in-China Model 3 cars")
MADE_IN_CHINA = (
    r"\b(?:MIC|made[- ]in[- ]China|China-(?:made|built)|locally[- ](?:made|built|produced))\b"
)
_MADE_IN_CHINA_BEFORE = re.compile(MADE_IN_CHINA + r"\s*$", re.I)
# a maker's name in the plural, or models named up to the vehicle word: "Teslas", "Model 3 and
# Model Y cars"
_NAMED_VEHICLES = re.compile(
    r"\s*(?:[A-Z][A-Za-z]+s\b(?!\s+(?:[A-Z]|\d))"
    r"|(?:(?:[A-Z][\w-]*|\d{1,3}|and|&)\s+){1,6}(?:vehicles|cars|EVs|units)\b)"
)
# brands named before the vehicle noun: "BMW and MINI vehicles"
_BRANDS_VEHICLES = re.compile(r"\s*(?:(?:[A-Z][\w-]*|and|&)\s+){1,4}(?:vehicles|cars|EVs)\b")
_YEAR_UNIT_AFTER = re.compile(r"\s*(?:辆|台|units|vehicles|cars)")
_DETERMINER_BEFORE = re.compile(r"\b(?:its|their|the|this|that)\s+$|['’]s\s+$", re.I)
# "360 Group", "58 Auto Holdings": a number that opens a company's name
_COMPANY_WORD_AFTER = re.compile(r" (?:[A-Z][a-z]+ )?(?:Group|Holdings|Inc\.?|Corp\.?|Ltd\.?)\b")
_LETTER_OR_HYPHEN_AFTER = re.compile(r"\s*[\"“]?[A-Za-z-]")
_ORDINAL_UNIT_AFTER = re.compile(r"\s*(?:[A-Za-z]|新能源|辆)")


# "198 MAX jets", "47 planes", "5,000 e-bikes", "1,000 Weichai engines": things that are not the
# vehicles counted here (components too, as in Chinese below)
_NOT_VEHICLES_AFTER = re.compile(
    r"\s*(?:(?:[A-Z][\w-]*|electric|diesel|petrol|gasoline|hybrid|drive|power)\s+){0,3}"
    r"(?:jets|jetliners|planes|aircraft|airplanes|airliners|helicopters"
    r"|ships|vessels|trains|locomotives|drones|scooters|motorcycles|motorbikes|e-bikes|bicycles"
    r"|tractors|excavators|smartphones|phones|handsets|[Mm]egapacks?|[Pp]owerwalls?|batteries"
    r"|battery packs|chargers|charging (?:piles|stations|posts)"
    r"|engines|motors|gearboxes|transmissions|axles|tyres|tires|chips|seats)\b"
)
# "over 1,000 auto and auto parts enterprises": makers, not vehicles
_FIRMS_AFTER = re.compile(
    r"\s*(?:(?!(?:cars?|vehicles?|units|EVs?|NEVs?|trucks|buses)\b)[\w-]+\s+){0,4}?"
    r"(?:enterprises|companies|firms|suppliers|dealers|dealerships|stores|outlets|employees"
    r"|workers|makers|manufacturers|carmakers|automakers|producers|start-?ups"
    r"|(?<=sales )(?:units|points|offices))\b"  # "about 300 sales units in 90 countries"
    # "about 200 EV makers", "40 electric vehicle manufacturers": who make them
    r"|\s*(?:[\w-]+\s+){0,2}?(?:cars?|vehicles?|EVs?|NEVs?|autos?)[\s-]*(?:makers|manufacturers"
    r"|producers|companies|firms|start-?ups|brands|dealers)\b",
    re.I,
)
# "30万以上豪华纯电车型", "20万级市场", "15万元以下": a price band, in ten thousand yuan
_PRICE_BAND_AFTER = re.compile(
    r"(?:[-~～至到]\d+万)?(?:以上|以下|以内|之内|内|左右|级|元)?的?(?:豪华|高端|中高端|中端|入门|主流)?"
    r"(?:纯电|电动|新能源|插混|燃油)?(?:车型|车|级|价位|价格|区间|市场|售价|价格带|档)"
    # "500万内最好的车": a price limit, then what is best below it
    r"|(?:以上|以下|以内|之内|内)[\u4e00-\u9fff]{0,4}?的?(?:车型|车)"
)

# "生产变速器88.2万台", "发动机产量50万台": a component counted in 台, no vehicle
_COMPONENT_BEFORE = re.compile(
    r"(?:变速器|变速箱|发动机|电动机|驱动电机|电机|电驱|电驱动|电控|电池包?|电芯|动力电池|轮胎|座椅|车桥"
    r"|底盘|压缩机|充电桩|充电机|逆变器|芯片|零部件|配件)[\u4e00-\u9fff]{0,4}?(?:约|近|超过?)?$"
)
# "3000万辆汽车的利润不如…": the money the cars made, not a count of them
_MONEY_OF_AFTER = re.compile(
    r"(?:新能源)?(?:汽车|車|车|乘用车|乘用車)?的?(?:利润|利潤|营收|營收|收入|产值|產值|毛利|净利|淨利"
    r"|销售额|銷售額|营业额|營業額)"
)


def _en_counts(after: str) -> tuple[str, int]:
    """What an English number counts, from the words after it; and the length of the noun."""
    m = _HYPHEN_UNIT.match(after)
    if m:
        return VEHICLE, m.end()
    if _NOT_VEHICLES_AFTER.match(after) or _FIRMS_AFTER.match(after):
        return OTHER, 0
    if not _LETTER_AFTER.match(after):
        return NEUTRAL, 0
    pos = 0
    for _ in range(6):
        w = _WORD_AFTER.match(after[pos:])
        if not w:
            return NEUTRAL, 0
        word = w.group(1)
        low = word.lower()
        if low in _VEHICLE_WORDS:
            return VEHICLE, pos + w.end()
        if low in _ADJECTIVES or (pos and low in _JOINERS):  # "fully electric and plug-in"
            pos += w.end()
            continue
        if word[0].isupper() and _MADE_IN_CHINA_BEFORE.search(after, 0, pos):
            # "19,465 MIC Teslas were exported", "74,073 MIC Model 3 and Model Y cars": vehicles
            # by their maker's or models' names, made in China
            named = _NAMED_VEHICLES.match(after, pos)
            return (VEHICLE, named.end()) if named else (NEUTRAL, 0)
        if word[0].isupper() and pos and (named := _BRANDS_VEHICLES.match(after, pos)):
            return VEHICLE, named.end()  # "824,932 new BMW and MINI vehicles"
        if word[0].isupper() or low in _FUNCTION_WORDS:
            return (NEUTRAL, 0) if pos == 0 else (OTHER, 0)
        return OTHER, 0
    return OTHER, 0


# the rest after 万 in "460万2436辆", "16万6085辆", "34 万799 辆" (below ten thousand)
_WAN_TAIL = re.compile(r"[ \u3000]?万\s*(\d{1,3},\d{3}|\d{1,4})(?![\d.,])\s*(?=辆|台)")
_SPACED_WAN_TAIL = re.compile(r"\s+(\d{1,3},\d{3}|\d{3,4})(?![\d.,])\s*(?=辆|台)")
# "实现了3000万辆下线", "迎来100万辆整车下线", "首个百万辆整车下线", "第二个百万辆", "问界品牌百万辆
# 整车下线": a milestone reached, said like a count
_MILESTONE_VERB_BEFORE = re.compile(
    r"(?:(?:实现|达成|迎来|见证)了?|首个|第[一二三四五六七八九十两\d]{1,2}个|品牌)\s*$"
)
_NTH_BEFORE = re.compile(r"第([一二三四五六七八九十两\d]{1,2})个\s*$")
# ("第一个百万辆整车在2016年11月下线": rolled off at a time said between)
_ROLLED_OFF_AFTER = re.compile(
    r"\s*(?:整车|新车|汽车|新能源汽车)?\s*(?:(?:于|在)[^，,。；;\d]{0,4}\d{4}年\d{1,2}月(?:\d{1,2}日)?)?下线"
)


# Stock codes: "(SZ: 002594)", "1211.HK", "601633.SH", "(09866.HK)", "比亚迪股份(01211)"
#: stock exchanges as tickers name them ("SZ: 002594", "NYSE:GM")
EXCHANGES = r"(?:NYSE|NASDAQ|Nasdaq|HKEX|HKSE|SEHK|HKG|HK|SZ|SH|SS|SHA|SHE|SSE|SZSE|STAR|OTC)"
# (and a stock index named with a number: 沪深300, 中证500, 上证50)
_CODE_BEFORE = re.compile(
    rf"(?:\b{EXCHANGES}|股票代码|证券代码|代码)\s*[:：]?\s*$|(?:沪深|滬深|中证|中證|上证|上證|深证|深證|科创|科創)$"
)
_CODE_AFTER = re.compile(r"^\.(?:HK|SH|SZ|SS|US|N|O|BJ)\b")


_NAME_END = re.compile(r"(?:[\u4e00-\u9fff]|[A-Za-z][A-Za-z.]|\))\s*$")


def _is_code(text: str, start: int, end: int, digits: str) -> bool:
    """A stock code, never a count: a number padded with zeros ("002594", "01211"), one with an
    exchange suffix ("1211.HK") or after an exchange name ("SZ: 002594", "NYSE: 1234")."""
    if digits[0] == "0" and len(digits) >= 4 and digits.isdigit():
        return True
    # "比亚迪(1211)", "Nio (9866)", "Sinotruk (Hong Kong) (3808)", "Honda Motor Co. <7267>": a
    # bare code in brackets right after a name
    if (
        digits.isdigit()
        and 3 <= len(digits) <= 6
        and text[start - 1 : start] + text[end : end + 1] in _CODE_BRACKETS
        and _NAME_END.search(text, max(0, start - 4), start - 1) is not None
    ):
        return True
    # "打造“33618”现代制造业集群": a bare number in quotes with no unit after it names a plan
    if (
        digits.isdigit()
        and len(digits) >= 3
        and text[start - 1 : start] in _OPEN_QUOTES
        and text[end : end + 1] in _CLOSE_QUOTES
        and not _UNIT_AFTER_QUOTE.match(text, end + 1)
    ):
        return True
    before = text[max(0, start - 12) : start]
    return bool(_CODE_AFTER.match(text[end : end + 4]) or _CODE_BEFORE.search(before))


_CODE_BRACKETS = ("()", "（）", "(）", "（)", "<>", "＜＞")
_OPEN_QUOTES = ('"', "“", "「", "‘", "'")
_CLOSE_QUOTES = ('"', "”", "」", "’", "'")
_UNIT_AFTER_QUOTE = re.compile(r"\s*(?:万|辆|台|units?\b|vehicles?\b|cars?\b)", re.I)


def _zh_unit_gap(after: str) -> int:
    """Spaces between a number and the Chinese word after it ("2,500 辆", "140 万次"): 0 when
    none or when English follows."""
    stripped = after.lstrip(" \u00a0")
    if "\u4e00" <= stripped[:1] <= "\u9fff":
        return len(after) - len(stripped)
    return 0


_FRACTION = re.compile(r"\.\d")
# "900V高压平台", "150kW", "700km": a unit of a car's specification glued to the number
_SPEC_UNIT_AFTER = re.compile(r"(?:V|kW|kWh|Wh|Ah|km|mm|nm|GB|Hz)(?![A-Za-z])")


def find_numbers(text: str) -> list[Number]:
    """Every number in ``text`` (one sentence), classified. Positions index into ``text``."""
    out: list[Number] = []
    skip_until = -1  # the tail of "460万2436辆", read with its head
    for m in number_matches(text):
        if m.start() < skip_until:
            continue
        digits, en_mult, zh_mult, word, word_mult, zh_num = m.groups()
        start, end = m.start(), m.end()
        plain = digits is not None and not (zh_mult or en_mult)
        tail = _WAN_TAIL.match(text, end) if plain else None
        ordinal = False
        bare_letter = False  # "3M", "5k": a count only when vehicles follow
        if digits is not None:
            raw = _SEPARATORS.sub("", digits)
            if _DECIMAL_COMMA.fullmatch(digits):
                raw = digits.replace(",", ".")  # "2,6 million"
            if _DOT_THOUSANDS.fullmatch(digits) and not en_mult and _UNIT_AFTER.match(text, end):
                raw = digits.replace(".", "")  # "8.040 vehicles": a dot for thousands
            if len(raw) > 18:  # a serial, a hash or a page of digits: no count of anything
                continue
            amount = float(raw)
            if en_mult:
                mult = en_mult.lower()
                bare_letter = mult in ("m", "k")
                amount *= _EN_MULT[mult]
                ordinal = mult.endswith("th")
            elif zh_mult == "万" and "." not in raw and (rest := _SPACED_WAN_TAIL.match(text, end)):
                # "2 万 8843 台": the same, typeset with spaces
                amount = amount * 10_000 + int(rest.group(1).replace(",", ""))
                end = skip_until = rest.end(1)
            elif zh_mult:
                amount *= _ZH_MULT[zh_mult]
            elif tail is not None and "." not in raw:
                # "460萬2436輛", "163萬6,129輛": ten-thousands, then the rest
                amount = amount * 10_000 + int(tail.group(1).replace(",", ""))
                end = skip_until = tail.end(1)
            is_plain_int = "." not in raw and "," not in digits and not en_mult and not zh_mult
        elif word is not None:
            amount = _WORDS[word.lower()] * _EN_MULT[word_mult.lower()]
            ordinal = word_mult.lower().endswith("th")
            is_plain_int = False
        else:
            parsed = _zh_value(zh_num)
            if parsed is None:
                continue
            amount = parsed
            is_plain_int = False
        value = round(amount)
        before = text[max(0, start - 8) : start]
        after = text[end : end + 60]
        counts = NEUTRAL
        th = digits is not None and not en_mult and value >= 1000 and bool(_TH_AFTER.match(after))
        if th:  # "the 500,000th vehicle": a milestone, not a date
            ordinal, end = True, end + 2
            after = text[end : end + 60]
        unit_end = end
        after_qualifier = None
        if (
            (digits is not None and _is_code(text, start, end, digits))
            or _MONEY_BEFORE.search(before)
            or _MONEY_AFTER.match(after)
            or _PERCENT_AFTER.match(after)
            or _RANGE_AFTER.match(after)
            or _RANGE_BEFORE.search(text[max(0, start - 10) : start])
            # "range between 2.3 and 2.6 million": both ends of a range
            or _BETWEEN_BEFORE.search(text, max(0, start - 40), start)
            or (_BETWEEN_OPEN.search(text, max(0, start - 9), start) and _AND_NEXT.match(after))
            or (
                digits is not None
                and not zh_mult
                and not en_mult
                and (_DATE_AFTER.match(after) or _SPEC_UNIT_AFTER.match(after))
            )
        ):
            counts = OTHER
        elif digits is not None and not en_mult and not zh_mult and _FRACTION.search(raw):
            counts = OTHER  # "113.5" with no multiplier counts no vehicles
        elif (
            is_plain_int
            and value < 10_000
            and _NAME_BEFORE.search(text, max(0, start - 20), start)
            and not _UNIT_NOUN_AFTER.match(after)
        ):
            counts = OTHER  # "the Dongfeng Peugeot 307", "Audi 100": a model's number
        elif (
            is_plain_int
            and value < 10_000
            and _LISTED_MODEL_NUMBERS_BEFORE.search(text, max(0, start - 40), start)
            and not _UNIT_NOUN_AFTER.match(after)
        ):
            counts = OTHER  # "The Tank 300, 400 and 500 kept selling": more model numbers
        elif is_plain_int and value < 10_000 and _COMPANY_WORD_AFTER.match(after):
            counts = OTHER  # "Zhou Hongyi, chairman of 360 Group": a company's name
        elif (
            is_plain_int
            and len(digits) == 4
            and (
                1950 <= value <= 2099
                # "since its founding in 1927": an older year after its preposition
                or (
                    1900 <= value < 1950
                    and _YEAR_PREPOSITION_BEFORE.search(text, max(0, start - 8), start)
                )
            )
        ):
            counts = (
                VEHICLE
                if _YEAR_UNIT_AFTER.match(after)
                # "36.7% of its 2024 vehicles": the year the vehicles are of
                and not _DETERMINER_BEFORE.search(text, max(0, start - 8), start)
                else OTHER
            )
        elif text[:start].rstrip(" ")[-1:] in ("第", "#", "№"):
            ordinal = text[:start].rstrip(" ")[-1:] == "第"
            counts = OTHER if not ordinal else NEUTRAL
        if counts != OTHER:
            q = _ZH_AFTER_QUAL.match(after)
            if q:
                after_qualifier = _ZH_QUALIFIERS[q.group(1)]
                end += q.end()
                after = text[end : end + 60]
            else:
                q = _EN_AFTER_QUAL.match(after)
                if q:
                    after_qualifier = "at_least"
                    end += q.end()
                    after = text[end : end + 60]
            gap = _zh_unit_gap(after)
            head = after[gap : gap + 1]
            if head in ("辆", "台"):
                counts = VEHICLE
                unit_end = end + gap + 1
            elif head == "万" and after[gap + 1 : gap + 2] in ("辆", "台"):
                value *= 10_000
                counts = VEHICLE
                unit_end = end + gap + 2
            elif (zh_mult == "万" and _PRICE_BAND_AFTER.match(after)) or (
                head == "万" and _PRICE_BAND_AFTER.match(after, gap + 1)
            ):
                counts = OTHER  # "30万以上豪华纯电车型": a price band
            elif (
                after.startswith(("车型", "型", "款", "系"))
                # "360集团董事长": a company named with a number
                or after.startswith(("集团", "公司", "控股", "科技"))
                or (head and head in _ZH_OTHER_UNITS)
                or (head in ("万", "亿") and after[gap + 1 : gap + 2] in _ZH_OTHER_UNITS)
            ):
                counts = OTHER
            elif _LETTER_OR_HYPHEN_AFTER.match(after) and (th or not ordinal):
                counts, length = _en_counts(after)
                unit_end = end + length
            elif ordinal and _ORDINAL_UNIT_AFTER.match(after):
                counts = VEHICLE
            if counts == VEHICLE and after_qualifier is None:
                q = _ZH_AFTER_QUAL.match(text[unit_end:])
                if q:
                    after_qualifier = _ZH_QUALIFIERS[q.group(1)]
                    unit_end += q.end()
                    end = max(end, unit_end)
        if counts == VEHICLE and _MONEY_OF_AFTER.match(text, unit_end):
            counts = OTHER
        if (
            counts == VEHICLE
            and text[unit_end - 1 : unit_end] == "台"
            and _COMPONENT_BEFORE.search(text, max(0, start - 8), start)
        ):
            counts = OTHER  # "法士特生产变速器88.2万台": gearboxes, not vehicles
        if (
            counts == VEHICLE
            and _MILESTONE_VERB_BEFORE.search(text, max(0, start - 6), start)
            and _ROLLED_OFF_AFTER.match(text, unit_end)
        ):
            ordinal = True  # "实现了3000万辆下线": the 30 millionth vehicle, a milestone
            nth = _NTH_BEFORE.search(text, max(0, start - 6), start)
            times = _zh_value(nth.group(1)) if nth else None
            if times:
                value *= times  # "第二个百万辆": the 2 millionth
        if bare_letter and counts != VEHICLE:
            counts = OTHER
        out.append(Number(start, end, value, counts, after_qualifier, ordinal, unit_end))
    return _units_said_once(text, out)


# between the counts of a list whose unit is said once, after the last: "42,003, 60,033 and"
_LIST_GAP = re.compile(r"\s*(?:,|，|、)?\s*(?:and\s+)?")


def _units_said_once(text: str, numbers: list[Number]) -> list[Number]:
    """A list of precise counts with the vehicles said after its last ("42,003, 60,033,
    120,155 and 271,156 vehicles"): every count of it counts vehicles."""
    out = list(numbers)
    for i in range(len(out) - 2, -1, -1):
        this, after = out[i], out[i + 1]
        if (
            this.counts == NEUTRAL
            and after.counts == VEHICLE
            and not this.ordinal
            and this.value >= 1000
            and this.value % 100 != 0  # a precise count, no round figure beside it
            and _LIST_GAP.fullmatch(text, this.end, after.start)
            and text[this.end : after.start].strip()
        ):
            out[i] = replace(this, counts=VEHICLE)
    return out
