"""Issue 11, "Done when" for digests: a digest run twice sends nothing the second time; after a re-crawl that
adds 3 matching ads and changes 1, the next digest holds exactly those 4; an e-mail failure loses none.

Mail goes to a real SMTP server on 127.0.0.1 (aiosmtpd) and the test reads what arrived.
"""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from typer.testing import CliRunner

from flows import output
from flows.cli import app
from tests.filter_warehouse import TODAY, ad, first_ads, load
from warehouse import db

PASSWORD = "s3cret-digest-pw"


class Inbox:
    """An SMTP handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler, port = Inbox(), _free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, authenticator=_authenticate, auth_require_tls=False
    )
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def config(tmp_path: Path, port: int, name: str = "fjordjobs.toml") -> Path:
    path = tmp_path / name
    path.write_text(
        f'[email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\nuser = "kari"\n'
        'password_env = "FJORDJOBS_TEST_SMTP_PASSWORD"\nsender = "fjordjobs@example.no"\n'
        'recipient = "kari@example.no"\n',
        encoding="utf-8",
    )
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def recrawl() -> list[dict[str, Any]]:
    """3 new Oslo ads, a2 retitled, a4 (not in Oslo) retitled, a1 seen again unchanged."""
    later = {"version_key": "2026-11-21T09:00:00+01:00", "fetched_at": "2026-11-21T08:00:00+00:00"}
    records = [
        ad("b1", title="Data engineer", locations=[("Oslo", "Oslo")]),
        ad("b2", title="Frontend-utvikler", locations=[("Oslo", "Oslo")]),
        ad("b3", title="Økonom", locations=[("Oslo", "Oslo")]),
        ad("a2", title="Intensivsykepleier", employer="Helsehuset AS",
           locations=[("Bergen", "Vestland"), ("Oslo", "Oslo")], extent="Deltid", engagement="Fast"),
        ad("a4", title="Staff engineer", locations=[("Tromsø", "Troms")]),
        next(r for r in first_ads() if r["source_id"] == "a1"),
    ]  # fmt: skip
    for record in records[:5]:
        record.update(later)
    return records


def test_digest_sends_only_what_is_new_and_an_email_failure_loses_none(
    tmp_path: Path, inbox: tuple[Inbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    handler, port = inbox
    warehouse = load(tmp_path, first_ads())
    monkeypatch.setenv("FJORDJOBS_DB", str(warehouse))
    monkeypatch.setenv("FJORDJOBS_TODAY", TODAY.isoformat())
    monkeypatch.setenv("FJORDJOBS_TEST_SMTP_PASSWORD", PASSWORD)
    monkeypatch.setattr(output.console, "width", 250)
    cv = tmp_path / "cv.md"
    cv.write_text("Backend developer with Python and SQL; data engineering.\n", encoding="utf-8")
    good = config(tmp_path, port)
    out = tmp_path / "digests"
    assert run("search", "save", "oslo", "--place", "Oslo", "--cv", str(cv))[0] == 0

    code, text = run("digest", "--config", str(good), "--out", str(out))
    assert code == 0, text
    assert len(handler.messages) == 1
    first = handler.messages[0]
    assert first["Subject"].startswith("fjordjobs: 3 new or changed for oslo")
    assert first["To"] == "kari@example.no"
    parts = {part.get_content_type(): part.get_payload(decode=True).decode() for part in first.walk() if not part.is_multipart()}  # type: ignore[union-attr]  # fmt: skip
    assert set(parts) == {"text/plain", "text/html"}
    for title in ("Backend-utvikler", "Sykepleier", "Rådgiver"):
        assert title in parts["text/plain"] and title in parts["text/html"]
    assert "Arbeidsspråket er engelsk" in parts["text/plain"]  # the evidence travels with the listing
    assert PASSWORD not in parts["text/plain"] + parts["text/html"] + text

    code, text = run("digest", "--config", str(good), "--out", str(out))
    assert code == 0 and "nothing new" in text
    assert len(handler.messages) == 1  # the second digest sends nothing

    with db.connection(warehouse) as con:
        from pipeline.ingest import ingest_file
        from tests.landing import write_landing

        ingest_file(con, write_landing(tmp_path / "crawl-2.jsonl", recrawl()), on=TODAY.replace(day=10))
        cursor_before = con.execute("SELECT last_digest_at FROM saved_searches").fetchone()

    # A refused login and an unreachable server: one line each, exit 1, nothing marked as sent.
    monkeypatch.setenv("FJORDJOBS_TEST_SMTP_PASSWORD", "wrong")
    code, text = run("digest", "--config", str(good), "--out", str(out))
    assert code == 1 and "refused the login" in text and "wrong" not in text
    assert len(text.strip().splitlines()) == 1
    monkeypatch.setenv("FJORDJOBS_TEST_SMTP_PASSWORD", PASSWORD)
    code, text = run(
        "digest", "--config", str(config(tmp_path, _free_port(), "down.toml")), "--out", str(out)
    )
    assert code == 1 and "cannot reach the SMTP server" in text
    assert len(handler.messages) == 1
    with db.connection(warehouse) as con:
        assert con.execute("SELECT last_digest_at FROM saved_searches").fetchone() == cursor_before

    code, text = run("digest", "--config", str(good), "--out", str(out))
    assert code == 0, text
    assert len(handler.messages) == 2
    body = next(p for p in handler.messages[1].walk() if p.get_content_type() == "text/plain")
    plain = body.get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert handler.messages[1]["Subject"].startswith("fjordjobs: 4 new or changed for oslo")
    for title in ("Data engineer", "Frontend-utvikler", "Økonom", "Intensivsykepleier"):
        assert title in plain
    assert "Backend-utvikler" not in plain and "Staff engineer" not in plain
    assert plain.index("Data engineer") < plain.index("Økonom")  # ranked against the CV
    assert "(changed)" in plain.split("Intensivsykepleier")[1].splitlines()[0]


def test_without_email_the_digest_is_written_as_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = load(tmp_path, first_ads())
    monkeypatch.setenv("FJORDJOBS_DB", str(warehouse))
    monkeypatch.setenv("FJORDJOBS_TODAY", TODAY.isoformat())
    monkeypatch.chdir(tmp_path)
    assert run("search", "save", "remote", "--remote", "remote", "--remote", "hybrid")[0] == 0
    code, text = run("digest", "remote")
    assert code == 0, text
    page = (tmp_path / "reports" / "digests" / "digest-remote-2026-11-21.html").read_text(encoding="utf-8")
    assert (
        "Senior utvikler" in page and "http" not in page.split("<body>")[0]
    )  # nothing fetched from elsewhere
    assert "fully remote within Norway" in page
    assert "nothing new" in run("digest", "remote")[1]


def test_email_config_refuses_a_password_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "fjordjobs.toml"
    path.write_text(
        '[email]\nhost = "h"\nsender = "a@b"\nrecipient = "a@b"\npassword = "x"\n', encoding="utf-8"
    )
    code, text = run("digest", "--config", str(path))
    assert code == 1 and "never write the password here" in text


def test_the_daily_runs_digest_step_emails_each_saved_search(
    tmp_path: Path, inbox: tuple[Inbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.config import load_config
    from flows.digest_task import deliver_digests

    handler, port = inbox
    warehouse = load(tmp_path, first_ads())
    monkeypatch.setenv("FJORDJOBS_DB", str(warehouse))
    monkeypatch.setenv("FJORDJOBS_TODAY", TODAY.isoformat())
    monkeypatch.setenv("FJORDJOBS_TEST_SMTP_PASSWORD", PASSWORD)
    assert run("search", "save", "english", "--english")[0] == 0
    assert run("search", "save", "agencies", "--agencies", "only")[0] == 0
    outcomes = deliver_digests.fn(load_config(config(tmp_path, port)), warehouse, tmp_path / "run")
    assert [(o.search, o.listings, o.emailed) for o in outcomes] == [
        ("agencies", 1, True),
        ("english", 2, True),
    ]
    assert sorted(m["Subject"].split(" for ")[1].split(" ")[0] for m in handler.messages) == [
        "agencies",
        "english",
    ]
    assert (tmp_path / "run" / "digest-english-2026-11-21.html").is_file()  # beside the run's reports
