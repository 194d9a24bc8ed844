"""Removing a deactivated ad's contact persons from what is stored (NAV's terms of use).

NAV's feed names a contact person per ad (`contactList`: name, title, e-mail, phone), and the terms
require that personal data to be gone once the ad is inactive. Dropping `contactList` is not enough:
employers write the same person into the ad text ("Kontakt Kari Nordmann, tlf. 999 99 999"), and that
text is stored as the listing's description, in the raw payload and in the extracted fields. These pure
functions find the persons in a payload and take their name, e-mail and phone out of any text, keeping
the rest; the loader applies them to every stored copy (warehouse/sql/scrub_*.sql).

What is removed, and why so much:
- the full name, and each part of it as a whole word ("Kari", "Nordmann"): a text that says
  "Kari svarer gjerne" still names her. A part shorter than two letters is kept (an initial);
- the e-mail, in any letter case, also inside `mailto:` links;
- the phone number in any grouping (`99999999`, `999 99 999`, `99 99 99 99`), with or without `+47` /
  `0047`; other numbers (salaries, dates, postcodes) stay because only this digit sequence matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

REMOVED = "[fjernet]"
"""What stands where a contact detail was: the reader sees that something was taken out."""


@dataclass(frozen=True)
class Contact:
    """One contact person as the source named them."""

    name: str | None
    email: str | None
    phone: str | None


def contacts_in(payload: Any) -> list[Contact]:
    """Every person in a `contactList` anywhere in the payload, in order, without repeats."""
    found: list[Contact] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            people = value.get("contactList")
            if isinstance(people, list):
                for person in people:
                    if isinstance(person, dict):
                        contact = Contact(
                            name=_text_or_none(person.get("name")),
                            email=_text_or_none(person.get("email")),
                            phone=_text_or_none(person.get("phone")),
                        )
                        if contact not in found and (contact.name or contact.email or contact.phone):
                            found.append(contact)
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(payload)
    return found


def _text_or_none(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _phone_pattern(phone: str) -> str | None:
    digits = re.sub(r"\D", "", phone)
    for prefix in ("0047", "47"):
        if digits.startswith(prefix) and len(digits) - len(prefix) >= 8:
            digits = digits[len(prefix) :]
            break
    if len(digits) < 5:  # too short to be sure it is this number and not a salary or a date
        return None
    body = r"[\s.\-]*".join(digits)
    return rf"(?<![\d])(?:(?:\+|00)\s*47[\s.\-]*)?{body}(?![\d])"


def contact_pattern(contacts: Iterable[Contact]) -> re.Pattern[str] | None:
    """One regular expression for every detail of these persons, longest alternatives first."""
    alternatives: list[str] = []
    for contact in contacts:
        if contact.email:
            alternatives.append(re.escape(contact.email))
        if contact.phone:
            phone = _phone_pattern(contact.phone)
            if phone:
                alternatives.append(phone)
        if contact.name:
            parts = [p for p in re.split(r"\s+", contact.name) if len(p.strip(".,")) >= 2]
            if parts:
                alternatives.append(r"\b" + r"\s+".join(map(re.escape, parts)) + r"\b")
                alternatives += [rf"\b{re.escape(p.strip('.,'))}\b" for p in parts]
    if not alternatives:
        return None
    ordered = sorted(set(alternatives), key=len, reverse=True)
    return re.compile("|".join(f"(?:{a})" for a in ordered), re.IGNORECASE)


def scrub_text(text: str, contacts: Iterable[Contact]) -> str:
    """`text` with these persons' names, e-mails and phones replaced by REMOVED."""
    pattern = contact_pattern(contacts)
    return pattern.sub(REMOVED, text) if pattern else text


def scrub_value(value: Any, contacts: Iterable[Contact]) -> Any:
    """A JSON value with every `contactList` dropped and every string scrubbed, at any depth."""
    pattern = contact_pattern(contacts)

    def clean(item: Any) -> Any:
        if isinstance(item, dict):
            return {k: clean(v) for k, v in item.items() if k != "contactList"}
        if isinstance(item, list):
            return [clean(v) for v in item]
        if isinstance(item, str) and pattern is not None:
            return pattern.sub(REMOVED, item)
        return item

    return clean(value)
