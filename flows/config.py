"""`fjordjobs.toml`: which sources to crawl, which profiles to match, where reports go, the schedule.

A bad configuration is reported with the key and the line of the file it is on, so the user can
fix it without reading code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flows.jobs import SOURCES
from flows.locations import absolute
from matching.mail import SECURITY, MailSettings

DEFAULT_CONFIG = Path("fjordjobs.toml")
REPORT_FORMATS = ("html", "csv", "md", "json")


class ConfigError(ValueError):
    """A configuration problem, with file and line in its message."""


@dataclass(frozen=True)
class SourceConfig:
    name: str  # the key in the file, unique
    spider: str  # nav | finn | jsonld
    enabled: bool = True
    urls: tuple[str, ...] = ()
    demo: bool = False  # serve the bundled offline demo for this spider and crawl that
    i_have_permission: bool = False
    max_pages: int | None = None


@dataclass(frozen=True)
class ProfileConfig:
    name: str
    cv: Path
    profile: Path | None = None
    top: int = 30
    english_only: bool = False


@dataclass(frozen=True)
class Config:
    path: Path
    db: Path | None
    reports_dir: Path
    report_formats: tuple[str, ...]
    cron: str
    sources: tuple[SourceConfig, ...]
    profiles: tuple[ProfileConfig, ...] = field(default_factory=tuple)
    email: MailSettings | None = None


def _line_of(text: str, key: str) -> int | None:
    """The first line that sets `key` (or opens a table named `key`), for error messages."""
    pattern = re.compile(rf"^\s*(\[+\s*)?[\w.\"-]*\b{re.escape(key)}\b")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text

    def error(self, key: str, message: str) -> ConfigError:
        line = _line_of(self.text, key.split(".")[-1])
        where = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{where}: {key}: {message}")

    def get(
        self, table: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any, prefix: str
    ) -> Any:
        if key not in table:
            return default
        value = table[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.error(f"{prefix}{key}", f"expected {names}, got {value!r}")
        return value

    def known(self, table: dict[str, Any], allowed: set[str], prefix: str) -> None:
        for key in table:
            if key not in allowed:
                raise self.error(f"{prefix}{key}", f"unknown key (known: {', '.join(sorted(allowed))})")


def read_utf8(path: Path, error: type[Exception]) -> str:
    """The text of a file the user wrote, or `error` in one line saying where it is not UTF-8.

    A configuration or profile saved as Latin-1 (`Tromsø` as byte 0xF8) is a common slip on Windows;
    the user needs the line to fix, not a UnicodeDecodeError traceback.
    """
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None


def load_config(path: Path) -> Config:
    """Read and check a configuration file; relative paths are taken from the file's folder."""
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file (write one with `fjordjobs init`)")
    text = read_utf8(path, ConfigError)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    r = _Reader(path, text)
    base = path.expanduser().resolve().parent  # relative paths follow the file, wherever the command runs
    r.known(data, {"warehouse", "reports", "schedule", "sources", "profiles", "email"}, "")

    warehouse = r.get(data, "warehouse", dict, {}, "")
    r.known(warehouse, {"db"}, "warehouse.")
    db = r.get(warehouse, "db", str, None, "warehouse.")

    reports = r.get(data, "reports", dict, {}, "")
    r.known(reports, {"dir", "formats"}, "reports.")
    formats = tuple(r.get(reports, "formats", list, ["html", "csv"], "reports."))
    for fmt in formats:
        if fmt not in REPORT_FORMATS:
            raise r.error("reports.formats", f"unknown format {fmt!r} (known: {', '.join(REPORT_FORMATS)})")

    schedule = r.get(data, "schedule", dict, {}, "")
    r.known(schedule, {"cron"}, "schedule.")
    cron = r.get(schedule, "cron", str, "0 6 * * *", "schedule.")
    if len(cron.split()) != 5:
        raise r.error("schedule.cron", f"expected five cron fields like '0 6 * * *', got {cron!r}")

    sources = []
    for name, table in r.get(data, "sources", dict, {}, "").items():
        prefix = f"sources.{name}."
        if not isinstance(table, dict):
            raise r.error(f"sources.{name}", "expected a table")
        r.known(table, {"spider", "enabled", "urls", "demo", "i_have_permission", "max_pages"}, prefix)
        spider = r.get(table, "spider", str, name, prefix)
        if spider not in SOURCES:
            raise r.error(f"{prefix}spider", f"unknown spider {spider!r} (known: {', '.join(SOURCES)})")
        urls = tuple(r.get(table, "urls", list, [], prefix))
        for url in urls:
            if not isinstance(url, str) or not url.startswith(("http://", "https://")):
                raise r.error(f"{prefix}urls", f"expected http:// or https:// URLs in quotes, got {url!r}")
        demo = r.get(table, "demo", bool, False, prefix)
        if spider == "jsonld" and not urls and not demo:
            raise r.error(f"{prefix}urls", "the jsonld spider needs at least one URL (or demo = true)")
        max_pages = r.get(table, "max_pages", int, None, prefix)
        if max_pages is not None and max_pages < 1:
            raise r.error(
                f"{prefix}max_pages", f"expected a whole number of pages, 1 or more, got {max_pages}"
            )
        enabled = r.get(table, "enabled", bool, True, prefix)
        permission = r.get(table, "i_have_permission", bool, False, prefix)
        if spider == "finn" and enabled and not demo and not permission:
            raise r.error(
                f"{prefix}enabled",
                "Finn's terms forbid systematic collection without their written permission: set "
                "i_have_permission = true only if you have it (the --i-have-permission of `fjordjobs crawl`), "
                "else enabled = false",
            )
        sources.append(
            SourceConfig(
                name=name,
                spider=spider,
                enabled=enabled,
                urls=urls,
                demo=demo,
                i_have_permission=permission,
                max_pages=max_pages,
            )
        )

    profiles = []
    for name, table in r.get(data, "profiles", dict, {}, "").items():
        prefix = f"profiles.{name}."
        if not isinstance(table, dict):
            raise r.error(f"profiles.{name}", "expected a table")
        r.known(table, {"cv", "profile", "top", "english_only"}, prefix)
        cv = r.get(table, "cv", str, None, prefix)
        if cv is None:
            raise r.error(f"profiles.{name}", 'needs a cv = "path/to/cv.pdf"')
        cv_path = absolute(cv, base)
        if not cv_path.is_file():
            raise r.error(f"{prefix}cv", f"no such file: {cv_path}")
        profile = r.get(table, "profile", str, None, prefix)
        profile_path = absolute(profile, base) if profile else None
        if profile_path is not None and not profile_path.is_file():
            raise r.error(f"{prefix}profile", f"no such file: {profile_path}")
        top = r.get(table, "top", int, 30, prefix)
        if top < 1:
            raise r.error(f"{prefix}top", f"expected the number of listings to keep, 1 or more, got {top}")
        profiles.append(
            ProfileConfig(
                name=name,
                cv=cv_path,
                profile=profile_path,
                top=top,
                english_only=r.get(table, "english_only", bool, False, prefix),
            )
        )

    return Config(
        email=_email(r, data),
        path=path,
        db=absolute(db, base) if db else None,
        reports_dir=absolute(r.get(reports, "dir", str, "reports", "reports."), base),
        report_formats=formats,
        cron=cron,
        sources=tuple(sources),
        profiles=tuple(profiles),
    )


_EMAIL_KEYS = {"host", "port", "security", "user", "sender", "recipient", "password_env"}


def _email(r: _Reader, data: dict[str, Any]) -> MailSettings | None:
    """The `[email]` section; the password itself may never be in the file, only the name of its variable."""
    if "email" not in data:
        return None
    table = r.get(data, "email", dict, {}, "")
    if "password" in table:
        raise r.error("email.password", "never write the password here: set password_env = \"VARIABLE\" "
                      "and put the password in that environment variable")  # fmt: skip
    r.known(table, _EMAIL_KEYS, "email.")
    for key in ("host", "sender", "recipient"):
        if not r.get(table, key, str, "", "email."):
            raise r.error(f"email.{key}", "is required")
    security = r.get(table, "security", str, "starttls", "email.")
    if security not in SECURITY:
        raise r.error("email.security", f"expected one of {', '.join(SECURITY)}, got {security!r}")
    user = r.get(table, "user", str, None, "email.")
    password_env = r.get(table, "password_env", str, None, "email.")
    if user and not password_env:
        raise r.error(
            "email.password_env", "a user needs password_env, the name of the variable holding the password"
        )
    default_port = {"ssl": 465, "starttls": 587, "none": 25}[security]
    return MailSettings(
        host=table["host"],
        port=r.get(table, "port", int, default_port, "email."),
        sender=table["sender"],
        recipient=table["recipient"],
        security=security,
        user=user,
        password_env=password_env,
    )


EXAMPLE = """\
# fjordjobs configuration: `fjordjobs run` crawls every enabled source, loads the warehouse, ranks the
# listings for every profile and writes the reports. `fjordjobs serve` does that on the schedule below.

[warehouse]
# db = "fjordjobs.duckdb"               # a path here is taken from this file's folder; default:
                                        # $FJORDJOBS_DB, else fjordjobs.duckdb in your data folder

[reports]
dir = "reports"                         # one folder per run inside this one
formats = ["html", "csv", "md"]         # any of html, csv, md, json

[schedule]
cron = "0 6 * * *"                      # every morning at 06:00 (minute hour day month weekday)

# One table per source. `spider` is nav, jsonld or finn (default: the table's name).
# `demo = true` serves the bundled offline demo for that spider on 127.0.0.1 and crawls it instead.
[sources.nav]
spider = "nav"
demo = true                             # set to false to crawl NAV's real public feed
# urls = ["https://pam-stilling-feed.nav.no"]

[sources.careers]
spider = "jsonld"
enabled = false                         # career pages with schema.org JobPosting data
urls = ["https://example-company.no/careers", "https://example-company.no/sitemap.xml"]

[sources.finn]
spider = "finn"
enabled = false                         # Finn forbids systematic collection without written permission
i_have_permission = false
urls = ["https://www.finn.no/job/search?q=developer"]

# One table per person or CV to rank the listings for.
[profiles.me]
cv = "{cv}"
{profile_line}
top = 30
english_only = false

# Saved searches (`fjordjobs search save`) get a digest after each run: e-mailed when this section is
# set, else written beside the reports. The password is never written here: name the variable holding it.
# [email]
# host = "smtp.example.no"
# port = 587
# security = "starttls"                 # starttls | ssl | none
# user = "me@example.no"
# password_env = "FJORDJOBS_SMTP_PASSWORD"
# sender = "me@example.no"
# recipient = "me@example.no"
"""


def example_config(cv: str, profile: str | None) -> str:
    """The example configuration ranking `cv`, with `profile` (else a commented profile line)."""
    line = f'profile = "{profile}"' if profile else '# profile = "me.toml"'
    return EXAMPLE.format(
        cv=cv, profile_line=f"{line:<40}# optional: degree, places, must-have and excluded terms, ..."
    )
