"""evwatch.toml validation: every mistake is one line naming the file and the key, secrets stay
in the environment, and the CLI turns a bad file into exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from alerts.config import ConfigError, load_config
from evwatch.cli import main
from tests.conftest import run_evwatch

GOOD_SUBSCRIBER = '[[subscriber]]\nname = "desk"\nwebhook = { url = "https://h.example/x", secret_env = "DESK_SECRET" }\n'  # noqa: E501


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ("[rules]\nrecords = 3\n", "rules.records: unknown key"),
        ("[rules.thresholds]\ndeliveries = [10000, -5]\n", "rules.thresholds.deliveries"),
        ("[rules.streak]\nmin_months = 1\n", "rules.streak.min_months"),
        ('[[subscriber]]\nname = "x"\n', "needs an email address or a webhook"),
        ('[[subscriber]]\nname = "x"\nemail = ["not-an-address"]\n', "subscriber 'x': email"),
        (GOOD_SUBSCRIBER + 'mode = "hourly"\n', "subscriber 'desk': mode"),
        (GOOD_SUBSCRIBER + 'kinds = ["recrod"]\n', "unknown rule kind 'recrod'"),
        (GOOD_SUBSCRIBER + 'entities = ["Geeley"]\n', "unknown entity 'Geeley'"),
        (GOOD_SUBSCRIBER + 'digest_at = "8am"\n', "subscriber 'desk': digest_at"),
        (GOOD_SUBSCRIBER + 'timezone = "Mars/Olympus"\n', "unknown timezone"),
        ('[[subscriber]]\nname = "x"\nwebhook = { url = "ftp://x", secret_env = "S" }\n', "url"),
        (
            '[[subscriber]]\nname = "x"\nwebhook = { url = "https://x.example", '
            'secret_env = "whsec_abc+/=" }\n',
            "must name an environment variable, not hold a secret",
        ),
        ('[[subscriber]]\nname = "x"\nemail = ["a@example.org"]\n', "[smtp] is missing"),
        ('[smtp]\nhost = "mail.example.org"\nsecurity = "none"\n', "smtp.security"),
        ('[smtp]\nhost = "mail.example.org"\npassword = "hunter2"\n', "smtp.password: unknown"),
        ('[daemon.sources.jiemian]\ncron = "every day"\n', "daemon.sources.jiemian.cron"),
        ("[daemon.sources.jiemian]\n", "give either interval_minutes or cron"),
        ("[daemon]\nstop_timeout_seconds = 0\n", "daemon.stop_timeout_seconds"),
        (GOOD_SUBSCRIBER + GOOD_SUBSCRIBER, "'desk' is used twice"),
        ("this is not toml", "not valid TOML"),
    ],
)
def test_mistakes_name_the_file_and_key(tmp_path: Path, toml: str, named: str) -> None:
    path = tmp_path / "evwatch.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert str(path) in message and named in message
    assert "\n" not in message


def test_the_cli_reports_a_bad_file_in_one_line_without_the_secret(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVWATCH_SMTP_PASSWORD", "hunter2-secret")
    path = tmp_path / "evwatch.toml"
    path.write_text('[smtp]\nhost = "mail.example.org"\nport = 99999\n'
                    'password_env = "EVWATCH_SMTP_PASSWORD"\n', encoding="utf-8")  # fmt: skip
    assert main(["--db", f"sqlite:///{tmp_path / 'e.db'}", "--config", str(path), "dispatch"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "smtp.port" in err and "hunter2" not in err


def test_secrets_are_read_only_when_needed_and_never_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "evwatch.toml"
    path.write_text(GOOD_SUBSCRIBER, encoding="utf-8")
    config = load_config(path)  # loads without the secret set
    webhook = config.subscribers[0].webhook
    assert webhook is not None
    with pytest.raises(ConfigError, match="DESK_SECRET"):
        webhook.secret()
    monkeypatch.setenv("DESK_SECRET", "whsec_c2VjcmV0")
    assert webhook.secret() == "whsec_c2VjcmV0"
    assert "c2VjcmV0" not in repr(config)


def test_no_file_means_defaults_and_no_subscribers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVWATCH_CONFIG", raising=False)
    config = load_config(None)
    assert config.subscribers == () and config.rules.record_min_history == 3


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("webhook", "whsecAbC123xyz"),  # passed the old check: letters and digits only
        ("webhook", "desk_secret"),
        ("webhook", "9SECRET"),
        ("smtp", "Hunter2Secret"),
    ],
)
def test_secret_names_must_look_like_environment_variables_and_are_never_echoed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str
) -> None:
    path = tmp_path / "evwatch.toml"
    if key == "webhook":
        text = f'[[subscriber]]\nname = "x"\nwebhook = {{ url = "https://x.example", secret_env = "{value}" }}\n'  # noqa: E501
        named = "subscriber 'x': webhook.secret_env"
    else:
        text = f'[smtp]\nhost = "mail.example.org"\nusername = "u"\npassword_env = "{value}"\n'
        named = "smtp.password_env"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert named in str(caught.value) and value not in str(caught.value)
    assert main(["--db", f"sqlite:///{tmp_path / 'e.db'}", "--config", str(path), "dispatch"]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "environment variable" in captured.err
    assert value not in captured.err + captured.out


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ("[daemon]\nsources = [1, 2]\n", "daemon.sources"),
        ("[daemon]\ndispatch_interval_seconds = inf\n", "daemon.dispatch_interval_seconds"),
        ("[daemon]\ncrawl_timeout_seconds = nan\n", "daemon.crawl_timeout_seconds"),
        ("[daemon.sources.jiemian]\ninterval_minutes = inf\n", "daemon.sources.jiemian"),
        ("[dispatch]\nbackoff_seconds = -5.0\n", "dispatch.backoff_seconds"),
        ("[dispatch]\nmax_backoff_seconds = inf\n", "dispatch.max_backoff_seconds"),
        ("[rules.growth]\nyoy_at_least = nan\n", "rules.growth.yoy_at_least"),
    ],
)
def test_values_that_would_crash_the_daemon_are_errors_naming_the_key(
    tmp_path: Path, toml: str, named: str
) -> None:
    path = tmp_path / "evwatch.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert named in str(caught.value) and "\n" not in str(caught.value)


def test_the_daemon_refuses_a_schedule_for_an_unknown_source(tmp_path: Path) -> None:
    path = tmp_path / "evwatch.toml"
    path.write_text("[daemon.sources.jeimian]\ninterval_minutes = 5.0\n", encoding="utf-8")
    db = tmp_path / "e.db"
    child = run_evwatch("--db", f"sqlite:///{db}", "--config", str(path), "daemon", timeout=60)
    assert child.returncode == 2
    assert child.stderr.strip().splitlines()[-1] == (
        f"evwatch: error: {path}: daemon.sources.jeimian: no such source "
        "(known: autobeta, henandaily, jiemian, tapas)"
    )
    assert "Traceback" not in child.stderr
