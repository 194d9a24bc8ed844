"""Sending a digest by e-mail with the standard library (`smtplib`, `email`): HTML with a plain-text part.

The password is read from the environment variable the configuration names, at the moment of sending;
it is never stored, logged or printed, and no error message quotes it. Every failure a user can meet
(unreachable server, refused login, refused recipient, TLS trouble) becomes one `MailError` line, and the
caller leaves the digest's cursor where it was, so nothing is skipped next time.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

SECURITY = ("starttls", "ssl", "none")
_TIMEOUT_S = 30


class MailError(RuntimeError):
    """The digest could not be sent; the message says why in one line (never with the password)."""


@dataclass(frozen=True)
class MailSettings:
    """The `[email]` section of fjordjobs.toml."""

    host: str
    port: int
    sender: str
    recipient: str
    security: str = "starttls"  # starttls | ssl | none (none: only for a server on this machine)
    user: str | None = None
    password_env: str | None = None  # the NAME of the environment variable holding the password

    def password(self) -> str | None:
        """The password from the environment, or None when no login is configured."""
        if not self.password_env:
            return None
        value = os.environ.get(self.password_env)
        if value is None:
            raise MailError(f"e-mail not sent: the environment variable {self.password_env} is not set")
        return value


def build_message(settings: MailSettings, subject: str, text: str, html: str) -> EmailMessage:
    """A multipart/alternative message: plain text first, HTML second (clients show the last they can)."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.sender
    message["To"] = settings.recipient
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="fjordjobs.local")
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


def send(settings: MailSettings, message: EmailMessage) -> None:
    """Deliver the message or raise MailError with one line saying what went wrong."""
    where = f"{settings.host}:{settings.port}"
    password = settings.password()
    stage = "connect"
    try:
        smtp: smtplib.SMTP
        if settings.security == "ssl":
            smtp = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=_TIMEOUT_S, context=ssl.create_default_context()
            )
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=_TIMEOUT_S)
        with smtp:
            if settings.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if settings.user and password is not None:
                stage = "login"
                smtp.login(settings.user, password)
            stage = "send"
            smtp.send_message(message)
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError(
            f"e-mail not sent: {where} refused the login for {settings.user} ({exc.smtp_code})"
        ) from None
    except smtplib.SMTPRecipientsRefused:
        raise MailError(f"e-mail not sent: {where} refused the recipient {settings.recipient}") from None
    except smtplib.SMTPNotSupportedError:
        raise MailError(f"e-mail not sent: {where} does not support {settings.security.upper()}") from None
    except (smtplib.SMTPException, ssl.SSLError) as exc:
        if stage == "login":  # some servers hang up on a bad password instead of answering 535
            raise MailError(f"e-mail not sent: {where} refused the login for {settings.user}") from None
        raise MailError(f"e-mail not sent: {where}: {type(exc).__name__}") from None
    except OSError as exc:  # refused, unreachable, timed out
        reason = exc.strerror or type(exc).__name__
        raise MailError(f"e-mail not sent: cannot reach the SMTP server {where} ({reason})") from None
