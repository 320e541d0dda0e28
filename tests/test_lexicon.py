"""The entity lexicon (crawler/figures/data/entities.toml): coverage, structure, validation and
the alias lookups the parser and the alert filters rely on."""

from __future__ import annotations

import tomllib
from datetime import date
from importlib import resources

import pytest

from crawler.figures.entities import (
    KINDS,
    canonical_name,
    covered_names,
    group_members,
    lexicon,
    load_lexicon,
)


def _raw() -> dict[str, object]:
    text = resources.files("crawler.figures").joinpath("data/entities.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_every_province_level_region_of_the_mainland() -> None:
    entities = lexicon().entities.values()
    provinces = {e.name for e in entities if e.is_region and e.level == "province"}
    assert len(provinces) == 31
    assert {
        "Shanxi", "Shaanxi", "Inner Mongolia", "Guangxi", "Ningxia", "Xinjiang", "Tibet",
        "Heilongjiang", "Chongqing", "Shanghai", "Beijing", "Tianjin",
    } <= provinces  # fmt: skip
    official = {
        "河南省": "Henan", "广西壮族自治区": "Guangxi", "重庆市": "Chongqing", "山西": "Shanxi",
        "陕西": "Shaanxi", "内蒙古": "Inner Mongolia", "西藏自治区": "Tibet",
    }  # fmt: skip
    for alias, name in official.items():
        assert canonical_name(alias) == name
    assert lexicon().entities["China"].level == "country"


def test_cities_lie_within_a_province() -> None:
    entities = lexicon().entities
    cities = [e for e in entities.values() if e.is_region and e.level == "city"]
    assert len(cities) >= 30
    for city in cities:
        assert city.within is not None, city.name
        assert entities[city.within].level == "province", city.name
    assert entities["Zhengzhou"].within == "Henan"
    assert entities["Liuzhou"].within == "Guangxi"
    assert canonical_name("郑州市") == canonical_name("郑州") == "Zhengzhou"
    # two cities named Taizhou: the Jiangsu one is named apart
    assert canonical_name("台州") == "Taizhou"
    assert canonical_name("泰州") == "Taizhou (Jiangsu)"


def test_makers_brands_and_their_parents() -> None:
    entities = lexicon().entities
    makers = [e for e in entities.values() if not e.is_region]
    assert len(makers) >= 150
    assert {e.kind for e in entities.values()} <= set(KINDS)
    for entity in entities.values():
        assert entity.parent is None or entity.parent in entities, entity.name
        assert (entity.level != "") == entity.is_region, entity.name
    parents = {
        "Zeekr": "Geely", "Lynk & Co": "Geely", "Volvo Cars": "Geely Holding",
        "Geely": "Geely Holding", "Aion": "GAC",
        "Hyptec": "Aion", "Voyah": "Dongfeng Motor Group",
        "Dongfeng Nissan": "Dongfeng Motor Group",
        "Wuling": "SAIC-GM-Wuling", "SAIC-GM-Wuling": "SAIC", "Jetta": "FAW-Volkswagen",
        "Hongqi": "FAW", "Arcfox": "BAIC", "Exeed": "Chery", "Luxeed": "HIMA", "Yangwang": "BYD",
        "Tank": "Great Wall", "Onvo": "NIO", "Tesla China": "Tesla", "Chongqing Sokon": "Seres",
    }  # fmt: skip
    for child, parent in parents.items():
        assert entities[child].parent == parent, child
    assert {"Zeekr", "Geely Galaxy"} <= group_members("Geely")
    assert "Volvo Cars" not in group_members("Geely")  # the holding's, not the listed Geely's
    assert {"Geely", "Zeekr", "Volvo Cars"} <= group_members("Geely Holding")
    assert {"Baojun", "Wuling", "IM Motors"} <= group_members("SAIC")
    assert "dongfeng peugeot citroen" in covered_names("东风")


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("埃安", "Aion"), ("GAC Aion", "Aion"), ("东风日产", "Dongfeng Nissan"),
        ("神龙", "Dongfeng Peugeot Citroen"), ("东风", "Dongfeng Motor Group"),
        ("Dongfeng", "Dongfeng Motor Group"), ("蔚来汽车", "NIO"),
        ("Nio Inc", "NIO"), ("XPeng Inc", "Xpeng"), ("Lixiang", "Li Auto"), ("车和家", "Li Auto"),
        ("Weltmeister", "WM Motor"), ("哪吒", "Neta"), ("Hozon", "Neta"),
        ("小康股份", "Chongqing Sokon"),
        ("SGMW", "SAIC-GM-Wuling"), ("一汽-大众", "FAW-Volkswagen"), ("华晨宝马", "BMW Brilliance"),
        ("特斯拉上海超级工厂", "Tesla China"), ("比亚迪西安", "BYD Xi'an"), ("鸿蒙智行", "HIMA"),
        ("BYD in Xi'an", "BYD Xi'an"),  # a plant "<maker> <city>" is also "<maker> in <city>"
    ],
)  # fmt: skip
def test_alias_lookups(alias: str, name: str) -> None:
    assert canonical_name(alias) == name


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.entity.name, text[m.start : m.end]) for m in lexicon().find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("东风日产11月销量", [("Dongfeng Nissan", "东风日产")]),
        ("上汽通用五菱与上汽通用", [("SAIC-GM-Wuling", "上汽通用五菱"), ("SAIC-GM", "上汽通用")]),
        ("北京现代和北京", [("Beijing Hyundai", "北京现代"), ("Beijing", "北京")]),
        ("陕重汽与陕西", [("Shacman", "陕重汽"), ("Shaanxi", "陕西")]),
        ("GAC Aion and Aion", [("Aion", "GAC Aion"), ("Aion", "Aion")]),
        ("Giga Shanghai in Shanghai", [("Tesla China", "Giga Shanghai"), ("Shanghai", "Shanghai")]),
    ],
)
def test_the_longest_alias_wins(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全面建成小康社会",  # 小康: moderately prosperous
        "宁德时代的电池装车量",  # CATL, not the city of Ningde
        "工厂日产1000辆",  # daily output, not Nissan
        "长安街上",
        "a think tank and a fuel tank",
        "rising auto sales in smart cities",
        "哪吒之魔童闹海",
        "狭义上讲",  # "narrowly speaking", not CPCA's narrow passenger cars
        "大陆集团",  # Continental, not the mainland
    ],
)
def test_ordinary_words_name_nothing(text: str) -> None:
    assert _found(text) == []


def _one(**entry: object) -> dict[str, object]:
    henan = {"name": "Henan", "kind": "region", "level": "province", "aliases": ["河南"]}
    return {"entity": [henan, entry]}


def _with_collective(row: dict[str, object]) -> dict[str, object]:
    return {**_one(name="X", kind="maker"), "collective": [row]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"entity": [], "entities": []}, "'entities'"),
        (_one(name="X", kind="maker", alias=["X"]), "entity 'X': unknown key 'alias'"),
        (_one(name="X", kind="carmaker"), "unknown kind 'carmaker'"),
        (_one(name="X", kind="maker", parent="Y"), "unknown parent 'Y'"),
        (_one(name="X", kind="maker", level="city"), "level is for regions only"),
        (_one(name="X", kind="region"), "needs a level"),
        (_one(name="X", kind="region", level="city", within="No"), "'No' is not a province"),
        (_one(name="X", kind="maker", within="Henan"), "within is for cities only"),
        (_one(name="X", kind="maker", capital="Zhengzhou"), "capital is for provinces only"),
        (
            _one(name="X", kind="region", level="province", capital="Hefei"),
            "capital 'Hefei' is not a city within it",
        ),
        (_one(name="X", kind="region", level="city", foreign=True), "foreign is for makers only"),
        (_one(name="X", kind="maker", builds="tractors"), "builds is for makers, one of"),
        (_one(name="X", kind="region", level="city", builds="buses"), "builds is for makers"),
        (_one(name="X", kind="maker", powertrain="phev"), "powertrain is for makers"),
        (_one(name="X", kind="region", level="city", powertrain="bev"), "powertrain is for makers"),
        (_one(name="X", kind="maker", powertrain_until=date(2024, 1, 1)), "beside a powertrain"),
        (_one(name="X", kind="maker", powertrain="bev", powertrain_until="soon"), "must be a date"),
        (_one(name="X", kind="maker", nev_since=date(2022, 4, 1)), "beside nev_only"),
        (_one(name="X", kind="maker", nev_only=True, nev_since="soon"), "nev_since must be a date"),
        (_one(name="X", kind="maker", based=["Atlantis"]), "based in 'Atlantis', not a known"),
        (_one(name="X", kind="region", level="city", based=["Henan"]), "based is for makers"),
        (_one(name="X", kind="maker", aliases=["河南"]), "'河南' names both 'Henan' and 'X'"),
        (_one(name="X", kind="maker", aliases=["叉"], guard="乂:的"), "guard"),
        (_one(name="X", kind="maker", aliases=["叉", "乂"], guard=["叉:的", "乂"]), "guard"),
        (_one(name="X", kind="maker", aliases=["叉"], guard={"叉": "的"}), "guard"),
        (_one(name="X", kind="maker", sole_model={"names": ["X1"]}), "sole_model needs"),
        (_with_collective({"alias": "XY"}), "needs exactly"),
        (_with_collective({"alias": "XY", "members": ["X", "Y"]}), "unknown member 'Y'"),
        (_with_collective({"alias": "河南", "members": ["X", "Henan"]}), "already an alias"),
        (
            _one(name="X", kind="maker", sole_model={"names": ["X1"], "until": "soon"}),
            "until must be a date",
        ),
    ],
)  # fmt: skip
def test_invalid_lexicons_are_refused(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        load_lexicon(data)


def test_the_packaged_file_has_only_known_keys() -> None:
    raw = _raw()
    assert set(raw) == {"entity", "collective"}
    load_lexicon(raw)


@pytest.mark.parametrize("text", ["蔚小理分别交付", "The Weixiaoli trio"])
def test_a_collective_word_names_its_members_in_order(text: str) -> None:
    """蔚小理 / "Weixiaoli" is NIO, Xpeng and Li Auto in that order, one listed mention each
    on its share of the word, so 分别 can pair them with counts."""
    found = lexicon().find(text)
    assert [m.entity.name for m in found] == ["NIO", "Xpeng", "Li Auto"]
    assert all(m.listed for m in found)
    assert found[0].start == text.lower().index("蔚小理" if "蔚" in text else "weixiaoli")
    assert [m.end for m in found[:-1]] == [m.start for m in found[1:]]
    assert not lexicon().find("Weixiaolis")  # a whole word only


def test_a_sole_model_counts_for_its_maker_only_while_it_is_the_only_one() -> None:
    from datetime import date

    from crawler.figures.entities import sole_model_of

    assert sole_model_of("Li Auto", "handed over 7,094 Li ONEs", date(2021, 9, 30))
    assert not sole_model_of("Li Auto", "handed over 7,094 Li ONEs", date(2022, 9, 30))
    assert not sole_model_of("Li Auto", "handed over 7,094 L9s", date(2021, 9, 30))
    assert not sole_model_of("NIO", "handed over 7,094 Li ONEs", date(2021, 9, 30))


def test_provinces_know_their_capital_city() -> None:
    """ "the provincial capital" and 省会 need the city: every capital given is a listed city
    inside its province (checked on load), and the big car-making provinces have one."""
    entities = lexicon().entities
    for province, capital in [("Shaanxi", "Xi'an"), ("Anhui", "Hefei"), ("Henan", "Zhengzhou")]:
        assert entities[province].capital == capital
        assert entities[capital].within == province


def test_commercial_vehicle_makers_say_what_they_build() -> None:
    entities = lexicon().entities
    assert entities["FAW Jiefang"].builds == "trucks" and entities["Yutong"].builds == "buses"
    assert entities["Foton"].builds is None and entities["BYD"].builds is None


def test_makers_of_battery_electric_cars_only_say_so() -> None:
    entities = lexicon().entities
    assert {n for n, e in entities.items() if e.powertrain == "bev"} == {
        "NIO", "Onvo", "Firefly", "Tesla", "Tesla China", "Polestar",
        "Xpeng", "Xiaomi Auto", "Zeekr", "Aion", "Avatr", "WM Motor", "Leapmotor",
    }  # fmt: skip


def test_a_maker_that_added_other_powertrains_was_battery_electric_only_until_then() -> None:
    xpeng, nio = lexicon().entities["Xpeng"], lexicon().entities["NIO"]
    assert xpeng.battery_electric_only(date(2024, 6, 1))
    assert not xpeng.battery_electric_only(date(2026, 1, 2))
    assert nio.battery_electric_only(date(2026, 1, 2))
    assert not lexicon().entities["BYD"].battery_electric_only(date(2020, 1, 1))


def test_a_maker_that_dropped_petrol_cars_is_nev_only_from_then() -> None:
    byd, nio = lexicon().entities["BYD"], lexicon().entities["NIO"]
    assert not byd.nev_only_on(date(2019, 12, 31)) and byd.nev_only_on(date(2022, 4, 30))
    assert byd.nev_only_on(None) and nio.nev_only_on(date(2018, 6, 30))


def test_makers_based_abroad_are_marked_and_their_china_arms_are_not() -> None:
    entities = lexicon().entities
    assert entities["Tesla"].foreign and entities["Volkswagen"].foreign
    assert not entities["Tesla China"].foreign and not entities["BYD"].foreign
    assert not entities["SAIC-GM"].foreign


def test_makers_know_where_they_are_based() -> None:
    known = lexicon()
    entities = known.entities
    assert known.based_in(entities["SAIC-GM-Wuling"], entities["Liuzhou"])
    assert known.based_in(entities["SAIC-GM-Wuling"], entities["Guangxi"])  # the province
    assert known.based_in(entities["NIO"], entities["Liuzhou"]) is False
    assert known.based_in(entities["Baojun"], entities["Liuzhou"])  # a brand: its parent's
    assert known.based_in(entities["Aiways"], entities["Shanghai"]) is None  # not said
