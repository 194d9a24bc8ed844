"""The wheel carries every file the code reads at run time (issue 15): SQL, data tables, templates, demo data.

An editable install reads them from the checkout and hides a wheel without them; `.ci/run` also builds the
real wheel, installs it in a fresh environment outside the checkout and runs the demo from there.
"""

from __future__ import annotations

import glob
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _tracked_data_files() -> list[str]:
    packages = [p.rstrip("*") for p in _config()["tool"]["setuptools"]["packages"]["find"]["include"]]
    try:
        out = subprocess.run(
            ["git", "ls-files", *packages], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [f for f in out.splitlines() if not f.endswith(".py") and (ROOT / f).is_file()]


def _shipped(path: str, patterns: dict[str, list[str]]) -> bool:
    package, _, inside = path.partition("/")
    for key in ("*", "", package):
        for pattern in patterns.get(key, []):
            if inside in glob.glob(pattern, root_dir=ROOT / package, recursive=True):
                return True
    return False


def test_every_data_file_of_every_package_goes_into_the_wheel() -> None:
    patterns = _config()["tool"]["setuptools"]["package-data"]
    files = _tracked_data_files()
    assert any(f.startswith("warehouse/sql/") for f in files)
    missing = [f for f in files if not _shipped(f, patterns)]
    assert missing == []


def test_the_license_is_an_spdx_string_not_a_deprecated_table() -> None:
    config = _config()
    assert isinstance(config["project"]["license"], str)
    assert any(r.startswith("setuptools>=77") for r in config["build-system"]["requires"])
