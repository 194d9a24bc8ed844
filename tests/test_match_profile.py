"""Profile TOML: defaults without a file, clear errors for mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from matching.errors import ProfileError
from matching.profile import Profile, load_profile


def test_no_profile_means_defaults() -> None:
    assert load_profile(None) == Profile()


def test_all_keys_are_read(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        'degree = "Master"\nyears_experience = 6\nplaces = ["Bergen"]\nmust_have = ["python"]\n'
        'exclude = ["konsulent"]\nenglish_only = true\nmin_salary_nok = 550000\n',
        encoding="utf-8",
    )
    p = load_profile(path)
    assert (p.degree, p.years_experience, p.places, p.must_have, p.exclude, p.english_only, p.min_salary_nok) == (
        "master", 6, ["Bergen"], ["python"], ["konsulent"], True, 550000,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('degre = "master"', "unknown key 'degre'"),
        ('degree = "phd"', "degree must be one of"),
        ('english_only = "yes"', "english_only must be true or false"),
        ("min_salary_nok = -1", "min_salary_nok must be a whole number"),
        ("places = [", "not valid TOML"),
    ],
)
def test_mistakes_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=message):
        load_profile(path)
