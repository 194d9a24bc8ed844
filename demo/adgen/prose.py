"""The connecting prose of an ad: headlines, openings, section headings, benefits, closings, contacts.

Benefits include the numbers that are not salaries (training allowance, staff counts, pension per cent,
shift times, relocation support, phone numbers), the decoys NOTES.md §5 warns a salary reader about.
People in contact lists are invented from common first and last names; their e-mail addresses are on
reserved example domains and their phone numbers start with 0, which no Norwegian subscriber number does.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from demo.adgen.tables import load

# The words and phrasings are the entries of data/prose.json; this module keeps the rules.
_TABLES = load("prose")

ADJECTIVES = _TABLES["adjectives"]

_OPENINGS = _TABLES["openings"]

_AGENCY_OPENINGS = _TABLES["agency_openings"]

# Who an agency says it recruits for, by occupation group.
CLIENTS: dict[str, dict[str, tuple[str, ...]]] = _TABLES["clients"]

_AGENCY_TERMS = _TABLES["agency_terms"]
_AGENCY_TERMS_TEMPORARY = _TABLES["agency_terms_temporary"]

HEADINGS: dict[str, dict[str, tuple[str, ...]]] = _TABLES["headings"]

BENEFITS = _TABLES["benefits"]

# Numbers that are not pay: the traps of NOTES.md §5.
DECOY_BENEFITS = _TABLES["decoy_benefits"]

_SIZE = _TABLES["size"]

_CLOSINGS = _TABLES["closings"]

_CONTACT = _TABLES["contact"]

_ROLES = _TABLES["roles"]

_FIRST = _TABLES["first"]
_LAST = _TABLES["last"]


def pick(rng: random.Random, table: Mapping[str, tuple[str, ...]], lang: str) -> str:
    """One wording for the language, falling back to Bokmål where none is written."""
    return rng.choice(table.get(lang) or table["nb"])


def with_article(word: str) -> str:
    """'a backend developer' / 'an experienced ...' for English openings."""
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def lower_title(title: str) -> str:
    """A job title as it reads inside a Norwegian sentence: 'Backendutvikler' -> 'backendutvikler', 'DevOps-ingeniør' kept."""
    words = title.split()
    first = words[0]
    capitalised = [w for w in words[1:] if w[:1].isalpha()]
    if first[1:] == first[1:].lower() and not (capitalised and all(w[0].isupper() for w in capitalised)):
        return first[0].lower() + title[1:]
    return title


def opening(rng: random.Random, lang: str, fill: dict[str, str], agency: bool, several: bool) -> str:
    """The ad's first sentence (agency ads open with the client they recruit for; only ads for several
    positions may say how many)."""
    table = _AGENCY_OPENINGS if agency else _OPENINGS
    options = [t for t in table.get(lang) or table["nb"] if several or "{count}" not in t]
    return rng.choice(options).format(**fill)


def agency_terms(rng: random.Random, lang: str, agency_name: str, temporary: bool) -> str:
    """How an agency ad says who the employer will be (never "permanent" for a temporary post)."""
    return pick(rng, _AGENCY_TERMS_TEMPORARY if temporary else _AGENCY_TERMS, lang).format(agency=agency_name)


def about_employer(rng: random.Random, lang: str, name: str, what: str, employees: int) -> str:
    """Employer description HTML: what it does and, sometimes, its size (a number that is not pay)."""
    text = f"{name} {what}."
    if employees and rng.random() < 0.6:
        count = f"{employees:,}".replace(",", " ")
        text += " " + pick(rng, _SIZE, lang).format(n=count)
    return f"<p>{text}</p>"


def closing(rng: random.Random, lang: str, due: str) -> str:
    """The deadline sentence of the body."""
    return pick(rng, _CLOSINGS, lang).format(due=due)


def contact(rng: random.Random, lang: str, domain: str) -> dict[str, str]:
    """An invented contact person in NAV's `contactList` shape."""
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    email_name = f"{first}.{last}".lower().translate(str.maketrans("æøå", "aoa"))
    phone = f"0{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(100, 999)}"
    role = pick(rng, _ROLES, lang)
    return {
        "name": f"{first} {last}",
        "email": f"{email_name}@{domain}",
        "phone": phone,
        "role": "",
        "title": role[:1].upper() + role[1:],
    }


def contact_sentence(rng: random.Random, lang: str, person: dict[str, str]) -> str:
    """The sentence in the body that names the contact person."""
    return pick(rng, _CONTACT, lang).format(
        name=person["name"],
        role=person["title"].lower() if lang != "en" else person["title"],
        phone=person["phone"],
        email=person["email"],
    )
