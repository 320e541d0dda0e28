"""The email channel: building messages (one alert, or a subscriber's daily digest) as
``email.message.EmailMessage`` with a plain-text part and an HTML alternative, and sending them
with ``smtplib`` over STARTTLS or implicit TLS with certificate verification.

``send_email`` never raises for network or SMTP errors: it returns a ``DeliveryResult`` whose
detail is one line and never contains the SMTP password.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import smtplib
import ssl
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import format_datetime

from alerts.channels import DeliveryResult, SmtpSettings, one_line
from alerts.render import (
    AlertView,
    digest_html,
    digest_subject,
    digest_text,
    html_body,
    subject,
    text_body,
)

ALERT_HEADER = "X-Evwatch-Alert"
DIGEST_HEADER = "X-Evwatch-Digest"


def _check_header_value(name: str, value: str) -> str:
    if not value or "\r" in value or "\n" in value or "\0" in value:
        raise ValueError(f"{name} must be a non-empty single-line value")
    return value


def _recipients(to: Sequence[str]) -> list[str]:
    if isinstance(to, str):
        to = [to]
    addresses = [_check_header_value("recipient", address.strip()) for address in to]
    if not addresses:
        raise ValueError("at least one recipient is required")
    return addresses


def _message_id(kind: str, parts: Iterable[str], recipients: Sequence[str], domain: str) -> str:
    """A Message-ID that depends only on what is sent and to whom, so a re-send of the same
    delivery carries the same id (receivers and MTAs can deduplicate)."""
    _check_header_value("message_id_domain", domain)
    if any(c in domain for c in "<>@ \t") or not domain.strip("."):
        raise ValueError("message_id_domain must be a bare domain name")
    material = "\x1f".join([kind, *parts, *sorted(r.lower() for r in recipients)])
    digest = hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]
    return f"<evwatch.{kind}.{digest}@{domain}>"


def _base_message(
    subject_line: str, sender: str, recipients: Sequence[str], message_id: str
) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = one_line(subject_line, 998)
    message["From"] = _check_header_value("sender", sender)
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies, please
    return message


def alert_email(
    alert: AlertView,
    sender: str,
    to: Sequence[str],
    message_id_domain: str = "evwatch.local",
) -> EmailMessage:
    """One alert as a text + HTML message. The Message-ID derives from the alert id and the
    recipients only; header ``X-Evwatch-Alert`` carries the alert key."""
    recipients = _recipients(to)
    message_id = _message_id("alert", [str(alert.alert_id)], recipients, message_id_domain)
    message = _base_message(subject(alert), sender, recipients, message_id)
    message[ALERT_HEADER] = one_line(alert.key, 900)
    message.set_content(text_body(alert))
    message.add_alternative(html_body(alert), subtype="html")
    return message


def digest_email(
    alerts: Sequence[AlertView],
    day: date,
    sender: str,
    to: Sequence[str],
    message_id_domain: str = "evwatch.local",
) -> EmailMessage:
    """The daily digest of ``alerts`` for ``day`` as one text + HTML message. The Message-ID
    derives from the day, the alert ids and the recipients; header ``X-Evwatch-Digest`` carries
    the day."""
    if not alerts:
        raise ValueError("a digest needs at least one alert")
    recipients = _recipients(to)
    parts = [day.isoformat(), *sorted(str(alert.alert_id) for alert in alerts)]
    message_id = _message_id("digest", parts, recipients, message_id_domain)
    message = _base_message(digest_subject(alerts, day), sender, recipients, message_id)
    message[DIGEST_HEADER] = day.isoformat()
    message.set_content(digest_text(alerts))
    message.add_alternative(digest_html(alerts), subtype="html")
    return message


# --- sending -----------------------------------------------------------------------------------


class _Scrubber:
    """Removes the password (and its base64 forms, as AUTH sends them) from error texts."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.secrets: list[str] = []
        password = settings.password
        if password:
            user = settings.username or ""
            self.secrets.append(password)
            for raw in (
                password.encode(),
                f"\0{user}\0{password}".encode(),
                f"{user}\0{password}".encode(),
            ):
                self.secrets.append(base64.b64encode(raw).decode("ascii"))
            self.secrets.sort(key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return one_line(text)


def _reply_text(reply: bytes | str) -> str:
    if isinstance(reply, bytes):
        return reply.decode("utf-8", "replace")
    return str(reply)


def _failure(
    detail: str, scrub: _Scrubber, *, code: int | None = None, permanent: bool = False
) -> DeliveryResult:
    return DeliveryResult(ok=False, detail=scrub(detail), permanent=permanent, status=code)


def _login(client: smtplib.SMTP, username: str, password: str) -> None:
    """``client.login``, except for non-ASCII credentials, which smtplib cannot encode: those go
    as AUTH PLAIN in UTF-8 (RFC 4616)."""
    if username.isascii() and password.isascii():
        client.login(username, password)
        return
    client.ehlo_or_helo_if_needed()
    mechanisms = client.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" not in mechanisms:
        raise smtplib.SMTPNotSupportedError("AUTH PLAIN (needed for non-ASCII credentials)")
    token = base64.b64encode(b"\0" + username.encode() + b"\0" + password.encode()).decode()
    code, reply = client.docmd("AUTH", "PLAIN " + token)
    if code not in (235, 503):  # 503: already authenticated
        raise smtplib.SMTPAuthenticationError(code, reply)


def send_email(settings: SmtpSettings, message: EmailMessage) -> DeliveryResult:
    """Send ``message`` through the configured server. Returns ok (also when only some
    recipients were refused: they are named in the detail), or a failure that is permanent when
    the server refused every recipient, or the message data, with a 5xx reply. Connection
    problems, TLS failures, timeouts, 4xx replies, authentication failures and a refused sender
    (configuration problems an operator can fix) are retryable."""
    scrub = _Scrubber(settings)
    where = f"{settings.host}:{settings.port}"
    context: ssl.SSLContext | None = None
    if settings.security != "none":
        try:
            context = ssl.create_default_context(cafile=settings.ca_file)
        except (OSError, ssl.SSLError) as error:
            return _failure(f"cannot load CA file: {error}", scrub)
    stage = "connect"
    try:
        if settings.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=context
            )
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        try:
            stage = "ehlo"
            client.ehlo()
            if settings.security == "starttls":
                if not client.has_extn("starttls"):
                    return _failure(f"{where} does not offer STARTTLS; not sending in clear", scrub)
                stage = "starttls"
                client.starttls(context=context)
                client.ehlo()
            if settings.username:
                stage = "login"
                _login(client, settings.username, settings.password or "")
            stage = "send"
            refused = client.send_message(message)
            # The message is accepted: nothing after this point may turn it into a failure.
            with contextlib.suppress(smtplib.SMTPException, OSError):
                client.quit()
        finally:
            with contextlib.suppress(OSError):
                client.close()
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        reasons = "; ".join(
            f"{address}: {code} {_reply_text(reply)}"
            for address, (code, reply) in error.recipients.items()
        )
        permanent = bool(codes) and all(500 <= code < 600 for code in codes)
        return _failure(
            f"all recipients refused: {reasons}",
            scrub,
            code=max(codes) if codes else None,
            permanent=permanent,
        )
    except smtplib.SMTPAuthenticationError as error:
        # Bad credentials concern the whole channel, not this message: keep it retryable so it
        # goes out once the operator fixes the configuration.
        return _failure(
            f"authentication failed: {error.smtp_code} {_reply_text(error.smtp_error)}",
            scrub,
            code=error.smtp_code,
        )
    except smtplib.SMTPSenderRefused as error:
        # MAIL FROM refused (530 authentication or STARTTLS required, sender not allowed …) is
        # about the channel's configuration, not this message: retryable once that is fixed.
        return _failure(
            f"sender refused: {error.smtp_code} {_reply_text(error.smtp_error)}",
            scrub,
            code=error.smtp_code,
        )
    except smtplib.SMTPDataError as error:
        # The message itself refused (size, content): a 5xx will not change on a re-send.
        return _failure(
            f"message refused: {error.smtp_code} {_reply_text(error.smtp_error)}",
            scrub,
            code=error.smtp_code,
            permanent=500 <= error.smtp_code < 600,
        )
    except smtplib.SMTPResponseException as error:
        return _failure(
            f"SMTP error during {stage}: {error.smtp_code} {_reply_text(error.smtp_error)}",
            scrub,
            code=error.smtp_code,
        )
    except smtplib.SMTPNotSupportedError as error:
        return _failure(f"SMTP server does not support {stage}: {error}", scrub)
    except ssl.SSLCertVerificationError as error:
        return _failure(
            f"TLS certificate verification failed for {where}: {error.verify_message}", scrub
        )
    except ssl.SSLError as error:
        return _failure(f"TLS error with {where} during {stage}: {error}", scrub)
    except TimeoutError:
        return _failure(f"timed out during {stage} with {where}", scrub)
    except smtplib.SMTPServerDisconnected as error:
        return _failure(f"{where} disconnected during {stage}: {error}", scrub)
    except smtplib.SMTPException as error:
        return _failure(f"SMTP error during {stage}: {type(error).__name__}: {error}", scrub)
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        return _failure(f"cannot reach {where} ({stage}): {reason}", scrub)
    except (UnicodeError, ValueError) as error:
        # The text of an encoding error quotes the offending characters: name the type only.
        return _failure(f"cannot encode the {stage} command: {type(error).__name__}", scrub)
    if refused:
        some = "; ".join(
            f"{address}: {code} {_reply_text(reply)}" for address, (code, reply) in refused.items()
        )
        return DeliveryResult(ok=True, detail=scrub(f"sent via {where}; refused {some}"))
    return DeliveryResult(ok=True, detail=f"sent via {where}", status=250)
