"""The page's guards: only our own Host, only POSTs with our CSRF token change anything, a strict CSP.

- Host: a page on another site can point a DNS name at 127.0.0.1 (DNS rebinding) and then talk to us as
  "its own" origin; answering only to the Host names we bound to stops that.
- CSRF: every form carries a token that only pages served by this process know; a POST without it is
  refused. Another origin cannot read our pages, so it cannot learn the token.
- Content-Security-Policy: scripts, styles and images from this origin only; nothing from outside
  127.0.0.1 can load even if a scraped string slipped past escaping.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
STALE_FORM = "this form is stale or came from another site; reload the page and try again"


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host header values we answer to: the address we bound, and localhost when that is loopback."""
    names = {host}
    if host in {"127.0.0.1", "localhost", "::1"}:
        names |= {"127.0.0.1", "localhost", "[::1]"}
    return frozenset({*names, *(f"{name}:{port}" for name in names)})


class Guard:
    """One server's token and host list, and the middleware that applies them to every request."""

    def __init__(self, hosts: frozenset[str]) -> None:
        self.hosts = hosts
        self.token = secrets.token_urlsafe(32)

    def token_ok(self, sent: object) -> bool:
        """Whether a form's token is this server's (every POST handler checks it first)."""
        return isinstance(sent, str) and bool(sent) and hmac.compare_digest(sent, self.token)

    async def __call__(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.headers.get("host", "") not in self.hosts:
            return PlainTextResponse("unknown Host header: open the address `fjordjobs web` printed", 421)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response
