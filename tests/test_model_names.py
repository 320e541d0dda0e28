"""The model names the figure parser knows (crawler/figures/data/models.toml): validation, and
the rule that no maker, brand or place shares a name with a model."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.figures import parse_figures
from crawler.figures.entities import lexicon
from crawler.figures.modelnames import model_names, parse_model_names


def test_the_packaged_file_loads_both_languages() -> None:
    names = model_names()
    assert "轩逸" in names.zh and "Sylphy" in names.en
    assert len(set(names.zh)) == len(names.zh) and len(set(names.en)) == len(names.en)


def test_no_model_name_is_an_alias_of_an_entity() -> None:
    """A name matched wherever it stands must not also name a maker, brand or place."""
    aliases = {alias.casefold() for alias in lexicon().by_alias}
    names = model_names()
    assert not [name for name in (*names.zh, *names.en) if name.casefold() in aliases]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('zh = ["轩逸"]\nen = ["Sylphy"]\nfr = ["Zoé"]', "unknown key"),
        ('zh = ["轩逸"]', "'en' must be a non-empty list"),
        ('zh = []\nen = ["Sylphy"]', "'zh' must be a non-empty list"),
        ('zh = ["轩逸", 3]\nen = ["Sylphy"]', "names that are not text"),
        ('zh = ["轩逸"]\nen = [" "]', "names that are not text"),
    ],
)
def test_invalid_files_are_refused(raw: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"models.toml: .*{message}"):
        parse_model_names(raw)


def test_a_count_of_a_listed_model_is_not_its_makers() -> None:
    """The maker's count is kept; the listed model's is not given to the maker."""
    text = "东风日产11月销量12.1万辆，轩逸贡献4.5万辆。"
    figures = parse_figures(text, date(2023, 12, 5))
    assert [(f.entity, f.value) for f in figures] == [("Dongfeng Nissan", 121000)]
