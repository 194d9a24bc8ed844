"""Occupations the demo ads are written for: titles, duties, skills and pay bands in Bokmål, English, Nynorsk.

The roles themselves are the entries of `data/roles.json`. Each carries the words an ad for it is built from and the distributions its facts are drawn from
(education asked for, pay band, engagement types, part-time share). STYRK-08 codes and NAV's category
names are those of navikt/pam-styrk-yrkeskategori-mapper (the mapping the feed itself uses), so
`occupationCategories` and `categoryList` agree the way they do in the real feed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from demo.adgen.tables import load

Lang = str  # "nb", "nn" or "en"
Texts = dict[Lang, tuple[str, ...]]


@dataclass(frozen=True)
class Role:
    """One occupation: the words ads for it use, and what such ads typically ask and pay."""

    key: str
    group: str
    styrk: str
    jobtitle: str
    titles: Texts
    duties: Texts
    skills: Texts
    motivations: Texts
    units: Texts
    edu_field: dict[Lang, str]
    education: tuple[tuple[str | None, int], ...]
    band: tuple[int, int]  # annual NOK, 100 % position
    engagement: tuple[tuple[str, int], ...] = (("Fast", 1),)
    part_time_share: float = 0.0
    english_share: float = 0.0  # chance an ad is written in English where the employer writes English
    trade: dict[Lang, str] = field(default_factory=dict)


_TABLES = load("roles")

# STYRK-08 code -> (name, level1, level2), from styrk_category_mapping.csv (trailing spaces trimmed as NAV does).
STYRK: dict[str, tuple[str, str, str]] = _TABLES["styrk"]

ROLES: tuple[Role, ...] = tuple(Role(**entry) for entry in _TABLES["roles"])

# Share of ads per occupation group; IT is about a third, as in the brief for the demo.
GROUP_SHARES: dict[str, float] = _TABLES["group_shares"]


def roles_in(group: str) -> tuple[Role, ...]:
    """All roles of one occupation group."""
    return tuple(role for role in ROLES if role.group == group)
