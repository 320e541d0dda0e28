"""Webhook channel against a real threaded HTTP receiver on 127.0.0.1 that verifies Standard
Webhooks signatures: retries keep the webhook-id, 410 is permanent, Retry-After is honoured,
redirects are not followed, response size and time are bounded."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import ssl
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest
import trustme

from alerts.channels import DeliveryResult
from alerts.render import webhook_payload
from alerts.webhook import encode_body, parse_retry_after, sign, verify
from alerts.webhook import send_webhook as send_anywhere
from tests.servers import HOST, Reply, WebhookReceiver, free_port, redirect, sample_alert


def send_webhook(*args: Any, **kwargs: Any) -> DeliveryResult:
    """The receivers of these tests listen on loopback, which needs allowing."""
    return send_anywhere(*args, allow_private_addresses=True, **kwargs)


SECRET = "whsec_" + base64.b64encode(b"evwatch test key, 32 bytes long!").decode()
MSG_ID = "msg_2Xa9bY7cZ"


def payload() -> dict:
    return webhook_payload(sample_alert())


# --- signatures --------------------------------------------------------------------------------


def test_standard_webhooks_test_vector() -> None:
    # The example of the Standard Webhooks reference libraries (test_sign_function).
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    msg_id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    body = b'{"test": 2432232314}'
    expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    assert sign(secret, msg_id, 1614265330, body) == expected
    assert verify(secret, msg_id, 1614265330, body, expected)
    several = f"v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,abc {expected}"
    assert verify(secret, msg_id, 1614265330, body, several)
    assert not verify(secret, msg_id, 1614265331, body, expected)
    assert not verify(secret, msg_id + "x", 1614265330, body, expected)
    assert not verify(secret, msg_id, 1614265330, body + b" ", expected)
    assert not verify(secret, msg_id, 1614265330, body, expected.replace("v1,", "v2,"))
    assert not verify(secret, msg_id, 1614265330, body, "v1,not*base64 garbage")
    assert not verify(secret, msg_id, 1614265330, body, "")


def test_raw_secret_is_used_as_utf8_bytes() -> None:
    body = '{"entity":"鸿蒙智行"}'.encode()
    digest = hmac.new(b"plain secret", b"id1.1700000000." + body, hashlib.sha256).digest()
    assert (
        sign("plain secret", "id1", 1700000000, body) == "v1," + base64.b64encode(digest).decode()
    )
    with pytest.raises(ValueError):
        sign("", "id1", 1, body)
    with pytest.raises(ValueError):
        sign("whsec_***", "id1", 1, body)


def test_retry_after_parsing() -> None:
    now = 1_700_000_000.0
    assert parse_retry_after("7", now) == 7
    assert parse_retry_after("999999", now) == 3600
    http_date = format_datetime(datetime.fromtimestamp(now, UTC) + timedelta(seconds=120), True)
    assert parse_retry_after(http_date, now) == pytest.approx(120)
    past = format_datetime(datetime.fromtimestamp(now, UTC) - timedelta(seconds=120), True)
    assert parse_retry_after(past, now) == 0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


# --- delivery ----------------------------------------------------------------------------------


def test_delivered_signed_json() -> None:
    with WebhookReceiver([200], secret=SECRET) as receiver:
        sent = payload()
        result = send_webhook(receiver.url, SECRET, MSG_ID, sent)
    assert result.ok and result.status == 200 and not result.permanent
    [request] = receiver.requests
    assert request.method == "POST" and request.path == "/hook"
    assert request.signature_ok is True
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"].startswith("evwatch")
    assert request.headers["webhook-id"] == MSG_ID
    assert abs(int(request.headers["webhook-timestamp"]) - time.time()) < 5
    assert request.body == encode_body(sent)
    assert json.loads(request.body) == sent
    assert "鸿蒙智行".encode() in request.body  # UTF-8, not \\u escapes
    compact = json.dumps(sent, ensure_ascii=False, separators=(",", ":")).encode()
    assert request.body == compact and request.body.startswith(b'{"version":"1","type":"alert.')


def test_timestamp_comes_from_the_clock() -> None:
    # A minute ago: a real receiver (the reference verifier) refuses timestamps far off.
    moment = int(time.time()) - 60
    with WebhookReceiver([200], secret=SECRET) as receiver:
        assert send_webhook(receiver.url, SECRET, MSG_ID, payload(), now=lambda: moment + 0.5).ok
    [request] = receiver.requests
    assert request.headers["webhook-timestamp"] == str(moment)
    assert request.signature_ok is True


def test_three_failures_then_success_keep_the_same_id() -> None:
    with WebhookReceiver([500, 500, 500, 200], secret=SECRET) as receiver:
        results = [send_webhook(receiver.url, SECRET, MSG_ID, payload()) for _ in range(4)]
    assert [r.ok for r in results] == [False, False, False, True]
    assert [r.permanent for r in results] == [False, False, False, False]
    assert [r.status for r in results] == [500, 500, 500, 200]
    assert len(receiver.requests) == 4
    assert {request.headers["webhook-id"] for request in receiver.requests} == {MSG_ID}
    assert all(request.signature_ok for request in receiver.requests)


def test_gone_is_permanent() -> None:
    with WebhookReceiver([410]) as receiver:
        result = send_webhook(receiver.url, SECRET, MSG_ID, payload())
    assert not result.ok and result.permanent and result.detail == "gone" and result.status == 410


@pytest.mark.parametrize(
    ("status", "permanent"), [(400, True), (401, True), (404, True), (408, False), (503, False)]
)
def test_status_classification(status: int, permanent: bool) -> None:
    with WebhookReceiver([status]) as receiver:
        result = send_webhook(receiver.url, SECRET, MSG_ID, payload())
    assert not result.ok and result.permanent is permanent and result.status == status


def test_retry_after_is_honoured() -> None:
    with WebhookReceiver([Reply(429, headers={"Retry-After": "7"})]) as receiver:
        result = send_webhook(receiver.url, SECRET, MSG_ID, payload())
    assert not result.ok and not result.permanent
    assert result.retry_after == 7 and result.status == 429


def test_retry_after_http_date() -> None:
    now = time.time()
    when = format_datetime(datetime.fromtimestamp(now, UTC) + timedelta(seconds=90), True)
    with WebhookReceiver([Reply(503, headers={"Retry-After": when})]) as receiver:
        result = send_webhook(receiver.url, SECRET, MSG_ID, payload(), now=lambda: now)
    assert not result.ok and not result.permanent
    assert result.retry_after is not None and 88 <= result.retry_after <= 90


def test_redirect_is_not_followed() -> None:
    with WebhookReceiver([200]) as target, WebhookReceiver([redirect(target.url)]) as receiver:
        result = send_webhook(receiver.url, SECRET, MSG_ID, payload())
    assert not result.ok and result.permanent and result.status == 302
    assert len(receiver.requests) == 1
    assert target.requests == []


@pytest.mark.parametrize("status", [200, 500])
def test_huge_response_is_not_read_beyond_the_limit(status: int) -> None:
    # 5 MB announced; after the first 64 KiB of filler (more than the 64 KiB limit, counting the
    # start of the body) the receiver stalls for 10 s: reading one byte more than the limit
    # would wait for the full timeout, so returning promptly shows it was not read.
    huge = Reply(
        status,
        body=b"<html>" + b"y" * 1000,
        body_size=5 * 1024 * 1024,
        stall_after=65536,
        stall=10,
    )
    with WebhookReceiver([huge]) as receiver:
        started = time.monotonic()
        result = send_webhook(receiver.url, SECRET, MSG_ID, payload(), timeout=5)
        elapsed = time.monotonic() - started
    assert elapsed < 1.5
    assert result.ok is (status == 200) and result.status == status
    assert len(result.detail) < 300


def test_slow_receiver_times_out_retryably() -> None:
    with WebhookReceiver([Reply(200, delay=3)]) as receiver:
        started = time.monotonic()
        result = send_webhook(receiver.url, SECRET, MSG_ID, payload(), timeout=0.3)
        elapsed = time.monotonic() - started
    assert elapsed < 1.5
    assert not result.ok and not result.permanent
    assert "timed out" in result.detail


def test_a_trickling_receiver_meets_a_total_deadline() -> None:
    # One byte every 0.25 s: no single read waits long enough for a per-read timeout, and the
    # answer's ~60 bytes would take 15 s. The send gives up at its total deadline.
    with WebhookReceiver([Reply(200, trickle=0.25)]) as receiver:
        started = time.monotonic()
        result = send_webhook(receiver.url, SECRET, MSG_ID, payload(), timeout=1.0)
        elapsed = time.monotonic() - started
        assert len(receiver.requests) == 1
    assert elapsed < 5.0  # 1 s deadline; margin for a loaded machine
    assert not result.ok and not result.permanent
    assert result.detail == "timed out after 1 s waiting for http://127.0.0.1"


def test_nothing_listening_is_retryable() -> None:
    result = send_webhook(f"http://127.0.0.1:{free_port()}/hook", SECRET, MSG_ID, payload())
    assert not result.ok and not result.permanent and result.status is None


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1/hook", "file:///etc/passwd", "javascript:alert(1)", "http:///x", ""]
)
def test_only_http_urls(url: str) -> None:
    result = send_webhook(url, SECRET, MSG_ID, payload())
    assert not result.ok and result.permanent


def test_detail_never_contains_url_token_or_secret() -> None:
    token = "tok_SuperSecret123"
    secret_raw = SECRET[len("whsec_") :]
    echo = Reply(400, body=f"bad request for {token} with {SECRET} {secret_raw}".encode())
    with WebhookReceiver([echo]) as receiver:
        result = send_webhook(f"{receiver.url}?token={token}", SECRET, MSG_ID, payload())
    assert not result.ok
    for secret in (SECRET, secret_raw):
        assert secret not in result.detail
    assert token not in result.detail and "\n" not in result.detail
    assert result.detail.startswith("HTTP 400: bad request for ***")


def test_bad_msg_id_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        send_webhook("http://127.0.0.1:1/hook", SECRET, "id\r\nX-Injected: 1", payload())


def test_https_certificate_is_verified() -> None:
    ca = trustme.CA()  # a private CA the system does not trust
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(HOST).configure_cert(context)
    with WebhookReceiver([200], tls_context=context) as receiver:
        assert receiver.url.startswith("https://")
        result = send_webhook(receiver.url, SECRET, MSG_ID, payload(), timeout=2)
    assert not result.ok and not result.permanent
    assert "certificate" in result.detail
    assert receiver.requests == []


def test_malformed_secret_is_reported_not_raised() -> None:
    with WebhookReceiver([200]) as receiver:
        result = send_webhook(receiver.url, "whsec_***not-base64***", MSG_ID, payload())
    assert not result.ok and "not-base64" not in result.detail
    assert receiver.requests == []


@pytest.mark.parametrize(
    "host",
    [
        "169.254.169.254", "2852039166", "[::ffff:169.254.169.254]", "[fe80::1]", "10.0.0.7",
        "192.168.1.1", "100.64.0.1", "0.0.0.0", "127.0.0.1", "localhost", "[::1]",
    ],
)  # fmt: skip
def test_loopback_private_link_local_and_metadata_addresses_are_refused(host: str) -> None:
    with WebhookReceiver() as receiver:
        url = f"http://{host}:{receiver.port}/hook"
        result = send_anywhere(url, SECRET, MSG_ID, payload(), timeout=2)
    assert not result.ok and result.permanent, result
    assert result.detail.startswith("refused: ") and "allow_private_addresses" in result.detail
    assert receiver.requests == []


def test_allowed_private_addresses_connect_to_the_address_that_was_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lookups: list[str] = []
    real = socket.getaddrinfo

    def counting(host: Any, *args: Any, **kwargs: Any) -> Any:
        lookups.append(str(host))
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", counting)
    with WebhookReceiver() as receiver:
        url = f"http://localhost:{receiver.port}/hook"
        result = send_anywhere(url, SECRET, MSG_ID, payload(), allow_private_addresses=True)
    assert result.ok and len(receiver.requests) == 1
    assert lookups == ["localhost"]  # resolved once: what was checked is what was connected to
