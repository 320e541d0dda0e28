"""The configuration schema's common ground: strict pydantic models that reject unknown keys,
TOML files read into them with every error one line naming the file and the key, and the
defaults that more than one file shares (the sources' time zone).

Seeds (``crawler.seeds``) and evwatch.toml (``alerts.config``) are declared with it; every
default is written once, on its model.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, ValidationError

# Where the sources publish and their readers live: publication times without a zone, the
# months figures speak of, a subscriber's digest hour and the daemon's cron lines.
DEFAULT_TIMEZONE = "Asia/Shanghai"
DEFAULT_TZ = ZoneInfo(DEFAULT_TIMEZONE)


class Strict(BaseModel):
    """A table of a configuration file: unknown keys are errors, values are never coerced from
    another type (fields say StrictInt, StrictStr ...), numbers are finite (``inf`` and ``nan``
    would pass every bound and crash the daemon later), instances are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


Model = TypeVar("Model", bound=BaseModel)

_TYPE_WORDS = {
    "string_type": "must be of type str",
    "int_type": "must be of type int",
    "float_type": "must be of type float",
    "bool_type": "must be of type bool",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "tuple_type": "must be a list",
    "list_type": "must be a list",
}


def dotted(location: tuple[int | str, ...]) -> str:
    """``("discovery", "speed")`` -> ``discovery.speed``; list positions as ``[n]``."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def describe(error: Any) -> str:
    """One pydantic error as ``key 'a.b' must be ...`` (or unknown, or missing)."""
    location = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key '{dotted(location)}'"
    if kind == "missing":
        return f"missing required key '{dotted(location)}'"
    if location and isinstance(location[-1], int) and kind == "string_type":
        return f"key '{dotted(location[:-1])}' must be a list of strings"
    words = _TYPE_WORDS.get(kind)
    if words is None:
        message = str(error["msg"]).removeprefix("Value error, ")
        words = message if message[:1].islower() else message[:1].lower() + message[1:]
    return f"key '{dotted(location)}' {words}" if location else words


def validation_message(where: str, exc: ValidationError) -> str:
    """The first problem of a validation error, as one line naming the file and the key."""
    return f"{where}: {describe(exc.errors()[0])}"


def read_toml(path: Path, error: type[Exception]) -> dict[str, Any]:
    """A TOML file as a dict; an unreadable or malformed file raises ``error`` in one line."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not valid TOML ({exc})") from None


def build(model: type[Model], data: dict[str, Any], where: str, error: type[Exception]) -> Model:
    """``data`` validated into ``model``; the first problem raises ``error`` naming the key."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise error(validation_message(where, exc)) from None
