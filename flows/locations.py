"""Where fjordjobs keeps its files: one obvious warehouse, chosen once, at the command line.

A newcomer runs the demo from the checkout, then `match` from their home folder, then `run` from a
folder of their own: every one of those must find the same warehouse, and none may write into the
checkout or the installed package. So the choice is made here, once per command, and every path that
leaves this module is absolute (a spider subprocess runs in another folder and must write where the
ingest reads):

1. `--db PATH` (relative to the folder the command runs in);
2. `$FJORDJOBS_DB`;
3. the `[warehouse] db` of the configuration in use (`--config`, else `./fjordjobs.toml`), relative to
   that file's folder;
4. `fjordjobs.duckdb` in the user's data folder (`platformdirs`: `~/.local/share/fjordjobs` on Linux,
   `~/Library/Application Support/fjordjobs` on macOS, `%LOCALAPPDATA%\\fjordjobs` on Windows).

Until the user has a warehouse of their own, commands that only read listings (`match`, `sql`,
`status`, `export`) use the demo's, and say so: right after `fjordjobs demo`, `fjordjobs match --cv
cv.md` ranks the demo ads against your CV, which is what a newcomer tries next.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from warehouse import db

CONFIG_NAME = "fjordjobs.toml"


class LocationError(RuntimeError):
    """A configuration that cannot be read for its warehouse; the message is one line for the user."""


def data_dir() -> Path:
    """The user's data folder for fjordjobs (created by whoever writes into it first)."""
    return db.data_dir()


def demo_dir() -> Path:
    """Everything `fjordjobs demo` writes: its warehouse, landing files and reports, and nothing else."""
    return data_dir() / "demo"


def demo_db() -> Path:
    return demo_dir() / "demo.duckdb"


def absolute(path: str | os.PathLike[str], base: Path | None = None) -> Path:
    """`path` with `~` expanded, made absolute against `base` (default: the current folder)."""
    expanded = Path(path).expanduser()
    if not expanded.is_absolute():
        expanded = (base or Path.cwd()) / expanded
    return Path(os.path.normpath(expanded))


@dataclass(frozen=True)
class Warehouse:
    """The warehouse a command uses, and why that one (for the line every writing command prints)."""

    path: Path
    origin: str  # "--db", "$FJORDJOBS_DB", the configuration's file name, "default" or "demo"

    @property
    def is_demo_fallback(self) -> bool:
        return self.origin == "demo"

    def describe(self) -> str:
        if self.origin == "default":
            return f"{self.path} (the default warehouse)"
        if self.origin == "demo":
            return f"{self.path} (the demo's: you have no warehouse of your own yet)"
        return f"{self.path} (from {self.origin})"


def configured_db(config: Path) -> Path | None:
    """The `[warehouse] db` a configuration names, absolute against the file's folder; None if none.

    Only this key is read (a full check is `load_config`'s job, for `run`): a mistake elsewhere in the
    file must not stop `fjordjobs sql` from finding the warehouse.
    """
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LocationError(f"{config}: cannot read it for [warehouse] db: {exc}") from None
    warehouse = data.get("warehouse")
    value = warehouse.get("db") if isinstance(warehouse, dict) else None
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise LocationError(f"{config}: warehouse.db must be a path in quotes")
    return absolute(value, config.parent)


def choose(db_option: Path | None = None, *, config: Path | None = None, reading: bool = False) -> Warehouse:
    """The warehouse for one command (see the module's docstring for the order).

    `config` is the file a command was given; without it `./fjordjobs.toml` is read when it exists.
    `reading`: the command only reads listings, so the demo's warehouse may stand in for a missing
    default one.
    """
    if db_option is not None and str(db_option):
        return Warehouse(absolute(db_option), "--db")
    env = os.environ.get("FJORDJOBS_DB")
    if env:
        return Warehouse(absolute(env), "$FJORDJOBS_DB")
    config_file = config if config is not None else Path(CONFIG_NAME)
    if config_file.is_file():
        named = configured_db(absolute(config_file))
        if named is not None:
            return Warehouse(named, str(absolute(config_file)))
    default = db.default_db()
    if reading and not default.exists() and demo_db().exists():
        return Warehouse(demo_db(), "demo")
    return Warehouse(default, "default")
