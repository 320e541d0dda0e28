"""The model names the figure parser knows (data/models.toml): loading and checking them.

A count of a model is the model's, not its maker's; the names here are the ones no maker,
brand or place shares, so each is matched wherever it stands."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class ModelNames:
    """Chinese names (matched as characters) and English ones (matched as whole words)."""

    zh: tuple[str, ...]
    en: tuple[str, ...]

    def zh_pattern(self) -> str:
        """An alternation of the Chinese names, for a larger pattern."""
        return "|".join(map(re.escape, self.zh))

    def en_pattern(self) -> str:
        """An alternation of the English names (to be put between word boundaries)."""
        return "|".join(map(re.escape, self.en))


def parse_model_names(raw: str) -> ModelNames:
    """The names of a models.toml text; an unknown key, a missing list or a name that is not
    a non-empty string is an error, with the file named."""
    data = tomllib.loads(raw)
    unknown = set(data) - {"zh", "en"}
    if unknown:
        raise ValueError(f"models.toml: unknown key(s) {sorted(unknown)}")
    lists = {}
    for key in ("zh", "en"):
        names = data.get(key)
        if not isinstance(names, list) or not names:
            raise ValueError(f"models.toml: {key!r} must be a non-empty list of names")
        bad = [name for name in names if not isinstance(name, str) or not name.strip()]
        if bad:
            raise ValueError(f"models.toml: {key!r} holds names that are not text: {bad}")
        lists[key] = tuple(names)
    return ModelNames(zh=lists["zh"], en=lists["en"])


@cache
def model_names() -> ModelNames:
    """The packaged model names, read once."""
    raw = resources.files("crawler.figures").joinpath("data/models.toml").read_text("utf-8")
    return parse_model_names(raw)
