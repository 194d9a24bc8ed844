"""The daily run's last step: every saved search's digest, e-mailed when `[email]` is set, always written
beside the run's reports. Wiring only; the work is `matching.digest_delivery.deliver_all`."""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.config import Config
from hunt.clock import today
from matching.digest_delivery import Delivery, deliver_all
from warehouse import db


@task(name="digests", cache_policy=NO_CACHE)
def deliver_digests(config: Config, db_path: Path, run_dir: Path) -> list[Delivery]:
    """One Delivery per saved search; a failed e-mail leaves that search's cursor where it was."""
    with db.connection(db_path) as con:
        return deliver_all(con, today(), run_dir, config.email)
