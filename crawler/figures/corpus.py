"""Scoring the parser against the labelled real-news corpus (tests/figures/corpus, GUIDE.md).

A prediction matches a gold figure when the entity (through the aliases of the GUIDE and of the
lexicon, company suffixes ignored), the metric (deliveries and sales are one), the period kind
(a first quarter, a first half and a full year are also year-to-date), the year and month of
the period end and the value agree. Each gold figure matches one prediction at most; a
prediction matching a neutral figure counts neither way. Every miss and false positive gets an
error class, so a change can be judged by the kind of mistake it removes.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from crawler.figures.entities import lexicon
from crawler.figures.model import Figure
from crawler.figures.parser import parse_figures

#: error classes, in the order reports print them
ERROR_CLASSES = (
    "wrong entity", "wrong metric", "wrong period", "wrong value", "trap taken", "missed",
)  # fmt: skip

# The GUIDE's alias table: canonical name -> the names the scorer accepts for it.
GUIDE_ALIASES: dict[str, tuple[str, ...]] = {
    "NIO": ("蔚来", "蔚来汽车", "Nio Inc"),
    "Xpeng": ("小鹏", "小鹏汽车", "Xpeng Motors", "XPeng Inc", "Xiaopeng"),
    "Li Auto": ("理想", "理想汽车", "Lixiang"),
    "Leapmotor": ("零跑", "零跑汽车"),
    "WM Motor": ("威马", "威马汽车", "WM", "Weima", "Weltmeister"),
    "Neta": ("哪吒", "哪吒汽车", "Hozon"),
    "Zeekr": ("极氪",),
    "Lynk & Co": ("领克",),
    "Geely": ("吉利", "吉利汽车", "Geely Auto"),
    "HIMA": ("鸿蒙智行", "Harmony Intelligent Mobility Alliance"),
    "AITO": ("问界",),
    "Seres": ("赛力斯",),
    "Chongqing Sokon": ("小康", "小康股份"),
    "Xiaomi Auto": ("小米汽车", "Xiaomi"),
    "BYD": ("比亚迪",),
    "Tesla China": ("特斯拉中国", "Tesla"),
    "Aion": ("埃安", "广汽埃安", "GAC Aion"),
    "Voyah": ("岚图",),
    "Avatr": ("阿维塔",),
    "IM Motors": ("智己",),
    "SAIC-GM-Wuling": ("上汽通用五菱", "SGMW", "Wuling", "五菱"),
    "Dongfeng Nissan": ("东风日产",),
    "Dongfeng Honda": ("东风本田",),
    "Dongfeng Peugeot Citroen": ("神龙",),
    "China": ("中国", "全国", "nationwide"),
}
_SUFFIXES = re.compile(
    r"\b(?:inc|co|ltd|group|motors?|automobile|auto|holdings?)\b\.?|[.,']", re.IGNORECASE
)
YTD_KINDS = frozenset({"ytd", "quarter", "half", "year"})


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", _SUFFIXES.sub(" ", name.casefold())).strip()


def _build_names() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, aliases in GUIDE_ALIASES.items():
        for alias in (canonical, *aliases):
            table[_norm(alias)] = canonical
    return table


_GUIDE_NAMES = _build_names()


def entity_key(name: str) -> str:
    """One key per entity: the GUIDE's canonical name, else the lexicon's, else the name."""
    normed = _norm(name)
    if normed in _GUIDE_NAMES:
        return _GUIDE_NAMES[normed]
    known = lexicon().by_alias.get(re.sub(r"\s+", " ", name.strip()).casefold())
    if known is not None:
        return _GUIDE_NAMES.get(_norm(known), _norm(known))
    return normed


@dataclass(frozen=True)
class Key:
    """What scoring compares: entity, metric family, period family, period end month, value."""

    entity: str
    metric: str
    period: str
    end_month: tuple[int, int]
    value: int

    def same_period(self, other: Key) -> bool:
        return self.period == other.period and self.end_month == other.end_month


def _metric_family(metric: str) -> str:
    return "sales" if metric in ("deliveries", "sales") else metric


def _period_family(kind: str) -> str:
    return "ytd" if kind in YTD_KINDS else kind


def key_of(entity: str, metric: str, kind: str, end: date, value: int) -> Key:
    return Key(
        entity_key(entity), _metric_family(metric), _period_family(kind),
        (end.year, end.month), int(value),
    )  # fmt: skip


# The GUIDE lets an article's "Tesla" stand for Tesla China; the parser names the two apart, so
# its "Tesla" is the worldwide company.
_PARSER_NAMES = {"Tesla": "Tesla (global)"}


def figure_key(figure: Figure) -> Key:
    entity = _PARSER_NAMES.get(figure.entity, figure.entity)
    return key_of(entity, figure.metric, figure.period_kind, figure.period_end, figure.value)


def label_key(label: dict[str, object]) -> Key:
    return key_of(
        str(label["entity"]), str(label["metric"]), str(label["period_kind"]),
        date.fromisoformat(str(label["period_end"])), int(label["value"]),  # type: ignore[call-overload]
    )  # fmt: skip


@dataclass(frozen=True)
class Article:
    id: str
    lang: str
    published: date
    topic: str
    title: str
    text: str
    gold: list[dict[str, object]]
    neutral: list[dict[str, object]]
    traps: list[str]

    @property
    def full_text(self) -> str:
        """Headline, then body: what the crawler hands the parser."""
        return f"{self.title}\n{self.text}"


def load_corpus(folder: Path) -> list[Article]:
    out = []
    for path in sorted((folder / "dev").glob("*.json")):
        raw = json.loads(path.read_text("utf-8"))
        out.append(
            Article(
                raw["id"],
                raw["lang"],
                date.fromisoformat(raw["published"]),
                raw["topic"],
                raw["title"],
                raw["text"],
                raw["gold"],
                raw["neutral"],
                raw["traps"],
            )
        )
    return out


def held_out_ids(folder: Path) -> frozenset[str]:
    """The ids of the held-back test split (split.toml, chosen once by topic)."""
    return frozenset(tomllib.loads((folder / "split.toml").read_text("utf-8"))["test"])


@dataclass
class Error:
    kind: str  # one of ERROR_CLASSES
    figure: Figure | None  # the false prediction (None for a miss)
    label: dict[str, object] | None  # the gold figure missed, or the nearest one for a wrong one


@dataclass
class ArticleScore:
    article: Article
    predicted: list[Figure]
    hits: int
    neutral_hits: int
    qualifier_right: int
    yoy_stated: int = 0  # hits whose label gives a year-on-year rate
    yoy_right: int = 0  # ... and the prediction gives the same
    yoy_spurious: int = 0  # hits given a rate their label does not state
    # segments (recorded, not scored, but a series of the store): hits labelled as all vehicles
    # and those filed as NEV counts; hits labelled NEV and those filed otherwise
    all_stated: int = 0
    all_filed_nev: int = 0
    nev_stated: int = 0
    nev_filed_otherwise: int = 0
    errors: list[Error] = field(default_factory=list)

    @property
    def false_positives(self) -> int:
        return sum(1 for e in self.errors if e.kind != "missed")

    @property
    def missed(self) -> int:
        return sum(1 for e in self.errors if e.kind == "missed")


def _classify(
    figure: Figure, labels: Sequence[dict[str, object]]
) -> tuple[str, dict[str, object] | None]:
    """Why a prediction matched nothing: the label that agrees with it most decides."""
    key = figure_key(figure)
    keyed = [(label_key(label), label) for label in labels]
    key_emv = (key.entity, key.metric, key.value)
    key_ev, key_em = (key.entity, key.value), (key.entity, key.metric)
    same_period = key.same_period
    tests: list[tuple[str, Callable[[Key], bool]]] = [
        ("wrong period", lambda k: (k.entity, k.metric, k.value) == key_emv),
        ("wrong metric", lambda k: (k.entity, k.value) == key_ev and same_period(k)),
        ("wrong entity", lambda k: k.value == key.value),
        ("wrong value", lambda k: (k.entity, k.metric) == key_em and same_period(k)),
    ]
    for kind, same in tests:
        for k, label in keyed:
            if same(k):
                return kind, label
    return "trap taken", None


_NEV_SEGMENTS = ("nev", "nev_passenger")


def score_article(article: Article, predicted: list[Figure] | None = None) -> ArticleScore:
    if predicted is None:
        predicted = parse_figures(article.full_text, article.published)
    gold = [(label_key(g), g) for g in article.gold]
    neutral = {label_key(n) for n in article.neutral}
    result = ArticleScore(article, predicted, 0, 0, 0)
    unmatched: list[Figure] = []
    for figure in predicted:
        key = figure_key(figure)
        index = next((i for i, (k, _) in enumerate(gold) if k == key), None)
        if index is not None:
            _, label = gold.pop(index)
            result.hits += 1
            result.qualifier_right += figure.qualifier == label.get("qualifier", "exact")
            filed_nev = figure.segment in _NEV_SEGMENTS
            entity = lexicon().entities.get(figure.entity)
            # (all a maker that makes nothing else sells are NEVs, whatever the label says)
            if label.get("segment") == "all" and not (
                entity is not None and entity.nev_only_on(figure.period_end)
            ):
                result.all_stated += 1
                result.all_filed_nev += filed_nev
            elif label.get("segment") == "nev":
                result.nev_stated += 1
                result.nev_filed_otherwise += not filed_nev
            stated = label.get("yoy_pct")
            if not isinstance(stated, int | float):
                result.yoy_spurious += figure.yoy_pct is not None
            else:
                result.yoy_stated += 1
                got = figure.yoy_pct
                result.yoy_right += got is not None and abs(got - stated) < 0.05
        elif key in neutral:
            result.neutral_hits += 1
        else:
            unmatched.append(figure)
    for figure in unmatched:
        kind, nearest = _classify(figure, [*article.gold, *article.neutral])
        result.errors.append(Error(kind, figure, nearest))
    result.errors.extend(Error("missed", None, label) for _, label in gold)
    return result


@dataclass(frozen=True)
class Totals:
    articles: int
    gold: int
    predicted: int  # neutral matches excluded
    hits: int
    errors: dict[str, int]

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0


def totals(scores: Iterable[ArticleScore]) -> Totals:
    scores = list(scores)
    errors = dict.fromkeys(ERROR_CLASSES, 0)
    for s in scores:
        for e in s.errors:
            errors[e.kind] += 1
    hits = sum(s.hits for s in scores)
    return Totals(
        articles=len(scores),
        gold=sum(len(s.article.gold) for s in scores),
        predicted=hits + sum(s.false_positives for s in scores),
        hits=hits,
        errors=errors,
    )


def describe_figure(figure: Figure) -> str:
    return (
        f"{figure.entity}|{figure.metric}|{figure.period_kind}:{figure.period_end}"
        f"|{figure.value}|{figure.qualifier}"
    )


def describe_label(label: dict[str, object]) -> str:
    return (
        f"{label['entity']}|{label['metric']}|{label['period_kind']}:{label['period_end']}"
        f"|{label['value']}|{label.get('qualifier')}"
    )


def describe_errors(score: ArticleScore) -> str:
    lines = [f"{score.article.id} [{score.article.lang}] {score.article.topic}"]
    for e in score.errors:
        if e.figure is not None:
            near = f"  (gold {describe_label(e.label)})" if e.label else ""
            lines.append(f"  + {e.kind}: {describe_figure(e.figure)}{near}")
            lines.append(f"      in: {e.figure.snippet[:160]}")
        else:
            assert e.label is not None
            lines.append(f"  - missed: {describe_label(e.label)}")
    return "\n".join(lines)
