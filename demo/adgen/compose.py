"""Compose one NAV `ad_content` dict and its hidden truth label from a role, an employer and a language.

Every fact (salary, extent, engagement, education, working language, deadline) is drawn first, then
written in one of several wordings and placed in one of several spots of the HTML body, so two ads for
the same role differ in wording and layout while the label still says exactly what the text states.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from demo.adgen import facts, language, prose
from demo.adgen.employers import Employer, orgnr, slug
from demo.adgen.places import pick_place, work_location
from demo.adgen.roles import STYRK, Role
from demo.adgen.salary import Salary, full_time_salary, salary_for, salary_kind

AD_PAGE = "https://arbeidsplassen.nav.no/stillinger/stilling/"
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")


@dataclass(frozen=True)
class ComposedAd:
    """An ad as NAV's feed would carry it, with the truth the pipeline should recover from it."""

    ad: dict[str, Any]
    label: dict[str, Any]


def oslo_offset(day: date) -> str:
    """Europe/Oslo UTC offset on a day: +02:00 from the last Sunday of March to the last Sunday of October."""

    def last_sunday(month: int) -> date:
        last = date(day.year, month, 31)
        return last - timedelta(days=(last.weekday() + 1) % 7)

    return "+02:00" if last_sunday(3) <= day < last_sunday(10) else "+01:00"


def timestamp(moment: datetime, fraction: bool = False) -> str:
    """ISO timestamp with the Oslo offset, optionally with milliseconds as NAV's feed sometimes has them."""
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if fraction:
        text += f".{moment.microsecond // 1000:03d}"
    return text + oslo_offset(moment.date())


def choose_language(rng: random.Random, role: Role, employer: Employer) -> str:
    """Bokmål by default; Nynorsk for most ads of Nynorsk-writing bodies; English where role and employer allow."""
    if employer.nynorsk and "nn" in role.titles and "nn" in employer.what and rng.random() < 0.75:
        return "nn"
    can_english = employer.english and "en" in role.titles and ("en" in employer.what)
    if can_english and rng.random() < role.english_share * (
        0.3 if employer.sector == "Offentlig" and role.group == "it" else 1.0
    ):
        return "en"
    return "nb"


# How "Vi har ledig ... som <tittel>" names each engagement type.
_ENGAGEMENT_NOUN = {
    "Fast": "fast stilling",
    "Vikariat": "vikariat",
    "Engasjement": "engasjement",
    "Prosjekt": "prosjektstilling",
    "Sesong": "sesongstilling",
    "Åremål": "åremålsstilling",
    "Lærling": "læreplass",
    "Trainee": "traineestilling",
}


def _weighted(rng: random.Random, options: tuple[tuple[Any, int], ...]) -> Any:
    return rng.choices([value for value, _ in options], weights=[weight for _, weight in options])[0]


def _dates(rng: random.Random, today: date) -> tuple[date | None, date, date]:
    """(deadline or None, published, expires): some deadlines passed, some open-ended, most ahead."""
    draw = rng.random()
    if draw < 0.17:
        deadline: date | None = today - timedelta(days=rng.randint(1, 40))
    elif draw < 0.35:
        deadline = None
    else:
        deadline = today + timedelta(days=rng.randint(3, 60))
    if deadline is not None:
        published = min(today, deadline - timedelta(days=rng.randint(14, 45)))
        return deadline, published, deadline
    published = today - timedelta(days=rng.randint(0, 50))
    return None, published, published + timedelta(days=rng.choice((30, 42, 60)))


def _section(style: int, heading: str, items: list[str]) -> str:
    colon = "" if heading.endswith("?") else ":"
    if style == 0:
        head = f"<p><strong>{heading}</strong></p>"
    elif style == 1:
        head = f"<p><strong>{heading}{colon}</strong></p>"
    else:
        head = f"<p>{heading.upper()}{colon}</p>"
    return head + "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _sample(rng: random.Random, items: tuple[str, ...], low: int, high: int) -> list[str]:
    return rng.sample(items, min(len(items), rng.randint(low, high)))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def compose_ad(rng: random.Random, role: Role, employer: Employer, today: date) -> ComposedAd:
    """Draw one ad for the role and employer, dated relative to `today`."""
    ad_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    lang = choose_language(rng, role, employer)
    place = pick_place(rng, employer.cities)
    engagement = _weighted(rng, role.engagement)
    extent = facts.extent_for(rng, lang, engagement, role.part_time_share)
    lang_fact = language.language_fact(rng, lang, role.group)
    edu_level = _weighted(rng, role.education)
    public = employer.sector == "Offentlig"
    salary: Salary | None
    if extent.pct is not None and extent.pct < 100 and rng.random() < 0.25:
        salary = full_time_salary(rng, lang, role.band)
    else:
        salary = salary_for(
            rng, salary_kind(rng, role.group, public), lang, role.band, sales=role.group == "sales"
        )
    deadline_day, published, expires = _dates(rng, today)
    deadline = facts.deadline_text(rng, deadline_day, lang)
    count = rng.choices((1, 2, 3, 5), weights=(20, 3, 2, 1))[0] if role.group != "it" else 1

    title = rng.choice(role.titles[lang])
    in_sentence = title if lang == "en" else prose.lower_title(title)
    adjective = rng.choice(prose.ADJECTIVES[lang])
    unit = rng.choice(role.units.get(lang) or role.units["nb"])
    employer_what = employer.what.get(lang) or employer.what["nb"]
    fill = {
        "employer": employer.name,
        "agency": employer.name,
        "title": in_sentence,
        "adj": adjective,
        "a_adj": prose.with_article(adjective),
        "a_title": prose.with_article(in_sentence),
        "unit": unit,
        "city": place.city,
        "motivation": rng.choice(role.motivations.get(lang) or role.motivations["nb"]),
        "engagement": _ENGAGEMENT_NOUN.get(engagement, "stilling"),
        "count": str(count),
        "client": prose.pick(rng, prose.CLIENTS.get(role.group, prose.CLIENTS["it"]), lang),
    }
    first = prose.opening(rng, lang, fill, employer.agency, several=count > 1)
    intro = [first]
    if not employer.agency and rng.random() < 0.5:
        intro.append(f"{employer.name} {employer_what}.")

    duties = _sample(rng, role.duties.get(lang) or role.duties["nb"], 3, 5)
    skills = _sample(rng, role.skills.get(lang) or role.skills["nb"], 2, 4)
    if edu_level is not None:
        field = role.edu_field.get(lang) or role.edu_field["nb"]
        trade = role.trade.get(lang) or role.trade.get("nb", "")
        skills.insert(0, facts.education_text(rng, edu_level, lang, field, trade))
    language_para = ""
    if lang_fact.statement is not None:
        if rng.random() < 0.7:
            skills.insert(rng.randint(1, len(skills)), lang_fact.statement)
        else:
            language_para = f"<p>{_sentence(lang_fact.statement)}</p>"

    offer = _sample(rng, prose.BENEFITS[lang], 2, 4)
    decoys = _sample(rng, prose.DECOY_BENEFITS[lang], 0, 2)
    offer[1:1] = decoys
    salary_in_offer = salary is not None and rng.random() < 0.65
    if salary is not None and salary_in_offer:
        offer.insert(rng.randint(0, len(offer)), salary.text)

    closing: list[str] = []
    engagement_sentence = facts.engagement_text(rng, engagement, lang, today)
    if engagement_sentence:
        closing.append(_sentence(engagement_sentence))
    if extent.text:
        closing.append(_sentence(extent.text))
    if salary is not None and not salary_in_offer:
        closing.append(_sentence(salary.text))
    if employer.agency:
        closing.append(
            prose.agency_terms(rng, lang, employer.name, engagement in facts.TEMPORARY_ENGAGEMENTS)
        )
    if deadline.day is not None or rng.random() < 0.5:
        closing.append(prose.closing(rng, lang, deadline.text))
    person = prose.contact(rng, lang, rng.choice(EMAIL_DOMAINS))
    if rng.random() < 0.7:
        closing.append(prose.contact_sentence(rng, lang, person))

    style = rng.randrange(3)
    sections = [
        _section(style, prose.pick(rng, prose.HEADINGS["duties"], lang), duties),
        _section(style, prose.pick(rng, prose.HEADINGS["skills"], lang), skills) + language_para,
        _section(style, prose.pick(rng, prose.HEADINGS["offer"], lang), offer),
    ]
    if rng.random() < 0.3:
        sections[0], sections[1] = sections[1], sections[0]
    body = [f"<p>{' '.join(intro)}</p>", *sections, f"<p>{' '.join(closing)}</p>"]
    if rng.random() < 0.35:
        body.append(f"<p>{language.decoy(rng, lang)}</p>")
    description = "\n".join(body)

    code = role.styrk
    styrk_name, level1, level2 = STYRK[code]
    ats = f"https://jobs.example.com/{slug(employer.name)}"
    number = rng.randint(10_000, 99_999)
    imported = rng.random() < 0.6
    source_url = f"{ats}/{number}" if imported else ""
    published_at = datetime.combine(published, datetime.min.time()) + timedelta(
        hours=rng.randint(7, 15),
        minutes=rng.randint(0, 59),
        seconds=rng.randint(0, 59),
        milliseconds=rng.randint(0, 999),
    )
    updated_at = published_at + timedelta(hours=rng.choice((0, 0, 1, 3, 26, 50)), minutes=rng.randint(0, 59))
    ad = {
        "uuid": ad_uuid,
        "published": timestamp(published_at, fraction=rng.random() < 0.4),
        "expires": f"{expires.isoformat()}T00:00:00{oslo_offset(expires)}",
        "updated": timestamp(updated_at, fraction=rng.random() < 0.4),
        "workLocations": [work_location(rng, place, with_address=rng.random() < 0.7)],
        "contactList": [person],
        "title": _headline(rng, lang, title, in_sentence, unit, place.city, engagement, extent),
        "description": description,
        "sourceurl": source_url,
        "source": "IMPORTAPI" if imported else "Stillingsregistrering",
        "applicationUrl": f"{source_url}/apply" if imported else "",
        "applicationDue": deadline.text,
        "occupationCategories": [{"level1": level1, "level2": level2}],
        "categoryList": [
            {
                "categoryType": "STYRK08",
                "code": code,
                "name": styrk_name,
                "description": "",
                "score": round(rng.uniform(0.62, 1.0), 2),
            }
        ],
        "jobtitle": role.jobtitle,
        "link": AD_PAGE + ad_uuid,
        "employer": {
            "name": employer.name,
            "orgnr": None if employer.real else orgnr(random.Random(employer.name)),
            "description": prose.about_employer(rng, lang, employer.name, employer_what, employer.employees),
            "homepage": employer.homepage,
        },
        "engagementtype": engagement,
        "extent": extent.field,
        "starttime": rng.choice(
            ("Etter avtale", "Snarest", "", f"01.{rng.randint(1, 3):02d}.{today.year + 1}")
        ),
        "positioncount": str(count),
        "sector": employer.sector,
    }
    label = {
        "uuid": ad_uuid,
        "english_ok": lang_fact.english_ok,
        "language_requirement": lang_fact.requirement,
        "language_statement": lang_fact.statement,
        "salary_min_nok": salary.min_nok if salary else None,
        "salary_max_nok": salary.max_nok if salary else None,
        "salary_text": salary.text if salary else None,
        "salary_kind": salary.kind if salary else "none",
        "extent_pct": extent.pct,
        "temporary": engagement in facts.TEMPORARY_ENGAGEMENTS,
        "staffing_agency": employer.agency,
        "education": edu_level,
        "deadline": deadline.day.isoformat() if deadline.day else None,
        "expired": expires < today,
        "ad_language": lang,
        "group": role.group,
        "role": role.key,
    }
    return ComposedAd(ad, label)


def _headline(
    rng: random.Random,
    lang: str,
    title: str,
    in_sentence: str,
    unit: str,
    city: str,
    engagement: str,
    extent: facts.Extent,
) -> str:
    """The ad's `title`: sometimes the bare job title, often dressed with place, unit, extent or engagement."""
    if lang == "en":
        options = [title, f"{title} – {city}", f"We are hiring: {title}", f"{title} ({city})"]
    else:
        search = "Vi søkjer" if lang == "nn" else "Vi søker"
        options = [
            title,
            f"{title} – {city}",
            f"{search} {in_sentence}",
            f"{title} til {unit}",
            f"Ledig stilling som {in_sentence}",
        ]
        if extent.pct is not None and extent.pct < 100:
            options.append(f"{title} {extent.pct} %")
        if engagement == "Vikariat":
            options.append(f"Vikariat som {in_sentence}")
    return rng.choice(options)
