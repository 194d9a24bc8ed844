"""The connecting prose of an ad: headlines, openings, section headings, benefits, closings, contacts.

Benefits include the numbers that are not salaries (training allowance, staff counts, pension per cent,
shift times, relocation support, phone numbers), the decoys NOTES.md §5 warns a salary reader about.
People in contact lists are invented from common first and last names; their e-mail addresses are on
reserved example domains and their phone numbers start with 0, which no Norwegian subscriber number does.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

ADJECTIVES = {
    "nb": ("erfaren", "engasjert", "dyktig", "nysgjerrig", "løsningsorientert", "strukturert", "motivert"),
    "nn": ("erfaren", "engasjert", "dyktig", "nysgjerrig", "strukturert"),
    "en": ("experienced", "curious", "skilled", "motivated", "pragmatic", "passionate"),
}

_OPENINGS = {
    "nb": (
        "{employer} søker en {adj} {title} til {unit} i {city}.",
        "Vil du jobbe som {title} i {employer}?",
        "Er du en {adj} {title} som vil {motivation}?",
        "Vi har ledig {engagement} som {title} i {unit}.",
        "Nå søker vi etter en {adj} {title} til {unit}!",
        "Har du lyst til å {motivation}? Da kan dette være jobben for deg.",
        "Vi er på jakt etter en {title} som vil {motivation}.",
        "Bli med på laget i {city}! {employer} trenger en {adj} {title}.",
        "{employer} har {count} ledige stillinger som {title} i {city}.",
    ),
    "nn": (
        "{employer} søkjer ein {adj} {title} til {unit} i {city}.",
        "Vil du jobbe som {title} hjå oss?",
        "Er du ein {adj} {title} som vil {motivation}?",
        "Vi har ledig {engagement} som {title} ved {unit}.",
        "Har du lyst til å {motivation}? Då kan dette vere jobben for deg.",
    ),
    "en": (
        "{employer} is looking for {a_adj} {title} to join {unit} in {city}.",
        "Do you want to {motivation}?",
        "Are you {a_adj} {title} who wants to {motivation}?",
        "We are hiring {a_title} for {unit} in {city}.",
        "Join {employer} as {a_title} and help us {motivation}.",
        "{employer} has {count} open positions as {title} in {city}.",
    ),
}

_AGENCY_OPENINGS = {
    "nb": (
        "For vår kunde, {client}, søker vi nå en {adj} {title}.",
        "Vi søker på vegne av vår kunde, {client} i {city}, etter en {title}.",
        "{agency} har fått i oppdrag å rekruttere en {title} til {client} i {city}.",
        "Vår kunde, {client}, trenger en {adj} {title} i {city}.",
    ),
    "en": (
        "On behalf of our client, {client}, we are looking for {a_adj} {title}.",
        "{agency} is recruiting {a_title} for {client} in {city}.",
    ),
}

# Who an agency says it recruits for, by occupation group.
CLIENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "it": {
        "nb": ("et teknologiselskap i sterk vekst", "en stor nordisk bank"),
        "en": ("a fast-growing technology company", "a large Nordic bank"),
    },
    "engineering": {
        "nb": ("en ledende aktør innen fornybar energi", "et internasjonalt subsea-selskap"),
        "en": ("a leading renewable energy company", "an established engineering firm"),
    },
    "accounting": {
        "nb": ("et solid industriselskap i vekst", "et eiendomsselskap i vekst"),
        "en": ("an international shipping company",),
    },
    "construction": {"nb": ("en veletablert entreprenør", "et byggfirma i vekst")},
    "electrician": {"nb": ("en veletablert elektroinstallatør", "et solid industriselskap")},
    "logistics": {"nb": ("et stort logistikkselskap", "en netthandelsaktør med eget lager")},
    "sales": {"nb": ("en kjent handelskjede", "en grossist innen byggevarer")},
    "hospitality": {"nb": ("et travelt hotell i sentrum", "en populær restaurant", "et høyfjellshotell")},
    "nursing": {"nb": ("et anerkjent sykehus", "en stor kommune", "et privat sykehjem")},
}

_AGENCY_TERMS = {
    "nb": (
        "Du blir ansatt hos {agency} og leid ut til kunden.",
        "Stillingen er fast ansettelse direkte hos kunden.",
        "Oppdraget har mulighet for fast ansettelse hos kunden etter seks måneder.",
    ),
    "en": (
        "You will be employed by {agency} and hired out to the client.",
        "The position is a permanent role with the client.",
    ),
}
_AGENCY_TERMS_TEMPORARY = {
    "nb": ("Du blir ansatt hos {agency} og leid ut til kunden i oppdragsperioden.",),
    "en": ("You will be employed by {agency} and hired out to the client for the assignment.",),
}

HEADINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "duties": {
        "nb": ("Arbeidsoppgaver", "Dine oppgaver", "Hva skal du gjøre?", "Ansvar og oppgaver"),
        "nn": ("Arbeidsoppgåver", "Ansvar og oppgåver"),
        "en": ("Responsibilities", "What you will do", "Your tasks"),
    },
    "skills": {
        "nb": ("Kvalifikasjoner", "Vi ser etter deg som har", "Ønskede kvalifikasjoner", "Hvem er du?"),
        "nn": ("Kvalifikasjonar", "Vi ønskjer oss ein som har"),
        "en": ("Qualifications", "What we are looking for", "About you"),
    },
    "offer": {
        "nb": ("Vi tilbyr", "Hva kan vi tilby deg?", "Dette får du hos oss"),
        "nn": ("Vi tilbyr", "Dette kan vi tilby"),
        "en": ("We offer", "What we offer", "Benefits"),
    },
    "about": {
        "nb": ("Om arbeidsgiveren", "Om oss"),
        "nn": ("Om arbeidsgjevaren", "Om oss"),
        "en": ("About us", "About the company"),
    },
}

BENEFITS = {
    "nb": (
        "Spennende og varierte arbeidsoppgaver",
        "Et hyggelig og inkluderende arbeidsmiljø",
        "Fleksibel arbeidstid",
        "Gode muligheter for faglig utvikling",
        "Mulighet for hjemmekontor to dager i uken",
        "Gode forsikringsordninger",
        "Fem uker ferie",
        "Moderne lokaler sentralt i byen",
    ),
    "nn": (
        "Spennande og varierte arbeidsoppgåver",
        "Eit godt og inkluderande arbeidsmiljø",
        "Fleksibel arbeidstid",
        "Gode moglegheiter for fagleg utvikling",
        "Medlemskap i Statens pensjonskasse",
        "Gode velferdsordningar",
    ),
    "en": (
        "Interesting and varied work",
        "A friendly, international team",
        "Flexible working hours",
        "Time and budget for learning",
        "Hybrid work: two days a week from home",
        "Good insurance schemes",
        "Five weeks of paid holiday",
    ),
}

# Numbers that are not pay: the traps of NOTES.md §5.
DECOY_BENEFITS = {
    "nb": (
        "NOK 5 000 i årlig treningstilskudd",
        "Treningstilskudd på kr 3 000 i året",
        "Innskuddspensjon på 7 % av lønn",
        "Gode pensjonsordninger (5,5 % innskuddspensjon fra første krone)",
        "Dekning av mobil og bredbånd inntil kr 500 per måned",
        "Bonusordning inntil 10 % av årslønn",
        "Flyttegodtgjørelse inntil kr 30 000",
        "Arbeidstid kl. 07.00–15.00",
        "Turnus med vakter 07:00–15:00 og 15:00–22:30",
        "Leie av bedriftshytte for kr 300 per døgn",
        "Sommerfest og julebord for alle over 1 200 ansatte",
    ),
    "nn": (
        "Treningstilskot på 2 000 kroner i året",
        "Pensjonsordning i KLP (2 % eigenandel)",
        "Arbeidstid kl. 08.00–15.30",
    ),
    "en": (
        "NOK 5 000 annual fitness allowance",
        "7 % pension contribution from day one",
        "Relocation costs up to NOK 30 000",
        "Home office allowance of NOK 4 000",
        "Bonus of up to 10 % of annual salary",
        "Core hours 09:00–15:00",
    ),
}

_SIZE = {
    "nb": ("Vi er {n} ansatte.", "Selskapet har over {n} ansatte.", "Vi er i dag {n} medarbeidere."),
    "nn": ("Vi er {n} tilsette.", "Vi har over {n} tilsette."),
    "en": ("We are {n} employees.", "We have more than {n} people on the team."),
}

_CLOSINGS = {
    "nb": (
        "Søknadsfrist: {due}.",
        "Søk innen {due}.",
        "Vi behandler søknader fortløpende, så send gjerne søknaden din tidlig.",
        "Søknadsfristen er {due}.",
    ),
    "nn": ("Søknadsfrist: {due}.", "Søk innan {due}."),
    "en": (
        "Application deadline: {due}.",
        "Apply by {due}.",
        "We review applications continuously, so apply early.",
    ),
}

_CONTACT = {
    "nb": (
        "Har du spørsmål om stillingen, ta kontakt med {name}, {role}, på telefon {phone}.",
        "Spørsmål kan rettes til {name} på {phone} eller {email}.",
    ),
    "nn": ("Har du spørsmål om stillinga, ta kontakt med {name}, {role}, på telefon {phone}.",),
    "en": (
        "Questions? Contact {name}, {role}, at {phone}.",
        "For questions about the position, contact {name} ({email}).",
    ),
}

_ROLES = {
    "nb": ("avdelingsleder", "teamleder", "rekrutteringsrådgiver", "daglig leder", "seksjonssjef"),
    "nn": ("avdelingsleiar", "einingsleiar", "rådgjevar"),
    "en": ("Engineering Manager", "Head of Department", "Talent Acquisition Partner", "Team Lead"),
}

_FIRST = (
    "Kari",
    "Ola",
    "Ingrid",
    "Lars",
    "Silje",
    "Eirik",
    "Marte",
    "Håkon",
    "Nora",
    "Sindre",
    "Tuva",
    "Magnus",
    "Hilde",
    "Vegard",
    "Ane",
    "Torbjørn",
    "Camilla",
    "Andreas",
    "Siri",
    "Jonas",
    "Randi",
    "Øystein",
    "Maja",
    "Amir",
    "Fatima",
    "Piotr",
    "Agnieszka",
)
_LAST = (
    "Haugen",
    "Berg",
    "Lunde",
    "Solheim",
    "Dahl",
    "Strand",
    "Myklebust",
    "Aasen",
    "Brekke",
    "Sandvik",
    "Nygård",
    "Fjeld",
    "Vik",
    "Hovland",
    "Ødegård",
    "Rønning",
    "Kvam",
    "Moen",
    "Tveit",
    "Eide",
    "Nowak",
    "Rahimi",
)


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
