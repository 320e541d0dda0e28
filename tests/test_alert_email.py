"""Email channel and rendering, against a real aiosmtpd server on 127.0.0.1: headers, both parts,
hostile source strings escaped, header injection, STARTTLS/SMTPS with certificate verification
(a private CA from ``trustme``), authentication, refusals, an unreachable server, digests."""

from __future__ import annotations

import json
import socket
import ssl
import time
from collections.abc import Iterator
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest
import trustme

from alerts.channels import DeliveryResult, SmtpSettings
from alerts.email import alert_email, digest_email, send_email
from alerts.render import (
    digest_subject,
    html_body,
    subject,
    text_body,
    webhook_payload,
)
from tests.servers import HOST, SmtpServer, free_port, sample_alert

HOSTILE = '<script>alert(1)</script> & "quotes"'
SENDER = "evwatch <alerts@evwatch.test>"
TO = ["reader@example.com"]
PASSWORD = "pa55-Wörd-never-logged"


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def server_tls(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost", HOST).configure_cert(context)
    return context


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> str:
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture
def plain_server() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


def plain_settings(port: int, **overrides: object) -> SmtpSettings:
    return SmtpSettings(host=HOST, port=port, security="none", timeout=5, **overrides)  # type: ignore[arg-type]


def parts(message: EmailMessage) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in message.walk():
        if part.get_content_maintype() == "text":
            assert isinstance(part, EmailMessage)
            found[part.get_content_type()] = part.get_content()
    return found


def assert_one_line_without(result: DeliveryResult, *secrets: str) -> None:
    assert "\n" not in result.detail and "\r" not in result.detail
    for secret in secrets:
        assert secret not in result.detail
        assert secret not in repr(result)


# --- rendering ---------------------------------------------------------------------------------


def test_subject_is_one_line_and_bounded() -> None:
    alert = sample_alert(message="HIMA: record\r\nBcc: victim@example.com\n\tmore")
    line = subject(alert)
    assert line == "[evwatch] HIMA: record Bcc: victim@example.com more"
    long = subject(sample_alert(message="x" * 500))
    assert len(long) <= 200 and long.startswith("[evwatch] x") and long.endswith("…")


def test_html_escapes_every_source_string() -> None:
    alert = sample_alert(
        entity="<b>HIMA</b>",
        message=f"HIMA {HOSTILE}",
        article_title=HOSTILE,
        snippet=f"snippet {HOSTILE}\nsecond line",
        source_name="<i>src</i>",
        claims=(HOSTILE,),
        key='threshold:"x"<y>',
    )
    body = html_body(alert)
    assert "<script>" not in body and "<b>HIMA" not in body and "<i>src" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in body
    assert '<a href="https://www.jiemian.com/article/123.html"' in body
    text = text_body(alert)
    assert HOSTILE in text and "<b>HIMA</b>" in text


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://x/y", "//x/y"],
)
def test_only_http_urls_are_linked(url: str) -> None:
    body = html_body(sample_alert(article_url=url))
    assert "href=" not in body
    assert "<script>" not in body


def test_quoted_url_cannot_break_out_of_href() -> None:
    body = html_body(sample_alert(article_url='https://e.com/"onmouseover="alert(1)'))
    assert 'href="https://e.com/&quot;onmouseover=&quot;alert(1)"' in body


def test_text_body_has_the_facts() -> None:
    alert = sample_alert(
        kind="record",
        previous_value=78000,
        previous_period="Oct 2025",
        qualifier="at_least",
        historical=True,
    )
    text = text_body(alert)
    for expected in (
        "HIMA: first month above 80,000",
        "81,864 (at least)",
        "Nov 2025",
        "78,000 (Oct 2025)",
        "https://www.jiemian.com/article/123.html",
        "鸿蒙智行11月交付81864辆",
        "Historical",
    ):
        assert expected in text


def test_webhook_payload_shape() -> None:
    alert = sample_alert(previous_value=78000, previous_period="Oct 2025", claims=("record",))
    payload = webhook_payload(alert)
    assert list(payload) == [
        "version",
        "type",
        "alert_id",
        "key",
        "kind",
        "entity",
        "metric",
        "segment",
        "period",
        "value",
        "qualifier",
        "rung",
        "streak",
        "previous",
        "claims",
        "message",
        "article",
        "snippet",
        "created_at",
        "historical",
    ]
    assert payload["version"] == "1" and payload["type"] == "alert.threshold"
    assert payload["period"] == {"kind": "month", "start": "2025-11-01", "end": "2025-11-30"}
    assert payload["previous"] == {"value": 78000, "period": "Oct 2025"}
    assert payload["article"]["published_at"] == "2025-12-01T08:30:00Z"
    assert payload["created_at"] == "2025-12-01T09:00:00Z"
    assert webhook_payload(sample_alert())["previous"] is None
    json.dumps(payload)  # serialisable as is


# --- building messages -------------------------------------------------------------------------


def test_message_id_is_deterministic() -> None:
    first = alert_email(sample_alert(), SENDER, TO)
    again = alert_email(sample_alert(message="reworded"), SENDER, TO)
    other_reader = alert_email(sample_alert(), SENDER, ["other@example.com"])
    other_alert = alert_email(sample_alert(alert_id=43), SENDER, TO)
    assert first["Message-ID"] == again["Message-ID"]
    assert first["Message-ID"] != other_reader["Message-ID"]
    assert first["Message-ID"] != other_alert["Message-ID"]
    assert first["Message-ID"].endswith("@evwatch.local>")


def test_recipient_with_newline_is_rejected() -> None:
    with pytest.raises(ValueError):
        alert_email(sample_alert(), SENDER, ["a@example.com\r\nBcc: b@example.com"])
    with pytest.raises(ValueError):
        alert_email(sample_alert(), SENDER, [])


def test_settings_validation_and_repr() -> None:
    with pytest.raises(ValueError, match="loopback"):
        SmtpSettings(host="smtp.example.com", security="none")
    with pytest.raises(ValueError, match="security"):
        SmtpSettings(host="smtp.example.com", security="tls")
    for host in ("127.0.0.1", "::1", "localhost"):
        SmtpSettings(host=host, security="none")
    settings = SmtpSettings(host="smtp.example.com", username="u", password=PASSWORD)
    assert PASSWORD not in repr(settings) and PASSWORD not in str(settings)


# --- sending to a real server ------------------------------------------------------------------


def test_alert_delivered_with_headers_and_both_parts(plain_server: SmtpServer) -> None:
    alert = sample_alert(
        message="HIMA: first month above 80,000\r\nBcc: victim@example.com",
        article_title=HOSTILE,
    )
    message = alert_email(alert, SENDER, TO, message_id_domain="evwatch.test")
    result = send_email(plain_settings(plain_server.port), message)
    assert result.ok, result.detail
    assert len(plain_server.messages) == 1
    received = plain_server.messages[0]
    assert received.rcpt_tos == TO
    got = received.message
    assert got["Subject"] == "[evwatch] HIMA: first month above 80,000 Bcc: victim@example.com"
    assert got["Bcc"] is None
    assert got["From"] == SENDER
    assert got["To"] == TO[0]
    assert got["Message-ID"] == message["Message-ID"]
    assert got["Message-ID"].endswith("@evwatch.test>")
    assert got["X-Evwatch-Alert"] == "threshold:HIMA:deliveries:nev:80000"
    header_block = received.raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    assert not any(line.lower().startswith(b"bcc:") for line in header_block.split(b"\n"))
    found = parts(got)
    assert set(found) == {"text/plain", "text/html"}
    assert HOSTILE in found["text/plain"]
    assert "<script>" not in found["text/html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in found["text/html"]
    assert 'href="https://www.jiemian.com/article/123.html"' in found["text/html"]
    assert "鸿蒙智行11月全系交付新车81864辆" in found["text/plain"]


def test_resend_carries_same_message_id(plain_server: SmtpServer) -> None:
    settings = plain_settings(plain_server.port)
    for _ in range(2):
        assert send_email(settings, alert_email(sample_alert(), SENDER, TO)).ok
    ids = {received.message["Message-ID"] for received in plain_server.messages}
    assert len(plain_server.messages) == 2 and len(ids) == 1


def test_digest_lists_every_alert(plain_server: SmtpServer) -> None:
    alerts = [
        sample_alert(),
        sample_alert(
            alert_id=43,
            key="streak:Leapmotor:deliveries:nev:70000:2025-11",
            kind="streak",
            entity="Leapmotor",
            message="Leapmotor: second straight month above 70,000 deliveries",
            streak=2,
            rung=70000,
            value=70327,
        ),
        sample_alert(
            alert_id=44,
            key="record:BYD:sales:nev:2025-11",
            kind="record",
            entity="BYD",
            message=f"BYD: record month {HOSTILE}",
            previous_value=380000,
            previous_period="Oct 2025",
        ),
    ]
    day = date(2025, 12, 1)
    message = digest_email(alerts, day, SENDER, TO)
    assert digest_subject(alerts, day) == "[evwatch] 3 alerts for 2025-12-01"
    assert send_email(plain_settings(plain_server.port), message).ok
    assert len(plain_server.messages) == 1
    got = plain_server.messages[0].message
    assert got["Subject"] == "[evwatch] 3 alerts for 2025-12-01"
    assert got["X-Evwatch-Digest"] == "2025-12-01"
    found = parts(got)
    for alert in alerts:
        assert alert.message in found["text/plain"]
    assert "<script>" not in found["text/html"]
    assert found["text/html"].count("<h3>") == 3
    assert digest_email(alerts, day, SENDER, TO)["Message-ID"] == message["Message-ID"]


def test_smtp_down_is_retryable_and_keeps_the_password_out() -> None:
    settings = plain_settings(free_port(), username="alice", password=PASSWORD)
    started = time.monotonic()
    result = send_email(settings, alert_email(sample_alert(), SENDER, TO))
    assert time.monotonic() - started < 3
    assert not result.ok and not result.permanent
    assert_one_line_without(result, PASSWORD)
    assert "refused" in result.detail.lower()


def test_server_back_up_receives_the_same_message() -> None:
    port = free_port()
    message = alert_email(sample_alert(), SENDER, TO)
    assert not send_email(plain_settings(port), message).ok
    with SmtpServer(port=port) as server:
        assert send_email(plain_settings(port), message).ok
        assert [m.message["Message-ID"] for m in server.messages] == [message["Message-ID"]]


def test_silent_server_times_out_retryably() -> None:
    with socket.socket() as listener:
        listener.bind((HOST, 0))
        listener.listen(1)  # accepts the TCP connection, never says a word
        settings = SmtpSettings(
            host=HOST, port=listener.getsockname()[1], security="none", timeout=0.3
        )
        started = time.monotonic()
        result = send_email(settings, alert_email(sample_alert(), SENDER, TO))
    assert time.monotonic() - started < 3
    assert not result.ok and not result.permanent
    assert "timed out" in result.detail


def test_rcpt_refused_with_5xx_is_permanent() -> None:
    with SmtpServer(refuse=TO) as server:
        result = send_email(plain_settings(server.port), alert_email(sample_alert(), SENDER, TO))
        assert server.messages == []
    assert not result.ok and result.permanent and result.status == 550
    assert_one_line_without(result)


def test_rcpt_refused_with_4xx_is_retryable() -> None:
    with SmtpServer(refuse=TO, refuse_reply="450 4.2.0 Mailbox busy, try later") as server:
        result = send_email(plain_settings(server.port), alert_email(sample_alert(), SENDER, TO))
    assert not result.ok and not result.permanent and result.status == 450


@pytest.mark.parametrize(
    ("reply", "permanent"), [("554 5.6.0 Rejected", True), ("451 Later", False)]
)
def test_data_refused(reply: str, permanent: bool) -> None:
    with SmtpServer(data_reply=reply) as server:
        result = send_email(plain_settings(server.port), alert_email(sample_alert(), SENDER, TO))
    assert not result.ok and result.permanent is permanent
    assert result.status == int(reply[:3])


def test_some_recipients_refused_still_delivers() -> None:
    to = ["reader@example.com", "gone@example.com"]
    with SmtpServer(refuse=["gone@example.com"]) as server:
        result = send_email(plain_settings(server.port), alert_email(sample_alert(), SENDER, to))
        assert [received.rcpt_tos for received in server.messages] == [["reader@example.com"]]
    assert result.ok and "gone@example.com" in result.detail


def test_starttls_verifies_the_certificate(server_tls: ssl.SSLContext, ca_file: str) -> None:
    message = alert_email(sample_alert(), SENDER, TO)
    with SmtpServer(tls_context=server_tls) as server:
        trusted = SmtpSettings(host=HOST, port=server.port, ca_file=ca_file, timeout=5)
        assert trusted.security == "starttls"
        result = send_email(trusted, message)
        assert result.ok, result.detail
        assert len(server.messages) == 1

        untrusted = SmtpSettings(host=HOST, port=server.port, timeout=5)
        refused = send_email(untrusted, message)
        assert not refused.ok and not refused.permanent
        assert "certificate" in refused.detail.lower()

        cleartext = send_email(plain_settings(server.port), message)  # server requires STARTTLS
        assert not cleartext.ok and not cleartext.permanent and cleartext.status == 530
        assert len(server.messages) == 1


def test_starttls_with_wrong_host_name_fails(server_tls: ssl.SSLContext, ca_file: str) -> None:
    with SmtpServer(tls_context=server_tls) as server:
        # The certificate names localhost and 127.0.0.1, not 127.0.0.2.
        settings = SmtpSettings(host="127.0.0.2", port=server.port, ca_file=ca_file, timeout=5)
        result = send_email(settings, alert_email(sample_alert(), SENDER, TO))
        assert server.messages == []
    assert not result.ok


def test_implicit_tls(server_tls: ssl.SSLContext, ca_file: str) -> None:
    with SmtpServer(implicit_tls=server_tls) as server:
        settings = SmtpSettings(
            host="localhost", port=server.port, security="ssl", ca_file=ca_file, timeout=5
        )
        result = send_email(settings, alert_email(sample_alert(), SENDER, TO))
        assert result.ok, result.detail
        assert len(server.messages) == 1
        unverified = SmtpSettings(host="localhost", port=server.port, security="ssl", timeout=5)
        assert not send_email(unverified, alert_email(sample_alert(), SENDER, TO)).ok


def test_authentication(server_tls: ssl.SSLContext, ca_file: str) -> None:
    message = alert_email(sample_alert(), SENDER, TO)
    with SmtpServer(tls_context=server_tls, credentials=("alice", PASSWORD)) as server:
        settings = SmtpSettings(
            host=HOST,
            port=server.port,
            username="alice",
            password=PASSWORD,
            ca_file=ca_file,
            timeout=5,
        )
        result = send_email(settings, message)
        assert result.ok, result.detail
        assert server.authenticator is not None and server.authenticator.logins == ["alice"]
        assert len(server.messages) == 1
        assert_one_line_without(result, PASSWORD)
        assert PASSWORD not in repr(settings)

        wrong = "Wrong-Passw0rd-xyz"
        bad = SmtpSettings(
            host=HOST, port=server.port, username="alice", password=wrong, ca_file=ca_file
        )
        failed = send_email(bad, message)
        assert not failed.ok and not failed.permanent and failed.status == 535
        assert_one_line_without(failed, wrong)
        assert wrong not in repr(bad)

        anonymous = send_email(SmtpSettings(host=HOST, port=server.port, ca_file=ca_file), message)
        assert not anonymous.ok and not anonymous.permanent and anonymous.status == 530
        assert len(server.messages) == 1
