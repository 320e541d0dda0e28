"""evwatch.toml: alert rule settings, subscribers and their channels, SMTP, dispatch, and the
daemon's schedule.

Found at ``--config``, else ``$EVWATCH_CONFIG``, else ``./evwatch.toml``; without a file the
defaults apply and there are no subscribers (alerts are still recorded). Every error names the
key. Secrets are never in the file: it names the environment variables that hold them, and they
are read only when a message is sent.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from alerts.channels import SmtpSettings

DEFAULT_LADDER = (
    10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 100_000, 150_000, 200_000,
    300_000, 500_000,
)  # fmt: skip
DEFAULT_MILESTONES = (
    100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 20_000_000,
    50_000_000,
)  # fmt: skip
METRICS = ("deliveries", "production", "sales", "exports")
KINDS = (
    "threshold", "record", "streak", "milestone", "growth", "claim", "revision", "source_health",
)  # fmt: skip
SHANGHAI = ZoneInfo("Asia/Shanghai")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


def known_entity(name: str) -> bool:
    """Whether the parser's lexicon knows the entity (loaded only when a filter names one)."""
    from crawler.figures.entities import canonical_name, lexicon

    return canonical_name(name) in lexicon().entities


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class RuleSettings:
    thresholds: dict[str, tuple[int, ...]] = field(default_factory=dict)  # metric -> ladder
    default_ladder: tuple[int, ...] = DEFAULT_LADDER
    milestones: tuple[int, ...] = DEFAULT_MILESTONES
    record_min_history: int = 3
    streak_min: int = 2
    growth_enabled: bool = False
    growth_yoy_at_least: float = 100.0
    growth_yoy_at_most: float = -30.0
    source_health_runs: int = 3

    def ladder(self, metric: str) -> tuple[int, ...]:
        return self.thresholds.get(metric, self.default_ladder)


@dataclass(frozen=True)
class Webhook:
    url: str
    secret_env: str

    def secret(self) -> str:
        value = os.environ.get(self.secret_env)
        if not value:
            raise ConfigError(f"environment variable {self.secret_env} (webhook secret) is unset")
        return value


@dataclass(frozen=True)
class Subscriber:
    name: str
    emails: tuple[str, ...] = ()
    webhook: Webhook | None = None
    entities: frozenset[str] = frozenset()  # empty: all; names as written (groups expanded later)
    metrics: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    mode: str = "immediate"  # immediate | digest
    digest_at: time = time(8, 0)
    timezone: ZoneInfo = SHANGHAI

    def channels(self) -> list[tuple[str, str]]:
        """(channel, target) pairs: one email channel for all addresses, one webhook."""
        routes = [("email", ", ".join(self.emails))] if self.emails else []
        if self.webhook:
            routes.append(("webhook", self.webhook.url))
        return routes


@dataclass(frozen=True)
class SmtpConfig:
    """The mail server: its settings without the password, and the variable that holds it."""

    settings: SmtpSettings
    password_env: str | None = None

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


@dataclass(frozen=True)
class DispatchSettings:
    max_attempts: int = 8
    backoff_seconds: float = 60.0  # doubles after each failure
    max_backoff_seconds: float = 6 * 3600.0


@dataclass(frozen=True)
class SourceSchedule:
    """When one source is crawled: every ``interval_minutes`` (with jitter) or a cron line."""

    interval_minutes: float | None = None
    cron: str | None = None


@dataclass(frozen=True)
class DaemonSettings:
    timezone: ZoneInfo = SHANGHAI  # cron lines and the housekeeping time are read in it
    sources: dict[str, SourceSchedule] = field(default_factory=dict)
    crawl_timeout_seconds: float = 20 * 60.0  # hard wall-clock limit of one crawl
    dispatch_interval_seconds: float = 60.0
    stop_timeout_seconds: float = 60.0  # how long SIGTERM waits for a running crawl
    housekeeping_at: time = time(3, 30)
    raw_retention_days: int = 365  # raw pages older than this are dropped (text stays)
    backup_path: str | None = None  # a copy of the SQLite database after housekeeping


@dataclass(frozen=True)
class Config:
    rules: RuleSettings = field(default_factory=RuleSettings)
    subscribers: tuple[Subscriber, ...] = ()
    smtp: SmtpConfig | None = None
    dispatch: DispatchSettings = field(default_factory=DispatchSettings)
    daemon: DaemonSettings = field(default_factory=DaemonSettings)
    path: Path | None = None

    def subscriber(self, name: str) -> Subscriber:
        for subscriber in self.subscribers:
            if subscriber.name == name:
                return subscriber
        known = ", ".join(s.name for s in self.subscribers) or "none configured"
        raise ConfigError(f"no subscriber named {name!r} (known: {known})")


def config_path(cli_value: str | None = None) -> Path | None:
    """--config, else $EVWATCH_CONFIG, else ./evwatch.toml when it exists."""
    if cli_value:
        return Path(cli_value)
    if os.environ.get("EVWATCH_CONFIG"):
        return Path(os.environ["EVWATCH_CONFIG"])
    default = Path("evwatch.toml")
    return default if default.exists() else None


def load_config(path: Path | str | None) -> Config:
    if path is None:
        return Config()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    return parse_config(data, str(path)) if data else Config(path=path)


def parse_config(data: dict[str, Any], where: str = "evwatch.toml") -> Config:
    reader = _Reader(where)
    reader.keys(data, "", {"rules", "subscriber", "smtp", "dispatch", "daemon"})
    subscribers = tuple(
        reader.subscriber(item, f"subscriber[{n}].")
        for n, item in enumerate(reader.list_of_tables(data, "subscriber"))
    )
    names = [s.name for s in subscribers]
    if len(set(names)) != len(names):
        duplicate = next(n for n in names if names.count(n) > 1)
        raise ConfigError(f"{where}: subscriber name {duplicate!r} is used twice")
    smtp = reader.smtp(data["smtp"]) if "smtp" in data else None
    if smtp is None and any(s.emails for s in subscribers):
        raise ConfigError(f"{where}: subscribers have email addresses but [smtp] is missing")
    return Config(
        rules=reader.rules(data.get("rules", {})),
        subscribers=subscribers,
        smtp=smtp,
        dispatch=reader.dispatch(data.get("dispatch", {})),
        daemon=reader.daemon(data.get("daemon", {})),
        path=Path(where),
    )


class _Reader:
    """Typed access to the parsed TOML, raising ConfigError that names file and key."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.where}: {key}: {problem}")

    def keys(self, table: Any, prefix: str, allowed: set[str]) -> None:
        if not isinstance(table, dict):
            raise self.fail(prefix.rstrip(".") or "(top level)", "must be a table")
        for key in table:
            if key not in allowed:
                raise self.fail(f"{prefix}{key}", "unknown key")

    def list_of_tables(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, "must be an array of tables ([[subscriber]])")
        return value

    def typed(self, table: dict[str, Any], key: str, prefix: str, kind: type, default: Any) -> Any:
        if key not in table:
            return default
        value = table[key]
        ok = isinstance(value, kind) and not (kind in (int, float) and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value, ok = float(value), True
        if not ok:
            raise self.fail(f"{prefix}{key}", f"must be {kind.__name__}, got {value!r}")
        return value

    def positive(self, table: dict[str, Any], key: str, prefix: str, default: int) -> int:
        value = int(self.typed(table, key, prefix, int, default))
        if value < 1:
            raise self.fail(f"{prefix}{key}", f"must be at least 1, got {value}")
        return value

    def strings(self, table: dict[str, Any], key: str, prefix: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"{prefix}{key}", "must be a list of non-empty strings")
        return tuple(value)

    def ladder(self, value: Any, key: str) -> tuple[int, ...]:
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value)
        ):
            raise self.fail(key, "must be a non-empty list of positive integers")
        return tuple(sorted(set(value)))

    def rules(self, table: dict[str, Any]) -> RuleSettings:
        p = "rules."
        self.keys(
            table, p, {"thresholds", "milestones", "record", "streak", "growth", "source_health"}
        )
        thresholds_table = table.get("thresholds", {})
        self.keys(thresholds_table, f"{p}thresholds.", {"default", *METRICS})
        thresholds = {
            metric: self.ladder(value, f"{p}thresholds.{metric}")
            for metric, value in thresholds_table.items()
            if metric != "default"
        }
        default_ladder = (
            self.ladder(thresholds_table["default"], f"{p}thresholds.default")
            if "default" in thresholds_table
            else DEFAULT_LADDER
        )
        milestones = table.get("milestones", {})
        self.keys(milestones, f"{p}milestones.", {"marks"})
        record = table.get("record", {})
        self.keys(record, f"{p}record.", {"min_history"})
        streak = table.get("streak", {})
        self.keys(streak, f"{p}streak.", {"min_months"})
        growth = table.get("growth", {})
        self.keys(growth, f"{p}growth.", {"enabled", "yoy_at_least", "yoy_at_most"})
        health = table.get("source_health", {})
        self.keys(health, f"{p}source_health.", {"runs"})
        streak_min = self.positive(streak, "min_months", f"{p}streak.", 2)
        if streak_min < 2:
            raise self.fail(f"{p}streak.min_months", "must be at least 2")
        return RuleSettings(
            thresholds=thresholds,
            default_ladder=default_ladder,
            milestones=(
                self.ladder(milestones["marks"], f"{p}milestones.marks")
                if "marks" in milestones
                else DEFAULT_MILESTONES
            ),
            record_min_history=self.positive(record, "min_history", f"{p}record.", 3),
            streak_min=streak_min,
            growth_enabled=self.typed(growth, "enabled", f"{p}growth.", bool, False),
            growth_yoy_at_least=self.typed(growth, "yoy_at_least", f"{p}growth.", float, 100.0),
            growth_yoy_at_most=self.typed(growth, "yoy_at_most", f"{p}growth.", float, -30.0),
            source_health_runs=self.positive(health, "runs", f"{p}source_health.", 3),
        )

    def subscriber(self, table: dict[str, Any], p: str) -> Subscriber:
        allowed = {
            "name", "email", "webhook", "entities", "metrics", "kinds", "mode", "digest_at",
            "timezone",
        }  # fmt: skip
        self.keys(table, p, allowed)
        name = self.typed(table, "name", p, str, "")
        if not name:
            raise self.fail(f"{p}name", "is required")
        p = f"subscriber {name!r}: "
        emails = self.strings(table, "email", p)
        for address in emails:
            if not _EMAIL.match(address):
                raise self.fail(f"{p}email", f"not an email address: {address!r}")
        webhook = self.webhook(table["webhook"], f"{p}webhook.") if "webhook" in table else None
        if not emails and webhook is None:
            raise self.fail(f"{p}email", "a subscriber needs an email address or a webhook")
        entities = self.strings(table, "entities", p)
        for entity in entities:
            if not known_entity(entity):
                raise self.fail(f"{p}entities", f"unknown entity {entity!r} (not in the lexicon)")
        metrics = self.strings(table, "metrics", p)
        for metric in metrics:
            if metric not in METRICS:
                raise self.fail(f"{p}metrics", f"unknown metric {metric!r} (one of {METRICS})")
        kinds = self.strings(table, "kinds", p)
        for kind in kinds:
            if kind not in KINDS:
                raise self.fail(f"{p}kinds", f"unknown rule kind {kind!r} (one of {KINDS})")
        mode = self.typed(table, "mode", p, str, "immediate")
        if mode not in ("immediate", "digest"):
            raise self.fail(f"{p}mode", f"must be 'immediate' or 'digest', got {mode!r}")
        digest_at = self.clock(table, "digest_at", p, "08:00")
        tz = self.zone(table, "timezone", p)
        return Subscriber(
            name=name,
            emails=emails,
            webhook=webhook,
            entities=frozenset(entities),
            metrics=frozenset(metrics),
            kinds=frozenset(kinds),
            mode=mode,
            digest_at=digest_at,
            timezone=tz,
        )

    def webhook(self, table: Any, p: str) -> Webhook:
        self.keys(table, p, {"url", "secret_env"})
        url = self.typed(table, "url", p, str, "")
        if not re.match(r"^https?://[^\s/]+", url):
            raise self.fail(f"{p}url", "must be an http:// or https:// URL")
        secret_env = self.env_name(table, "secret_env", p, required=True)
        assert secret_env is not None
        return Webhook(url=url, secret_env=secret_env)

    def env_name(self, table: dict[str, Any], key: str, p: str, *, required: bool) -> str | None:
        value = self.typed(table, key, p, str, None)
        if value is None:
            if required:
                raise self.fail(f"{p}{key}", "is required (the environment variable to read)")
            return None
        if not _ENV_NAME.match(value):
            raise self.fail(f"{p}{key}", "must name an environment variable, not hold a secret")
        return str(value)

    def smtp(self, table: Any) -> SmtpConfig:
        p = "smtp."
        allowed = {
            "host", "port", "security", "username", "password_env", "sender", "timeout", "ca_file",
        }  # fmt: skip
        self.keys(table, p, allowed)
        host = self.typed(table, "host", p, str, "")
        if not host:
            raise self.fail(f"{p}host", "is required")
        security = self.typed(table, "security", p, str, "starttls")
        username = self.typed(table, "username", p, str, None)
        password_env = self.env_name(table, "password_env", p, required=False)
        try:
            settings = SmtpSettings(
                host=host,
                port=self.typed(table, "port", p, int, 465 if security == "ssl" else 587),
                security=security,
                username=username,
                sender=self.typed(table, "sender", p, str, "evwatch <evwatch@localhost>"),
                timeout=self.typed(table, "timeout", p, float, 20.0),
                ca_file=self.typed(table, "ca_file", p, str, None),
            )
        except ValueError as exc:  # SmtpSettings names the key
            raise ConfigError(f"{self.where}: {exc}") from None
        if password_env and not username:
            raise self.fail(f"{p}password_env", "needs smtp.username")
        return SmtpConfig(settings, password_env)

    def zone(self, table: dict[str, Any], key: str, p: str) -> ZoneInfo:
        name = self.typed(table, key, p, str, "Asia/Shanghai")
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise self.fail(f"{p}{key}", f"unknown timezone {name!r}") from None

    def clock(self, table: dict[str, Any], key: str, p: str, default: str) -> time:
        text = self.typed(table, key, p, str, default)
        try:
            return time.fromisoformat(text)
        except ValueError:
            raise self.fail(f"{p}{key}", f"must be HH:MM, got {text!r}") from None

    def seconds(self, table: dict[str, Any], key: str, p: str, default: float) -> float:
        value = float(self.typed(table, key, p, float, default))
        if value <= 0:
            raise self.fail(f"{p}{key}", f"must be positive, got {value}")
        return value

    def daemon(self, table: Any) -> DaemonSettings:
        p = "daemon."
        allowed = {
            "timezone", "sources", "crawl_timeout_seconds", "dispatch_interval_seconds",
            "stop_timeout_seconds", "housekeeping_at", "raw_retention_days", "backup_path",
        }  # fmt: skip
        self.keys(table, p, allowed)
        sources = {}
        for name, schedule in table.get("sources", {}).items():
            where = f"{p}sources.{name}."
            self.keys(schedule, where, {"interval_minutes", "cron"})
            if ("interval_minutes" in schedule) == ("cron" in schedule):
                raise self.fail(where.rstrip("."), "give either interval_minutes or cron")
            cron = self.typed(schedule, "cron", where, str, None)
            if cron is not None:
                try:
                    from apscheduler.triggers.cron import CronTrigger  # only to check a cron line

                    CronTrigger.from_crontab(cron)
                except ValueError as exc:
                    raise self.fail(f"{where}cron", f"not a crontab line ({exc})") from None
            interval = schedule.get("interval_minutes")
            if interval is not None:
                interval = self.seconds(schedule, "interval_minutes", where, 30.0)
            sources[name] = SourceSchedule(interval_minutes=interval, cron=cron)
        return DaemonSettings(
            timezone=self.zone(table, "timezone", p),
            sources=sources,
            crawl_timeout_seconds=self.seconds(table, "crawl_timeout_seconds", p, 1200.0),
            dispatch_interval_seconds=self.seconds(table, "dispatch_interval_seconds", p, 60.0),
            stop_timeout_seconds=self.seconds(table, "stop_timeout_seconds", p, 60.0),
            housekeeping_at=self.clock(table, "housekeeping_at", p, "03:30"),
            raw_retention_days=self.positive(table, "raw_retention_days", p, 365),
            backup_path=self.typed(table, "backup_path", p, str, None),
        )

    def dispatch(self, table: Any) -> DispatchSettings:
        p = "dispatch."
        self.keys(table, p, {"max_attempts", "backoff_seconds", "max_backoff_seconds"})
        return DispatchSettings(
            max_attempts=self.positive(table, "max_attempts", p, 8),
            backoff_seconds=self.typed(table, "backoff_seconds", p, float, 60.0),
            max_backoff_seconds=self.typed(table, "max_backoff_seconds", p, float, 6 * 3600.0),
        )
