"""evwatch.toml: alert rule settings, subscribers and their channels, SMTP, dispatch, and the
daemon's schedule, declared once as a schema (every default is on its field here).

Found at ``--config``, else ``$EVWATCH_CONFIG``, else ``./evwatch.toml``; without a file the
defaults apply and there are no subscribers (alerts are still recorded). Unknown keys are
errors, and every error is one line naming the file and the key. Secrets are never in the
file: it names the environment variables that hold them, read only when a message is sent.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    Field,
    PrivateAttr,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    field_validator,
    model_validator,
)

from alerts.channels import SmtpSettings
from alerts.configfile import SOURCE_HEALTH_RUNS
from alerts.configfile import config_path as config_path
from crawler.schema import DEFAULT_TIMEZONE, Strict, describe, dotted, read_toml

METRICS = ("deliveries", "production", "sales", "exports")
KINDS = (
    "threshold", "record", "streak", "milestone", "growth", "claim", "revision", "source_health",
)  # fmt: skip
DEFAULT_LADDER = (
    10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 100_000, 150_000, 200_000,
    300_000, 500_000,
)  # fmt: skip
DEFAULT_MILESTONES = (
    100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 20_000_000,
    50_000_000,
)  # fmt: skip
# Environment variable names as POSIX shells write them: a pasted secret (mixed case, base64, a
# "whsec_" prefix) never matches, so it is refused before it can be printed or stored.
_ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")

Positive = Field(ge=1)
Strings = tuple[StrictStr, ...]


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file and the key."""


def known_entity(name: str) -> bool:
    """Whether the parser's lexicon knows the entity (loaded only when a filter names one)."""
    from crawler.figures.entities import canonical_name, lexicon

    return canonical_name(name) in lexicon().entities


def _ladder(values: tuple[int, ...]) -> tuple[int, ...]:
    if not values or any(v <= 0 for v in values):
        raise ValueError("must be a non-empty list of positive integers")
    return tuple(sorted(set(values)))


def _zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown timezone {name!r}") from None
    return name


def _clock(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise ValueError(f"must be HH:MM, got {text!r}") from None


def _env_name(value: str) -> str:
    if not _ENV_NAME.match(value):
        # The value is never repeated: it may be the secret itself.
        raise ValueError(
            "must name an environment variable, not hold a secret (A-Z, 0-9 and _ only)"
        )
    return value


# -- [rules] -------------------------------------------------------------------------------------


class Thresholds(Strict):
    """Ladders of monthly values: ``default`` for every metric without its own."""

    default: tuple[StrictInt, ...] = DEFAULT_LADDER
    deliveries: tuple[StrictInt, ...] | None = None
    production: tuple[StrictInt, ...] | None = None
    sales: tuple[StrictInt, ...] | None = None
    exports: tuple[StrictInt, ...] | None = None

    @field_validator("*")
    @classmethod
    def _positive_ladder(cls, value: tuple[int, ...] | None) -> tuple[int, ...] | None:
        return None if value is None else _ladder(value)


class Milestones(Strict):
    marks: tuple[StrictInt, ...] = DEFAULT_MILESTONES

    @field_validator("marks")
    @classmethod
    def _positive(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        return _ladder(value)


class Record(Strict):
    min_history: StrictInt = Field(3, ge=1)  # earlier months needed before "a record"


class Evidence(Strict):
    """The evidence gate: an alert whose figure's parser confidence is below ``min_confidence``
    is held (stored, not delivered) until a second source or a confident restatement
    corroborates it. The default, 0.85, holds what real news showed to be the weak readings
    (a subject or period taken from another sentence, no vehicle noun) while the plain
    "X delivered N vehicles in <month>" sentence (0.9 and above) goes straight out."""

    min_confidence: StrictFloat = Field(0.85, ge=0.0, le=1.0)


class Streak(Strict):
    min_months: StrictInt = Field(2, ge=2)


class Growth(Strict):
    enabled: StrictBool = False
    yoy_at_least: StrictFloat = 100.0
    yoy_at_most: StrictFloat = -30.0


class SourceHealth(Strict):
    runs: StrictInt = Field(SOURCE_HEALTH_RUNS, ge=1)  # bad runs in a row before it is down


class RuleSettings(Strict):
    thresholds: Thresholds = Field(default_factory=Thresholds)
    milestones: Milestones = Field(default_factory=Milestones)
    record: Record = Field(default_factory=Record)
    streak: Streak = Field(default_factory=Streak)
    growth: Growth = Field(default_factory=Growth)
    source_health: SourceHealth = Field(default_factory=SourceHealth)
    evidence: Evidence = Field(default_factory=Evidence)

    def ladder(self, metric: str) -> tuple[int, ...]:
        own: tuple[int, ...] | None = getattr(self.thresholds, metric, None)
        return own or self.thresholds.default

    # The rules read these names.
    @property
    def milestone_marks(self) -> tuple[int, ...]:
        return self.milestones.marks

    @property
    def record_min_history(self) -> int:
        return self.record.min_history

    @property
    def streak_min(self) -> int:
        return self.streak.min_months

    @property
    def growth_enabled(self) -> bool:
        return self.growth.enabled

    @property
    def growth_yoy_at_least(self) -> float:
        return self.growth.yoy_at_least

    @property
    def growth_yoy_at_most(self) -> float:
        return self.growth.yoy_at_most

    @property
    def source_health_runs(self) -> int:
        return self.source_health.runs


# -- [[subscriber]] ------------------------------------------------------------------------------


class Webhook(Strict):
    url: StrictStr
    secret_env: StrictStr
    # Loopback, private, link-local and metadata addresses are refused unless this is set.
    allow_private_addresses: StrictBool = False

    @field_validator("url")
    @classmethod
    def _http(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("must be an http:// or https:// URL")
        return value

    @field_validator("secret_env")
    @classmethod
    def _names_a_variable(cls, value: str) -> str:
        return _env_name(value)

    def secret(self) -> str:
        value = os.environ.get(self.secret_env)
        if not value:
            raise ConfigError(f"environment variable {self.secret_env} (webhook secret) is unset")
        return value


class Subscriber(Strict):
    name: StrictStr = Field(min_length=1)
    email: Strings = ()
    webhook: Webhook | None = None
    entities: frozenset[StrictStr] = frozenset()  # empty: all (groups expanded when matching)
    metrics: frozenset[StrictStr] = frozenset()
    kinds: frozenset[StrictStr] = frozenset()
    mode: StrictStr = "immediate"  # immediate | digest
    digest_at: time = time(8, 0)  # local time of the daily digest
    timezone: StrictStr = DEFAULT_TIMEZONE

    @field_validator("email", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("email")
    @classmethod
    def _addresses(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for address in value:
            if not _EMAIL.match(address):
                raise ValueError(f"not an email address: {address!r}")
        return value

    @field_validator("entities")
    @classmethod
    def _known_entities(cls, value: frozenset[str]) -> frozenset[str]:
        for entity in sorted(value):
            if not known_entity(entity):
                raise ValueError(f"unknown entity {entity!r} (not in the lexicon)")
        return value

    @field_validator("metrics")
    @classmethod
    def _known_metrics(cls, value: frozenset[str]) -> frozenset[str]:
        for metric in sorted(value - set(METRICS)):
            raise ValueError(f"unknown metric {metric!r} (one of {METRICS})")
        return value

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, value: frozenset[str]) -> frozenset[str]:
        for kind in sorted(value - set(KINDS)):
            raise ValueError(f"unknown rule kind {kind!r} (one of {KINDS})")
        return value

    @field_validator("mode")
    @classmethod
    def _mode(cls, value: str) -> str:
        if value not in ("immediate", "digest"):
            raise ValueError(f"must be 'immediate' or 'digest', got {value!r}")
        return value

    @field_validator("digest_at", mode="before")
    @classmethod
    def _digest_clock(cls, value: Any) -> Any:
        return _clock(value) if isinstance(value, str) else value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        return _zone(value)

    @model_validator(mode="after")
    def _reachable(self) -> Subscriber:
        if not self.email and self.webhook is None:
            raise ValueError("email: a subscriber needs an email address or a webhook")
        return self

    @property
    def emails(self) -> tuple[str, ...]:
        return self.email

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def channels(self) -> list[tuple[str, str]]:
        """(channel, target) pairs: one email channel for all addresses, one webhook."""
        routes = [("email", ", ".join(self.email))] if self.email else []
        if self.webhook:
            routes.append(("webhook", self.webhook.url))
        return routes


# -- [smtp], [dispatch], [daemon] ----------------------------------------------------------------


class SmtpConfig(Strict):
    """The mail server: its settings without the password, and the variable that holds it."""

    host: StrictStr = Field(min_length=1)
    port: StrictInt | None = None  # 465 for ssl, else 587
    security: StrictStr = "starttls"
    username: StrictStr | None = None
    password_env: StrictStr | None = None
    sender: StrictStr = "evwatch <evwatch@localhost>"
    timeout: StrictFloat = 20.0
    ca_file: StrictStr | None = None

    @field_validator("password_env")
    @classmethod
    def _names_a_variable(cls, value: str | None) -> str | None:
        return None if value is None else _env_name(value)

    @model_validator(mode="after")
    def _usable(self) -> SmtpConfig:
        self.settings  # noqa: B018  (SmtpSettings checks host, port, security, timeout)
        if self.password_env and not self.username:
            raise ValueError("password_env: needs smtp.username")
        return self

    @property
    def settings(self) -> SmtpSettings:
        return SmtpSettings(
            host=self.host,
            port=self.port or (465 if self.security == "ssl" else 587),
            security=self.security,
            username=self.username,
            sender=self.sender,
            timeout=self.timeout,
            ca_file=self.ca_file,
        )

    def password(self) -> str | None:
        if not self.password_env:
            return None
        value = os.environ.get(self.password_env)
        if value is None:
            raise ConfigError(f"environment variable {self.password_env} (SMTP password) is unset")
        return value

    def with_password(self) -> SmtpSettings:
        """The settings to send with, the password read now."""
        return replace(self.settings, password=self.password())


class DispatchSettings(Strict):
    max_attempts: StrictInt = Field(8, ge=1)
    backoff_seconds: StrictFloat = Field(60.0, ge=0)  # doubles after each failure
    max_backoff_seconds: StrictFloat = Field(6 * 3600.0, ge=0)


class SourceSchedule(Strict):
    """When one source is crawled: every ``interval_minutes`` (with jitter) or a cron line."""

    interval_minutes: StrictFloat | None = Field(None, gt=0)
    cron: StrictStr | None = None

    @field_validator("cron")
    @classmethod
    def _crontab(cls, value: str | None) -> str | None:
        if value is not None:
            from apscheduler.triggers.cron import CronTrigger  # only to check the line

            try:
                CronTrigger.from_crontab(value)
            except ValueError as exc:
                raise ValueError(f"not a crontab line ({exc})") from None
        return value

    @model_validator(mode="after")
    def _one_of(self) -> SourceSchedule:
        if (self.interval_minutes is None) == (self.cron is None):
            raise ValueError("give either interval_minutes or cron")
        return self


class DaemonSettings(Strict):
    timezone: StrictStr = DEFAULT_TIMEZONE  # cron lines and the housekeeping time are read in it
    sources: dict[StrictStr, SourceSchedule] = Field(default_factory=dict)
    crawl_timeout_seconds: StrictFloat = Field(20 * 60.0, gt=0)  # wall-clock limit of one crawl
    dispatch_interval_seconds: StrictFloat = Field(60.0, gt=0)
    stop_timeout_seconds: StrictFloat = Field(60.0, gt=0)  # how long SIGTERM waits for a crawl
    housekeeping_at: time = time(3, 30)
    raw_retention_days: StrictInt = Field(365, ge=1)  # raw pages older are dropped (text stays)
    backup_path: StrictStr | None = None  # a copy of the SQLite database after housekeeping

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        return _zone(value)

    @field_validator("housekeeping_at", mode="before")
    @classmethod
    def _housekeeping_clock(cls, value: Any) -> Any:
        return _clock(value) if isinstance(value, str) else value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


# -- the file ------------------------------------------------------------------------------------


class Config(Strict):
    rules: RuleSettings = Field(default_factory=RuleSettings)
    subscribers: tuple[Subscriber, ...] = Field((), alias="subscriber")
    smtp: SmtpConfig | None = None
    dispatch: DispatchSettings = Field(default_factory=DispatchSettings)
    daemon: DaemonSettings = Field(default_factory=DaemonSettings)
    _path: Path | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _consistent(self) -> Config:
        names = [s.name for s in self.subscribers]
        for name in names:
            if names.count(name) > 1:
                raise ValueError(f"subscriber name {name!r} is used twice")
        if self.smtp is None and any(s.email for s in self.subscribers):
            raise ValueError("subscribers have email addresses but [smtp] is missing")
        return self

    @property
    def path(self) -> Path | None:
        """The file the configuration was read from (None: the defaults)."""
        return self._path

    def subscriber(self, name: str) -> Subscriber:
        for subscriber in self.subscribers:
            if subscriber.name == name:
                return subscriber
        known = ", ".join(s.name for s in self.subscribers) or "none configured"
        raise ConfigError(f"no subscriber named {name!r} (known: {known})")


def load_config(path: Path | str | None) -> Config:
    if path is None:
        return Config()
    path = Path(path)
    config = parse_config(read_toml(path, ConfigError), str(path))
    config._path = path
    return config


def _problem(error: Any, data: dict[str, Any]) -> str:
    """One validation error as ``key: problem``; a subscriber named by its name."""
    location = tuple(error["loc"])
    prefix = ""
    if len(location) >= 2 and location[0] == "subscriber" and isinstance(location[1], int):
        entries = data.get("subscriber") or []
        entry = entries[location[1]] if location[1] < len(entries) else {}
        name = entry.get("name") if isinstance(entry, dict) else None
        if name:
            prefix, location = f"subscriber {name!r}: ", location[2:]
    problem = describe({**error, "loc": ()})
    if error["type"] == "extra_forbidden":
        problem = "unknown key"
    elif error["type"] == "missing":
        problem = "is required"
    return f"{prefix}{dotted(location)}: {problem}" if location else f"{prefix}{problem}"


def parse_config(data: dict[str, Any], where: str = "evwatch.toml") -> Config:
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{where}: {_problem(exc.errors()[0], data)}") from None
