"""The entity lexicon (data/entities.toml): loading, alias matching in text, group membership."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

KINDS = ("maker", "group", "brand", "jv", "plant", "region")
LEVELS = ("country", "province", "city")
#: the keys an [[entity]] row may have; the file's top level holds "entity" only
ENTRY_KEYS = frozenset(
    {
        "name",
        "kind",
        "level",
        "parent",
        "within",
        "capital",
        "aliases",
        "nev_only",
        "guard",
        "sole_model",
        "foreign",
        "builds",
        "based",
        "powertrain",
        "powertrain_until",
        "nev_since",
    }
)
#: the values of ``builds``: the one kind of vehicle a commercial-vehicle maker builds
BUILDS = ("trucks", "buses", "pickups")
SOLE_MODEL_KEYS = frozenset({"names", "until"})
#: the keys a [[collective]] row has: one word that names several entities in order
COLLECTIVE_KEYS = frozenset({"alias", "members"})
TOP_KEYS = frozenset({"entity", "collective"})


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    kind: str
    level: str  # country | province | city for regions, "" otherwise
    parent: str | None
    nev_only: bool
    within: str | None = None  # for cities: the province they are in
    capital: str | None = None  # for provinces: the capital city ("the provincial capital")
    foreign: bool = False  # a maker based outside China ("the Chinese company" is not it)
    builds: str | None = None  # trucks | buses | pickups: all it makes ("143,300 trucks")
    # "bev": the one powertrain all it has ever made ("36,275 battery-electric cars" is all NIO's)
    powertrain: str | None = None
    # the last day on which that was so (None: still so); its first other car came after it
    powertrain_until: date | None = None
    # the first day from which ``nev_only`` holds (None: always; BYD's last petrol car was
    # made in March 2022)
    nev_since: date | None = None
    # the cities or provinces it is based in ("the Liuzhou-based company")
    based: tuple[str, ...] = ()

    def nev_only_on(self, day: date | None) -> bool:
        """Whether all it made on ``day`` (the end of a count's period) were new energy
        vehicles, so that any count of it is an NEV count (``None``: as it is now)."""
        return self.nev_only and (self.nev_since is None or day is None or day >= self.nev_since)

    def battery_electric_only(self, on: date) -> bool:
        """Whether every car it had made by ``on`` (an article's publication day) was
        battery-electric, so that a count of its battery-electric cars is its total."""
        return self.powertrain == "bev" and (
            self.powertrain_until is None or on <= self.powertrain_until
        )

    @property
    def foreign_arm(self) -> bool:
        """A foreign maker's China arm ("Tesla China")."""
        return self.parent is not None and self.name == f"{self.parent} China"

    @property
    def is_region(self) -> bool:
        """A country, province or city; every other kind (maker, group, brand, jv, plant)
        is a maker to the parser."""
        return self.kind == "region"


@dataclass(frozen=True, slots=True)
class Mention:
    """An alias of ``entity`` found at text[start:end]."""

    entity: Entity
    start: int
    end: int
    #: one of the names a collective word lists in order (蔚小理: NIO, Xpeng, Li Auto)
    listed: bool = False


_SPACES = re.compile(r"\s+")
# characters IGNORECASE matches with an ASCII letter that str.lower() does not turn into one
# (İ also lowers to two characters)
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")


@dataclass(frozen=True)
class _Patterns:
    #: every alias that is matched in text, case-insensitively
    pattern: re.Pattern[str]
    #: the English half of ``pattern``, lower-cased and case-sensitive: what ``pattern`` matches
    #: in ASCII text, found in the lowered text (None when a non-ASCII alias could match ASCII)
    ascii_pattern: re.Pattern[str] | None
    #: ``pattern`` lower-cased and case-sensitive, for lowered text: the same matches unless
    #: _ODD_CASE characters are in the text, and faster
    lower_pattern: re.Pattern[str] | None


@dataclass
class Lexicon:
    entities: dict[str, Entity]
    by_alias: dict[str, str]  # alias (casefolded) -> canonical name
    guards: dict[str, str]  # Chinese alias -> characters that must not follow it
    matched: list[str]  # the aliases found in text (casefolded): names alone are not
    #: a maker's only model while it had one: (its names, casefolded; the last day it was)
    sole_models: dict[str, tuple[tuple[str, ...], date]] = field(default_factory=dict)
    #: a word that names several entities, in order (casefolded) -> their names
    collectives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _patterns: _Patterns | None = field(default=None, repr=False)

    def based_in(self, entity: Entity, place: Entity) -> bool | None:
        """Whether ``entity`` is based in ``place`` (a city, or a province holding one of its
        cities); None when the lexicon does not say where it is based. A brand without a base
        of its own is where its parent is."""
        while not entity.based and entity.kind == "brand" and entity.parent in self.entities:
            entity = self.entities[entity.parent]
        if not entity.based:
            return None
        return any(
            base == place.name or self.entities[base].within == place.name for base in entity.based
        )

    @property
    def patterns(self) -> _Patterns:
        """The alias patterns, compiled on first use: naming an entity needs only the tables."""
        if self._patterns is None:
            self._patterns = _Patterns(*_alias_regexes(self.matched))
        return self._patterns

    def find(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        compiled = self.patterns
        pattern, source = compiled.pattern, text
        if compiled.ascii_pattern is not None and text.isascii():
            # the other half cannot match; lowered (exact for ASCII text): much faster
            pattern, source = compiled.ascii_pattern, text.lower()
        elif compiled.lower_pattern is not None and not _ODD_CASE.search(text):
            pattern, source = compiled.lower_pattern, text.lower()
        for m in pattern.finditer(source):
            alias = text[m.start() : m.end()]
            guard = self.guards.get(alias)
            if (
                guard
                and text[m.end() : m.end() + 1] in guard
                and m.end() < len(text)
                # "日产6月在华销售": a month after the name, not a quantity the guard stops
                and not _MONTH_AFTER.match(text, m.end())
                # "领先于同期理想的3.63万辆": the name's own count after 的
                and not _COUNT_AFTER_DE.match(text, m.end())
                # "比亚迪、奇瑞、吉利的销量": the last of a list of names is a name
                and not (m.start() and text[m.start() - 1] in _LIST_MARKS)
            ):
                continue
            if m.start() and text[m.start() - 1] in _NOT_AFTER.get(alias, ""):
                continue  # "世界第一汽车出口国": "the world's first", no FAW
            if alias in _SPLIT_WORDS and _SPLIT_WORDS[alias].match(text, max(m.start() - 1, 0)):
                continue  # "规上汽车企业": 规上 (above the size) + 汽车, no SAIC
            name = self.by_alias[_SPACES.sub(" ", alias).casefold()]
            out.append(Mention(self.entities[name], m.start(), m.end()))
        if self.collectives:
            out = sorted(out + self._collective_mentions(text), key=lambda m: m.start)
        return out

    def _collective_mentions(self, text: str) -> list[Mention]:
        """ "蔚小理", "Weixiaoli": one mention per member, each on its share of the word, in the
        word's order, so that a list of names and 分别 / "respectively" pair them with counts."""
        out: list[Mention] = []
        lowered = text.casefold() if len(text.casefold()) == len(text) else None
        for word, members in self.collectives.items():
            source = lowered if lowered is not None else text
            at = source.find(word)
            while at >= 0:
                end = at + len(word)
                whole = not word.isascii() or (
                    not text[at - 1 : at].isalnum() and not text[end : end + 1].isalnum()
                )
                if whole:
                    k = len(members)
                    for i, name in enumerate(members):
                        a, b = at + i * len(word) // k, at + (i + 1) * len(word) // k
                        out.append(Mention(self.entities[name], a, b, listed=True))
                at = source.find(word, end)
        return out


_LIST_MARKS = "、"  # what joins a name to the one before it in a Chinese list (和 joins words)
_COUNT_AFTER_DE = re.compile(r"的\s*\d")
_MONTH_AFTER = re.compile(r"(?:1[0-2]|0?[1-9])\s*月(?!\d)")
# Chinese aliases that are another word after these characters (第一汽车: "the first car";
# 欧洲大陆, a continent; 美国商务部, another country's ministry)
# ("表现并不理想", "较理想", "十分理想": 理想 the adjective, "ideal", not Li Auto)
_NOT_AFTER = {"一汽": "第", "大陆": "洲新", "商务部": "国", "理想": "不很较太最更挺够分常当言"}
# Chinese aliases whose characters belong to two other words in these spellings: 规上 / 以上 /
# 线上 ("above the size", "above", "online") before 汽车 ("cars"); 其中 / 集中 / 当中 ("of
# which", "together", "among") before 国内 / 国产 / 国际 / 国外 (中国内地 stays China). The
# parser reads traditional characters as simplified ones, so one spelling is enough.
_SPLIT_WORDS = {
    "上汽": re.compile("[规以线]上汽车"),
    "中国": re.compile("[其集当]中国(?:[产际外]|内(?!地))"),
}
_Trie = dict[str, "_Trie"]


def _trie_regex(words: list[str]) -> str:
    """One regex alternation for many literal words, factored as a trie (fast to match)."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: _Trie) -> str:
        ends = "" in node
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + render(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return render(trie)


_ASCII = "".join(map(chr, range(128)))


def _alias_regexes(
    aliases: list[str],
) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]:
    """The pattern for all aliases; the one for their ASCII aliases alone when that finds the
    same in ASCII text (every other alias has a character no ASCII character matches); and the
    pattern lower-cased for lowered text, when no alias has a letter whose cases str.lower()
    does not join as IGNORECASE does (Σ, σ, ς)."""
    ascii_ = sorted({a.casefold() for a in aliases if a.isascii()})
    other = sorted({a for a in aliases if not a.isascii()})
    ascii_part = (
        r"(?<![A-Za-z0-9])(?:" + _trie_regex(ascii_) + r")(?![A-Za-z0-9])" if ascii_ else None
    )
    # the others first: where "Tesla 中国" and "Tesla" start together, the longer one wins
    parts = [p for p in (_trie_regex(other) if other else None, ascii_part) if p]
    pattern = re.compile("|".join(parts), re.IGNORECASE)
    never_ascii = all(
        any(not re.search(re.escape(ch), _ASCII, re.IGNORECASE) for ch in alias) for alias in other
    )
    source = pattern.pattern
    plain = not re.search(r"\\[A-Z]|[\u03a3\u03c2\u03c3]|[\u0130\u0131\u017f]", source)
    lowered = re.compile(source.lower()) if plain else None
    # (case-sensitive and lower-cased too, for lowered ASCII text)
    ascii_only = re.compile(ascii_part.lower()) if ascii_part and never_ascii and plain else None
    return pattern, ascii_only, lowered


def _sole_model(name: str, raw: object) -> tuple[tuple[str, ...], date]:
    """The ``sole_model`` table of entity ``name``: {names = [...], until = date}."""
    if not isinstance(raw, dict) or set(raw) != SOLE_MODEL_KEYS:
        raise ValueError(f"entity {name!r}: sole_model needs exactly {sorted(SOLE_MODEL_KEYS)}")
    names, until = raw["names"], raw["until"]
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise ValueError(f"entity {name!r}: sole_model names must be a list of strings")
    if not isinstance(until, date):
        raise ValueError(f"entity {name!r}: sole_model until must be a date")
    return tuple(n.casefold() for n in names), until


def sole_model_of(entity: str, window: str, on: date) -> bool:
    """``window`` names ``entity``'s only model of the time ``on`` ("7,094 Li ONEs" in 2021):
    a count of that model is the maker's."""
    sole = lexicon().sole_models.get(entity)
    if sole is None or on > sole[1]:
        return False
    low = window.casefold()
    return any(n in low for n in sole[0])


def _entity(row: object) -> tuple[Entity, list[str], list[str]]:
    """One [[entity]] row checked: the entity, the aliases matched in text, the guards."""
    if not isinstance(row, dict):
        raise ValueError(f"entity row {row!r} is not a table")
    name = row.get("name")
    if not isinstance(name, str) or not name:
        raise ValueError(f"entity row {row!r} has no name")
    unknown = sorted(set(row) - ENTRY_KEYS)
    if unknown:
        raise ValueError(f"entity {name!r}: unknown key {unknown[0]!r}")
    kind = row.get("kind")
    if kind not in KINDS:
        raise ValueError(f"entity {name!r}: unknown kind {kind!r}")
    level = row.get("level", "")
    if kind == "region":
        if level not in LEVELS:
            raise ValueError(f"entity {name!r}: a region needs a level in {LEVELS}, not {level!r}")
    elif "level" in row:
        raise ValueError(f"entity {name!r}: level is for regions only")
    within = row.get("within")
    if within is not None and level != "city":
        raise ValueError(f"entity {name!r}: within is for cities only")
    capital = row.get("capital")
    if capital is not None and level != "province":
        raise ValueError(f"entity {name!r}: capital is for provinces only")
    if row.get("foreign") and kind == "region":
        raise ValueError(f"entity {name!r}: foreign is for makers only")
    builds = row.get("builds")
    if builds is not None and (kind == "region" or builds not in BUILDS):
        raise ValueError(f"entity {name!r}: builds is for makers, one of {BUILDS}")
    powertrain = row.get("powertrain")
    if powertrain is not None and (kind == "region" or powertrain != "bev"):
        raise ValueError(f'entity {name!r}: powertrain is for makers, and only "bev"')
    powertrain_until = row.get("powertrain_until")
    if powertrain_until is not None and (
        powertrain is None or not isinstance(powertrain_until, date)
    ):
        raise ValueError(f"entity {name!r}: powertrain_until must be a date, beside a powertrain")
    nev_since = row.get("nev_since")
    if nev_since is not None and (not row.get("nev_only") or not isinstance(nev_since, date)):
        raise ValueError(f"entity {name!r}: nev_since must be a date, beside nev_only")
    based = row.get("based", [])
    if "based" in row and (
        kind == "region"
        or not isinstance(based, list)
        or not all(isinstance(b, str) for b in based)
    ):
        raise ValueError(f"entity {name!r}: based is for makers, a list of places")
    aliases = row.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise ValueError(f"entity {name!r}: aliases must be a list of strings")
    said = row.get("guard", [])
    guards = [said] if isinstance(said, str) else said
    if not isinstance(guards, list):
        raise ValueError(f"entity {name!r}: guard must be 'alias:characters' or a list of them")
    for guard in guards:
        alias, _, chars = str(guard).partition(":")
        if alias not in aliases or not chars:
            raise ValueError(f"entity {name!r}: guard {guard!r} must be 'alias:characters'")
    parent = row.get("parent")
    if kind == "plant" and isinstance(parent, str) and name.startswith(f"{parent} "):
        # "BYD in Xi'an" is the plant "BYD Xi'an"
        aliases = [*aliases, f"{parent} in {name[len(parent) + 1 :]}"]
    entity = Entity(
        name=name,
        kind=kind,
        level=level,
        parent=parent,
        nev_only=bool(row.get("nev_only", False)),
        within=within,
        capital=capital,
        foreign=bool(row.get("foreign", False)),
        builds=builds,
        powertrain=powertrain,
        powertrain_until=powertrain_until,
        nev_since=nev_since,
        based=tuple(based),
    )
    return entity, aliases, guards


def load_lexicon(data: dict[str, object]) -> Lexicon:
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise ValueError(f"entity lexicon: unknown top-level key {unknown[0]!r}")
    entities: dict[str, Entity] = {}
    by_alias: dict[str, str] = {}
    guards: dict[str, str] = {}
    matched: list[str] = []  # aliases matched in text; a name is only when listed as an alias
    rows = data.get("entity", [])
    if not isinstance(rows, list):
        raise ValueError("entity lexicon: 'entity' must be an array of tables")
    sole_models: dict[str, tuple[tuple[str, ...], date]] = {}
    for row in rows:
        entity, aliases, entity_guards = _entity(row)
        name = entity.name
        if "sole_model" in row:
            sole_models[name] = _sole_model(name, row["sole_model"])
        if name in entities:
            raise ValueError(f"entity {name!r} listed twice")
        entities[name] = entity
        for alias in [name, *aliases]:
            key = alias.casefold()
            if by_alias.get(key, name) != name:
                raise ValueError(f"alias {alias!r} names both {by_alias[key]!r} and {name!r}")
            by_alias[key] = name
        matched.extend(a.casefold() for a in aliases)
        for guard in entity_guards:
            alias, _, chars = guard.partition(":")
            guards[alias] = chars
    for entity in entities.values():
        if entity.parent and entity.parent not in entities:
            raise ValueError(f"entity {entity.name!r}: unknown parent {entity.parent!r}")
        if entity.within is not None:
            province = entities.get(entity.within)
            if province is None or province.kind != "region" or province.level != "province":
                raise ValueError(
                    f"entity {entity.name!r}: within {entity.within!r} is not a province"
                )
        for place in entity.based:
            if place not in entities or not entities[place].is_region:
                raise ValueError(f"entity {entity.name!r}: based in {place!r}, not a known place")
        if entity.capital is not None:
            city = entities.get(entity.capital)
            if city is None or city.within != entity.name:
                raise ValueError(
                    f"entity {entity.name!r}: capital {entity.capital!r} is not a city within it"
                )
    collectives = _collectives(data.get("collective", []), entities, by_alias)
    # Matching is case-insensitive: keep ASCII aliases whose casefold is unique.
    return Lexicon(
        entities, by_alias, guards, list(dict.fromkeys(matched)), sole_models, collectives
    )


def _collectives(
    rows: object, entities: dict[str, Entity], by_alias: dict[str, str]
) -> dict[str, tuple[str, ...]]:
    """The [[collective]] rows checked: each alias (casefolded) -> its members' names."""
    if not isinstance(rows, list):
        raise ValueError("entity lexicon: 'collective' must be an array of tables")
    out: dict[str, tuple[str, ...]] = {}
    for row in rows:
        if not isinstance(row, dict) or set(row) != COLLECTIVE_KEYS:
            raise ValueError(f"collective {row!r}: needs exactly {sorted(COLLECTIVE_KEYS)}")
        alias, members = row["alias"], row["members"]
        if not isinstance(alias, str) or not isinstance(members, list) or len(members) < 2:
            raise ValueError(f"collective {alias!r}: an alias and two or more members")
        unknown = [m for m in members if m not in entities]
        if unknown:
            raise ValueError(f"collective {alias!r}: unknown member {unknown[0]!r}")
        if alias.casefold() in by_alias or alias.casefold() in out or len(alias) < len(members):
            raise ValueError(f"collective {alias!r}: already an alias, or too short")
        out[alias.casefold()] = tuple(members)
    return out


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon, loaded once."""
    raw = resources.files("crawler.figures").joinpath("data/entities.toml").read_text("utf-8")
    return load_lexicon(tomllib.loads(raw))


def canonical_name(name: str) -> str:
    """The lexicon's name for an alias as a person types it ("鸿蒙智行", "hima", "Geely Auto");
    the text itself when the lexicon does not know it."""
    return lexicon().by_alias.get(re.sub(r"\s+", " ", name.strip()).casefold(), name.strip())


def group_members(name: str) -> set[str]:
    """``name`` and every entity below it in the group tree (``{name}`` for a non-group).

    A composite such as "Lynk & Co+Zeekr" belongs to the group of its parts, but is not listed
    here: figures for composites are matched by the caller splitting on "+".
    """
    entities = lexicon().entities
    members = {name}
    changed = True
    while changed:
        changed = False
        for entity in entities.values():
            if entity.parent in members and entity.name not in members:
                members.add(entity.name)
                changed = True
    return members


@cache
def covered_names(name: str) -> frozenset[str]:
    """What an entity filter as a person types it covers, casefolded: the entity (any alias
    accepted) and, for a group, every brand below it. Combined figures ("Lynk & Co+Zeekr")
    are matched by the caller on their parts."""
    canonical = canonical_name(name)
    return frozenset(n.casefold() for n in group_members(canonical) | {canonical})


def composite_name(names: list[str]) -> str:
    """One entity for a combined figure: sorted canonical names joined by "+"."""
    return "+".join(sorted(set(names)))
