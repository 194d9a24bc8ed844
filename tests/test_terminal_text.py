"""Text from ads, files and users is printed as written: rich takes "[word]" for a style tag and drops it,
so a title such as "[Remote] Backend developer" or the config section "[sources.nav]" vanished."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from flows.cli import app
from warehouse.db import connect


def test_sql_prints_bracketed_text_from_the_warehouse(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    connect(db).close()
    result = CliRunner().invoke(
        app, ["sql", "--db", str(db), "SELECT '[Remote] Backend developer' AS title, '[b]x[/b]' AS note"]
    )
    assert result.exit_code == 0, result.output
    assert "[Remote] Backend developer" in result.output
    assert "[b]x[/b]" in result.output


def test_init_names_the_config_section_to_change(tmp_path: Path) -> None:
    cv = tmp_path / "cv.md"
    cv.write_text("Backend developer, Go and Kubernetes.", encoding="utf-8")
    result = CliRunner().invoke(app, ["init", "--cv", str(cv), str(tmp_path / "fjordjobs.toml")])
    assert result.exit_code == 0, result.output
    assert "demo = false under [sources.nav]" in " ".join(result.output.split())


def test_an_error_keeps_its_brackets(tmp_path: Path) -> None:
    profile = tmp_path / "me.toml"
    profile.write_text('filters = "remote"\n', encoding="utf-8")
    cv = tmp_path / "cv.md"
    cv.write_text("Backend developer, Go and Kubernetes.", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    connect(db).close()
    result = CliRunner().invoke(app, ["match", "--db", str(db), "--cv", str(cv), "--profile", str(profile)])
    assert result.exit_code != 0
    assert "([filters])" in " ".join(result.output.split())
