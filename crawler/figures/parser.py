"""parse_figures: sentences -> candidate numbers -> entity, metric, segment, period -> Figures.

Owns the assembly and the article-level state: which maker or province "the company" / 全省
refers to, the period and metric a roundup carries from one sentence to the next, and the
post-processing (one figure per entity/metric/segment/period/value; a threshold claim such as
"crossed 80,000 for the first time" folded into the exact figure it bounds).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from crawler.figures import metrics as mx
from crawler.figures.entities import Entity, Mention, composite_name, lexicon
from crawler.figures.model import Figure
from crawler.figures.numbers import FULLWIDTH, NEUTRAL, OTHER, VEHICLE, Number, find_numbers
from crawler.figures.periods import Period, find_parts, is_announcement, resolve
from crawler.figures.sentences import clause_bounds, clause_of, split_sentences

MIN_VALUE = 100
_HAS_NUMBER = re.compile(
    r"\d|[一二两三四五六七八九十百千万亿](?:多|余)?万?[辆台]|\b(?:one|two|three|four|five|six"
    r"|seven|eight|nine|ten|a|half a) (?:million|thousand|billion)",
    re.IGNORECASE,
)
_PRONOUNS: list[tuple[str, re.Pattern[str]]] = [
    ("province", re.compile(r"\b(?:the|our|this) province\b|全省|我省|该省|本省|省内", re.I)),
    ("city", re.compile(r"\b(?:the|our|this) city\b|全市|我市|该市|本市", re.I)),
    (
        "maker",
        re.compile(
            r"\bthe (?:company|carmaker|automaker|firm|group|startup|start-up|brand|EV maker|"
            r"electric[- ]vehicle maker|manufacturer)\b|\b(?:its|our|we)\b|\bit(?= (?:delivered"
            r"|sold|"
            r"produced|exported|handed|shipped|has|had|said|posted|recorded|reported))"
            r"|该公司|该品牌|该企业|公司(?=[^，。]{0,6}(?:交付|销量|产量|生产|销售|出口))|其(?=[^，。]{0,4}"
            r"(?:交付|销量|产量|销售|出口))",
            re.I,
        ),
    ),
]
_DEPENDENT_BEFORE = re.compile(
    r"(?:\b(?:its|their|including|includes|such as|boosted by|driven by|helped by|like|across"
    r"|thanks to|from)\b(?:\s+[\w-]+){0,2}\s*|包括|如|例如|带动)$",
    re.I,
)
_OWNER_AFTER = re.compile(r"^(?:'s|’s|-owned|-backed|旗下的?|的)\s*$", re.I)
_LIST_SEP = re.compile(r"^\s*(?:,|、|，|and|&|和|与|及|以及|, and)\s*$", re.I)
_COMBINED = re.compile(
    r"\bcombined\b|\btogether\b|\bjointly\b|\bin total\b|合计|共计|合共|总计"
    r"|加起来|共交付|共销售|总共",
    re.I,
)
_RESPECTIVELY = re.compile(r"\brespectively\b|分别", re.I)
_EACH = re.compile(r"\beach\b|\bboth\b|均|都|各自?", re.I)
_MODEL = re.compile(
    r"(?<![A-Za-z])(?:(?!Q[1-4]\b|H[12]\b)[A-Z]{1,4}\d{1,3}[A-Za-z+]*|\d{3,4}(?= model)"
    r"|\d{2,4}(?=车型|型)|Model [3SXY]|#\d)(?![A-Za-z])"
    r"|\bmodels?\b|\bsedan\b|\bSUV\b|\bhatchback\b|车型|单车|款车",
)


@dataclass
class _State:
    published: date
    last: dict[str, Entity] = field(default_factory=dict)  # maker | province | city | any
    paragraph: int = -1
    para_entity: Entity | None = None
    carry_period: Period | None = None
    carry_metric: str | None = None
    carry_segment: str | None = None


@dataclass
class _Candidate:
    number: Number
    clause: int
    entity: str | None = None
    entity_obj: Entity | None = None
    metric: str | None = None
    segment: str | None = None
    period: Period | None = None
    qualifier: str = "exact"
    yoy: float | None = None
    mom: float | None = None
    claims: list[str] = field(default_factory=list)
    dropped: bool = False


def _kind_key(entity: Entity) -> str:
    if entity.kind != "region":
        return "maker"
    return "province" if entity.level == "province" else entity.level or "region"


def parse_figures(text: str, published: date, lang: str | None = None) -> list[Figure]:
    """Every actual vehicle figure stated in ``text``, an article published on ``published``.

    ``lang`` ("en", "zh" or None) is a hint only: each sentence is read with both the English
    and the Chinese vocabulary, so bilingual articles need no special handling.
    """
    if lang not in (None, "en", "zh", "auto"):
        raise ValueError(f"lang must be 'en', 'zh' or None, not {lang!r}")
    if isinstance(published, datetime):
        published = published.date()
    work = text.translate(FULLWIDTH)
    state = _State(published)
    figures: list[Figure] = []
    for sentence in split_sentences(work):
        if sentence.paragraph != state.paragraph:
            state.paragraph = sentence.paragraph
            state.para_entity = None
        figures.extend(_sentence(work, text, sentence.start, sentence.end, state))
    return _drop_headline_repeats(_postprocess(figures), text.find("\n"))


def _drop_headline_repeats(figures: list[Figure], headline_end: int) -> list[Figure]:
    """A headline figure the body states again is the body's: the body has the exact period
    ("年产量首次突破1000万辆" in the title, "11月14日 ... 突破1000万辆" in the text)."""
    if headline_end <= 0:
        return figures
    body = [f for f in figures if f.span[0] > headline_end]

    def repeated(f: Figure) -> bool:
        return any(
            (g.entity, g.metric, g.value) == (f.entity, f.metric, f.value)
            and (g.segment == f.segment or "unknown" in (g.segment, f.segment))
            for g in body
        )

    return [f for f in figures if f.span[0] > headline_end or not repeated(f)]


def _dependent(s: str, mention: Mention) -> bool:
    """A brand named as part of something else ("its AITO", "including Onvo", "across its
    line-up"); a region after "across" is the scope of the figure ("Across Henan, output ...")."""
    before = s[max(0, mention.start - 30) : mention.start]
    if mention.entity.is_region and re.search(r"\bacross\s*$", before, re.I):
        return False
    return bool(_DEPENDENT_BEFORE.search(before))


def _mentions(s: str, state: _State) -> list[tuple[Mention, bool]]:
    """Entity and pronoun mentions in sentence ``s``, each with "is a possible subject"."""
    lex = lexicon()
    found = lex.find(s)
    pronouns: list[tuple[int, int, str]] = []
    for kind, pattern in _PRONOUNS:
        for m in pattern.finditer(s):
            if any(f.start <= m.start() < f.end for f in found):
                continue
            if any(a <= m.start() < b for a, b, _ in pronouns):
                continue
            pronouns.append((m.start(), m.end(), kind))
    out: list[tuple[Mention, bool]] = []
    events = sorted(
        [(f.start, 0, f) for f in found] + [(a, 1, (a, b, k)) for a, b, k in pronouns],
        key=lambda e: e[0],
    )
    last = dict(state.last)
    for _, is_pronoun, item in events:
        if is_pronoun:
            a, b, kind = item  # type: ignore[misc]
            target = last.get(kind)
            if target is None:
                continue
            out.append((Mention(target, a, b), True))
        else:
            mention = item  # type: ignore[assignment]
            if not _dependent(s, mention):
                last[_kind_key(mention.entity)] = mention.entity
            out.append((mention, True))
    # dependents: "its AITO, Luxeed", "including Onvo"; owners: "Geely's Zeekr"
    subject = [ok for _, ok in out]
    for i, (mention, _) in enumerate(out):
        if _dependent(s, mention):
            subject[i] = False
            j = i + 1
            while j < len(out) and _LIST_SEP.match(s[out[j - 1][0].end : out[j][0].start]):
                subject[j] = False
                j += 1
        if i + 1 < len(out):
            between = s[mention.end : out[i + 1][0].start]
            if _OWNER_AFTER.match(between) and out[i + 1][0].entity.kind != "region":
                subject[i] = False
    return [(m, ok) for (m, _), ok in zip(out, subject, strict=True)]


# A place named as a location ("loaded at Ningbo-Zhoushan Port") is not what the next
# sentence without a subject talks about.
_PASSING_PLACE_BEFORE = re.compile(r"(?:\bat|\bvia|\bthrough|\bnear)\s+(?:the\s+)?$", re.I)
_PASSING_PLACE_AFTER = re.compile(r"^[-\w]*\s+(?:Port|Airport|Station)\b")


def _may_be_subject_later(s: str, mention: Mention) -> bool:
    if not mention.entity.is_region:
        return True
    return not (
        _PASSING_PLACE_BEFORE.search(s[max(0, mention.start - 16) : mention.start])
        or _PASSING_PLACE_AFTER.match(s[mention.end : mention.end + 30])
    )


_PART_OF_TOTAL = re.compile(r"(?:\bof them\b|\bof which\b|\bincluding\b|其中|包括)", re.I)


def _total_before_part(s: str, live: list[_Candidate]) -> None:
    """ "217,000 vehicles, 32,000 of them new energy vehicles" / "21.7万辆，其中新能源汽车3.2万辆":
    the total is all vehicles when the part after it is the NEV share."""
    for total, part in itertools.pairwise(live):
        between = s[total.number.end : part.number.end + 12]
        if (
            total.segment is None
            and part.segment == "nev"
            and total.metric == part.metric
            and _PART_OF_TOTAL.search(between)
        ):
            total.segment = "all"


def _update_last(state: _State, mentions: list[tuple[Mention, bool]], s: str) -> None:
    for mention, _ in mentions:
        state.last[_kind_key(mention.entity)] = mention.entity
        if _may_be_subject_later(s, mention):
            state.para_entity = mention.entity


def _list_group(mentions: list[tuple[Mention, bool]], index: int, s: str) -> list[Mention]:
    """The list ("Zeekr and Lynk & Co", "蔚来、小鹏和理想") that mention ``index`` belongs to."""
    lo = hi = index
    while (
        lo > 0
        and mentions[lo - 1][1]
        and _LIST_SEP.match(s[mentions[lo - 1][0].end : mentions[lo][0].start])
    ):
        lo -= 1
    while (
        hi + 1 < len(mentions)
        and mentions[hi + 1][1]
        and _LIST_SEP.match(s[mentions[hi][0].end : mentions[hi + 1][0].start])
    ):
        hi += 1
    group = [m for m, _ in mentions[lo : hi + 1]]
    names = {m.entity.name for m in group}
    return group if len(names) > 1 else [mentions[index][0]]


def _sentence(work: str, original: str, start: int, end: int, state: _State) -> list[Figure]:
    s = work[start:end]
    carry_segment = state.carry_segment
    if not _HAS_NUMBER.search(s):
        # fast path: a sentence without numbers only feeds the article state
        _carry_updates(s, find_parts(s), mx.segment_hits(s), state, [])
        _update_last(state, [(m, True) for m in lexicon().find(s)], s)
        return []
    mentions = _mentions(s, state)
    parts_all = find_parts(s)
    segs = mx.segment_hits(s)
    numbers = [
        n
        for n in find_numbers(s)
        if n.counts != OTHER
        and n.value >= MIN_VALUE
        and not any(a <= n.start < b for a, b in parts_all.spans)
    ]
    if not numbers:
        _carry_updates(s, parts_all, segs, state, [])
        _update_last(state, mentions, s)
        return []
    # keep entity lists inside one clause
    keep = []
    for i in range(len(mentions) - 1):
        a, b = mentions[i][0], mentions[i + 1][0]
        if _LIST_SEP.match(s[a.end : b.start]):
            keep.append((a.end, b.start))
    starts = clause_bounds(s, keep)
    bounds = [*starts[1:], len(s)]
    cands = [_Candidate(n, clause_of(starts, n.start)) for n in numbers]
    number_clauses = {c.clause for c in cands}
    hits = mx.metric_hits(s)
    sentence_trap = bool(mx.SENTENCE_TRAP.search(s))
    announce = is_announcement(s)
    carry_before = state.carry_period
    # sentence-lead time components: clauses without numbers
    lead_parts = [parts_all.within(starts[i], bounds[i]) for i in range(len(starts))]

    respectively = bool(_RESPECTIVELY.search(s))
    for cand in cands:
        n = cand.number
        c0, c1 = starts[cand.clause], bounds[cand.clause]
        clause = s[c0:c1]
        # --- traps
        if sentence_trap or mx.TRAP.search(clause):
            cand.dropped = True
            continue
        if mx.CAPACITY_AFTER.match(s[n.unit_end : n.unit_end + 20]):
            cand.dropped = True
            continue
        before = s[c0 : n.start]
        if mx.BASE_BEFORE.search(before[-25:]) or mx.BASE_AFTER.match(s[n.unit_end :]):
            cand.dropped = True
            continue
        # --- qualifier
        q = mx.qualifier_before(before[-30:])
        if q is None and n.after_qualifier:
            q = n.after_qualifier
        if q is None and mx.is_threshold(s[n.end : n.end + 30]):
            q = "at_least"
        cand.qualifier = q or "exact"
        # --- metric
        in_clause = [h for h in hits if c0 <= h.start < c1]
        if in_clause:
            cand.metric = min(in_clause, key=lambda h: abs(h.start - n.start)).kind
        else:
            before_hits = [h for h in hits if h.start < n.start]
            after_hits = [h for h in hits if h.start > n.start]
            if before_hits:
                cand.metric = before_hits[-1].kind
            elif after_hits:
                cand.metric = after_hits[0].kind
            elif state.carry_metric and (n.counts == VEHICLE or q == "at_least" or n.ordinal):
                cand.metric = state.carry_metric
        if cand.metric is None:
            cand.dropped = True
            continue
        if n.counts == NEUTRAL and not n.ordinal and cand.metric == "exports" and q is None:
            # "exports of 43 billion" without a unit is usually money already caught; be safe
            pass
        # --- segment
        seg_clause = [h for h in segs if c0 <= h.start < c1]
        if seg_clause:
            cand.segment = min(seg_clause, key=lambda h: abs(h.start - n.start)).kind
        else:
            seg_before = [
                h
                for h in segs
                if h.start < n.start and not mx.SHARE.search(s[max(0, h.start - 25) : h.start])
            ]
            if seg_before:
                cand.segment = seg_before[-1].kind
        # --- period
        own = lead_parts[cand.clause]
        others = [
            lead_parts[i]
            for i in range(len(starts))
            if i not in number_clauses and not lead_parts[i].empty
        ]
        before_lead = [p for i, p in enumerate(lead_parts) if p in others and starts[i] < n.start]
        after_lead = [p for i, p in enumerate(lead_parts) if p in others and starts[i] > n.start]
        parts = own
        for extra in reversed(before_lead):
            parts = parts.merge(extra)
        if parts.empty:
            for extra in after_lead:
                parts = parts.merge(extra)
        if parts.empty:
            # enumerations: "A delivered 36,275, B 36,728 and C 33,181 in November"
            near = sorted(
                (
                    p
                    for i, p in enumerate(lead_parts)
                    if i != cand.clause and (p.explicit or p.as_of is not None)
                ),
                key=lambda p: abs(p.spans[0][0] - n.start),
            )
            if near:
                parts = near[0]
        if n.ordinal:
            parts.lifetime = True
        period = (
            resolve(parts, state.published, state.carry_period, announce)
            if not parts.empty or n.ordinal
            else None
        )
        if period is None and parts.empty:
            period = state.carry_period
        if period is None:
            cand.dropped = True
            continue
        cand.period = period
        if parts.explicit and period.kind != "lifetime":
            state.carry_period = period

    # --- entities
    subjects = [(m, ok) for m, ok in mentions]
    live = [c for c in cands if not c.dropped]
    if respectively and live:
        _pair_respectively(s, subjects, live, hits)
    for cand in live:
        if cand.entity is None:
            _assign_entity(s, cand, subjects, starts, bounds, state)
        if cand.entity is None:
            cand.dropped = True
            continue
        # model-level figures: "SU7 sold 20,000", "Lynk & Co 900 model reaching 50,000"
        lo = _subject_end(subjects, cand)
        if _MODEL.search(s[lo : cand.number.start]):
            cand.dropped = True
    live = [c for c in live if not c.dropped]
    _total_before_part(s, live)
    if hits and not live:
        state.carry_metric = hits[-1].kind if hits[-1].kind != "prodsales" else None
    _attach_growth(s, live, hits)
    _attach_claims(s, live, starts, bounds)
    _carry_updates(s, parts_all, segs, state, live, carry_before)
    _update_last(state, mentions, s)

    out = []
    snippet = original[start:end]
    for cand in live:
        segment = cand.segment
        if segment is None and cand.entity_obj is not None and cand.entity_obj.nev_only:
            segment = "nev"
        if segment is None:
            segment = carry_segment or "unknown"
        metric = cand.metric
        assert metric is not None and cand.period is not None and cand.entity is not None
        if metric == "prodsales":
            if _EACH.search(s):
                metrics_ = ["production", "sales"]
            else:
                continue
        else:
            metrics_ = [metric]
        for metric_ in metrics_:
            state.carry_metric = metric_
            out.append(
                Figure(
                    entity=cand.entity,
                    metric=metric_,
                    unit="vehicles",
                    segment=segment,
                    period_kind=cand.period.kind,
                    period_start=cand.period.start,
                    period_end=cand.period.end,
                    value=cand.number.value,
                    qualifier=cand.qualifier,
                    yoy_pct=cand.yoy,
                    mom_pct=cand.mom,
                    claims=tuple(dict.fromkeys(cand.claims)),
                    snippet=snippet,
                    span=(start, end),
                )
            )
    return out


def _subject_end(subjects: list[tuple[Mention, bool]], cand: _Candidate) -> int:
    ends = [
        m.end
        for m, _ in subjects
        if m.end <= cand.number.start
        and (m.entity.name == cand.entity or (cand.entity and m.entity.name in cand.entity))
    ]
    return max(ends) if ends else cand.number.start


def _assign_entity(
    s: str,
    cand: _Candidate,
    subjects: list[tuple[Mention, bool]],
    starts: list[int],
    bounds: list[int],
    state: _State,
) -> None:
    n = cand.number
    c0 = starts[cand.clause]
    before = [(i, m) for i, (m, ok) in enumerate(subjects) if ok and m.end <= n.start]
    in_clause = [(i, m) for i, m in before if m.start >= c0]
    chosen: tuple[int, Mention] | None = None
    if in_clause:
        makers = [(i, m) for i, m in in_clause if not m.entity.is_region]
        chosen = (makers or in_clause)[-1]
    elif before:
        makers = [(i, m) for i, m in before if not m.entity.is_region]
        # the nearest; a maker wins over a region only within the same clause
        chosen = before[-1]
        if (
            chosen[1].entity.is_region
            and makers
            and clause_of(starts, makers[-1][1].start) == clause_of(starts, chosen[1].start)
        ):
            chosen = makers[-1]
    else:
        c1 = bounds[cand.clause]
        after = [
            (i, m)
            for i, (m, ok) in enumerate(subjects)
            if ok
            and n.end <= m.start < c1
            and not re.search(r"(?:\bin|\bat|在|于)\s*$", s[max(0, m.start - 4) : m.start])
        ]
        if after:
            chosen = after[0]
        elif state.para_entity is not None:
            cand.entity = state.para_entity.name
            cand.entity_obj = state.para_entity
            return
    if chosen is None:
        return
    index, mention = chosen
    if index > 0 and subjects[index - 1][1]:
        # "Zeekr and Lynk & Co, the two Geely brands, delivered ...": the group named in an
        # apposition describes the brands listed before it; they are the subject.
        listed = _list_group(subjects, index - 1, s)
        if len(listed) > 1 and all(m.entity.parent == mention.entity.name for m in listed):
            index, mention = index - 1, listed[-1]
    group = _list_group(subjects, index, s)
    if len(group) > 1:
        region = s[group[0].start : n.end]
        if _COMBINED.search(region) or _COMBINED.search(s[n.end : n.end + 40]):
            cand.entity = composite_name([m.entity.name for m in group])
            cand.entity_obj = None
            return
        # "NIO and Xpeng each delivered over 30,000": handled by the caller via duplicates
        cand.dropped = True
        return
    cand.entity = mention.entity.name
    cand.entity_obj = mention.entity


def _pair_respectively(
    s: str, subjects: list[tuple[Mention, bool]], live: list[_Candidate], hits: list[mx.Hit]
) -> None:
    """ "A and B delivered X and Y respectively" / "产销分别完成A万辆和B万辆"."""
    prodsales = [h for h in hits if h.kind == "prodsales"]
    first = live[0].number.start
    if prodsales and len(live) == 2 and prodsales[0].start < first:
        live[0].metric, live[1].metric = "production", "sales"
        return
    listed = [(i, m) for i, (m, ok) in enumerate(subjects) if ok and m.end <= first]
    if not listed:
        return
    group = _list_group(subjects, listed[-1][0], s)
    if len(group) == len(live) and len(group) > 1:
        for cand, mention in zip(live, group, strict=True):
            cand.entity = mention.entity.name
            cand.entity_obj = mention.entity


def _attach_growth(s: str, live: list[_Candidate], hits: list[mx.Hit]) -> None:
    if not live:
        return
    for g in mx.growth_hits(s):
        clause_start = max(s.rfind(ch, 0, g.start) for ch in ",，;；")
        if mx.SHARE.search(s[clause_start + 1 : g.start]):
            continue
        target: _Candidate | None = None
        preceding = [c for c in live if c.number.end <= g.start]
        following = [c for c in live if c.number.start >= g.end]
        if preceding:
            target = preceding[-1]
            between = s[target.number.end : g.start]
            other = [
                h
                for h in hits
                if target.number.end <= h.start < g.start and h.kind != target.metric
            ]
            if other or len(between) > 120:
                target = None
        if target is None and following:
            nxt = following[0]
            between = s[g.end : nxt.number.start]
            if len(between) < 25 and re.match(
                r"^[\s,，]*(?:year[- ]on[- ]year|month[- ]on[- ]month|from a year (?:earlier|ago))?"
                r"[\s,，]*(?:to\b|at\b|reaching\b|至|达到?|为)",
                between,
            ):
                target = nxt
        if target is None:
            continue
        if g.mom:
            if target.mom is None:
                target.mom = g.pct
        elif target.yoy is None:
            target.yoy = g.pct


def _attach_claims(s: str, live: list[_Candidate], starts: list[int], bounds: list[int]) -> None:
    if not live:
        return
    for claim in mx.claim_hits(s):
        k = clause_of(starts, claim.start)
        same = [c for c in live if c.clause == k]
        if same:
            targets = [min(same, key=lambda c: abs(c.number.start - claim.start))]
        else:
            preceding = [c for c in live if c.number.end <= claim.start]
            following = [c for c in live if c.number.start >= claim.end]
            targets = [preceding[-1]] if preceding else following[:1]
        for t in targets:
            t.claims.append(claim.claim)


def _carry_updates(
    s: str,
    parts_all: object,
    segs: list[mx.Hit],
    state: _State,
    live: list[_Candidate],
    carry_before: Period | None = None,
) -> None:
    """Lets later sentences inherit this one's explicit period and segment."""
    from crawler.figures.periods import Parts

    assert isinstance(parts_all, Parts)
    if not live and parts_all.explicit:
        period = resolve(parts_all, state.published, state.carry_period, is_announcement(s))
        if (
            period is not None
            and period.kind in ("month", "ytd", "quarter", "half", "year")
            and not mx.SENTENCE_TRAP.search(s)
            and not mx.FORECAST.search(s)
        ):
            state.carry_period = period
    if segs:
        state.carry_segment = segs[-1].kind


def _key(f: Figure) -> tuple[object, ...]:
    return (f.entity, f.metric, f.period_kind, f.period_start, f.period_end)


def _merge(keep: Figure, other: Figure) -> Figure:
    claims = tuple(dict.fromkeys([*keep.claims, *other.claims]))
    return replace(
        keep,
        claims=claims,
        yoy_pct=keep.yoy_pct if keep.yoy_pct is not None else other.yoy_pct,
        mom_pct=keep.mom_pct if keep.mom_pct is not None else other.mom_pct,
        segment=keep.segment if keep.segment != "unknown" else other.segment,
    )


def _bounded_by(bound: Figure, exact: Figure) -> bool:
    if bound.qualifier == "at_least":
        return bound.value <= exact.value
    if bound.qualifier == "at_most":
        return bound.value >= exact.value
    if bound.qualifier == "approx":
        return abs(bound.value - exact.value) <= 0.1 * exact.value
    return False


def _postprocess(figures: list[Figure]) -> list[Figure]:
    # journalists write "sales" for a startup's deliveries: one metric per entity
    delivering = {f.entity for f in figures if f.metric == "deliveries"}
    figures = [
        replace(f, metric="deliveries") if f.metric == "sales" and f.entity in delivering else f
        for f in figures
    ]
    # one figure per (entity, metric, segment, period, value); unknown segment folds into known
    out: list[Figure] = []
    for f in figures:
        for i, g in enumerate(out):
            if (
                _key(g) == _key(f)
                and g.value == f.value
                and (g.segment == f.segment or "unknown" in (g.segment, f.segment))
            ):
                out[i] = _merge(g, f)
                break
        else:
            out.append(f)
    # a bound ("crossed 80,000", "above 70,000") of an exact figure folds into it
    result: list[Figure] = []
    for f in out:
        if f.qualifier != "exact":
            exact = [
                i
                for i, g in enumerate(out)
                if g.qualifier == "exact"
                and _key(g) == _key(f)
                and g.segment in (f.segment, "unknown")
                and _bounded_by(f, g)
            ]
            if exact:
                target = out[exact[0]]
                out[exact[0]] = replace(
                    target, claims=tuple(dict.fromkeys([*target.claims, *f.claims]))
                )
                continue
        result.append(f)
    # refresh merged claims
    final = []
    for f in result:
        for g in out:
            if g.span == f.span and g.value == f.value and _key(g) == _key(f):
                f = g
                break
        final.append(f)
    return final
