"""Was the ad posted by a staffing or recruitment agency on behalf of a client?

It matters for the skilled-worker permit (an agency as employer brings extra conditions) and for users
who want the employer's own ads. Two kinds of evidence count:
- the employer is a known agency (`data/staffing_agencies.txt`) or names itself one ("... Bemanning AS");
- the text makes the client the employer: "for vår kunde", "på vegne av vår oppdragsgiver", "our client is
  looking for", "one of our clients is". A consultancy describing its customers ("our clients", "prosjekter
  hos våre kunder") is not an agency posting, and neither is an ad that turns agencies away
  ("Henvendelser fra bemanningsbyråer frabedes").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from pipeline.cues import (
    cue_guard,
    cue_sets,
    cue_words,
    fold_ad,
    has_any,
    holds_every,
    matches_at,
    passes,
    pieces_with,
    start_words,
    word_starts,
)
from pipeline.employers import employer_key

_NAME_KEYWORD = re.compile(
    r"(?:bemanning\w*|\brekruttering\w*|\brecruitment|\bstaffing|\bvikarbyrå\w*|\bvikartjenester|"
    r"\bpersonell(?:\s+(?:as|asa|norge|norway))?$)\b",
    re.I,
)

_CLIENT = (
    r"(?:vår\s+(?:kunde|oppdragsgiver|oppdragsgjevar|klient)|kunden\s+vår|oppdragsgiveren\s+vår|"
    r"oppdragsgjevaren\s+vår|klienten\s+vår|our\s+client(?!s)|en\s+av\s+våre\s+kunder|ein\s+av\s+kundane\s+våre|"
    r"one\s+of\s+our\s+clients|en\s+av\s+våre\s+oppdragsgivere)"
)
_CLIENT_AS_EMPLOYER = re.compile(
    rf"(?:på\s+vegne\s+av|på\s+vegner\s+av|on\s+behalf\s+of)\s+(?:en\s+|ein\s+)?{_CLIENT}|"
    rf"\b(?:for|til)\s+(?:vår\s+(?:kunde|oppdragsgiver|oppdragsgjevar|klient)|kunden\s+vår|"
    rf"oppdragsgiveren\s+vår|our\s+client(?!s))\b|"
    rf"\b{_CLIENT},?\s+(?:\S+\s+){{0,6}}?(?:søker|ser\s+etter|trenger|tilbyr|har\s+behov|ønsker\s+å\s+ansette|"
    rf"rekrutterer|er\s+(?:en|et|ei|i\s+vekst|inne\s+i)|is\s+(?:a|an|looking|seeking|hiring|now|currently|growing)|"
    rf"are\s+looking|seeks|offers|needs|wants\s+to\s+hire)\b|"
    rf"\b(?:søker|rekrutterer|ser\s+etter)\s+(?:\S+\s+){{0,8}}?(?:for|til)\s+(?:en\s+|ein\s+)?{_CLIENT}|"
    rf"\b(?:recruiting|looking\s+for|seeking|hiring)\s+(?:\S+\s+){{0,8}}?for\s+{_CLIENT}|"
    r"\b(?:ansatt|ansett(?:else|elsen|es|ing)?)\s+(?:direkte\s+)?(?:hos|i)\s+(?:vår\s+kunde|kunden)\b|"
    # "I oppdrag fra vår kunde", "Elektrikere søkes for kunde av Verto"
    r"\bi\s+oppdrag\s+(?:fra|for)\s+(?:vår\s+|en\s+)?(?:kunde|oppdragsgiver|klient)\w*|"
    r"\bsøkes\s+(?:for|til)\s+(?:en\s+)?kunde\b|"
    # The recruiter's own line: applications are kept confidential, even from the client.
    r"\bkonfidensielt\b[^.]{0,40}?\b(?:overfor|ovenfor|fra|for)\s+(?:vår\s+|våre\s+)?(?:oppdragsgiver|kunde|klient)\w*|"
    r"\bconfidential\w*\b[^.]{0,40}?\b(?:from|towards|with)\s+(?:our|the)\s+client\b|"
    r"\bemployed\s+(?:directly\s+)?by\s+(?:our|the)\s+client\b|"
    # The recruiter offers to tell about the client: "mer informasjon om stillingen eller kunden".
    r"\bom\s+(?:stillingen|jobben|stillinga)\s+(?:eller|og)\s+(?:kunden|oppdragsgiveren|oppdragsgjevaren)\b",
    re.I,
)
_AGENCY_WORDS = re.compile(
    r"\b(?:bemanningsbyrå\w*|vikarbyrå\w*|rekrutteringsbyrå\w*|staffing\s+agency|recruitment\s+agency|"
    # The employer hands the hiring to a recruiter: "via vår rekrutteringspartner".
    r"rekrutteringspartner\w*|recruitment\s+partner|"
    r"innleie\w*|innleid\w*|utleie\s+til|utleid|"
    # Hiring out people, not flats: "du leies ut til våre kunder", "leid ut til oppdrag".
    r"(?:du|deg|you)\s+(?:\w+\s+){0,3}?(?:leies|leid|blir\s+leid)\s+ut|(?:leies|leid)\s+ut\s+til\s+(?:\w+\s+)?"
    r"(?:kunde\w*|oppdrag\w*|oppdragsgiver\w*|bedrift\w*))\b",
    re.I,
)
# A recruiter naming its client as the employer: "For Rem Offshore søker vi Vessel Manager". An employer
# says "Vi søker" or "For vår avdeling ..."; a capitalised name after "For" is someone else's company.
_FOR_NAMED_CLIENT = re.compile(
    r"(?:^|[.!?\n]\s*)(?:For|På vegne av|On behalf of)\s+(?!Vår\b|Våre\b|Our\b|Denne\b|Dette\b)"
    r"[A-ZÆØÅ][\w&.-]*(?:\s+(?:[A-ZÆØÅ][\w&.-]*|AS|ASA|og|&)){0,4},?\s+(?:søker|søkjer|rekrutterer|ser)\s+vi\b"
)
# An agency describing itself: "Vi er et norsk bemanningsforetak", "Norges største bemanningsselskap",
# "leverandør av rekruttering- og bemanningsløsninger". It counts unless the post is in the agency's own
# office ("til vårt eget kontor"): an agency's self-introduction opens its internal ads too.
_SELF_DESCRIPTION = re.compile(
    r"\b(?:bemanningsforetak\w*|bemanningsselskap\w*|bemanningsløsning\w*|rekrutteringsselskap\w*|"
    r"staffing\s+(?:company|firm)|recruitment\s+(?:company|firm))\b",
    re.I,
)
# The employer's own presentation (NAV's "employerdescription", Finn's company text) saying it hires out or
# recruits for others: "Uniflex Bemanning er en bemannings- og rekrutteringsaktør", "Keepers AS bemanner
# og rekrutterer", "leverandør av fagpersonell", "Personalutleie og rekruttering til faste stillinger",
# "jobber vi med rekruttering og bemanning". Read only in that presentation: in an ad's body the same
# words describe an HR job ("du jobber med rekruttering og bemanning").
_EMPLOYER_SELF = re.compile(
    r"\b(?:bemanningsbyrå\w*|bemanningsbedrift\w*|bemanningsaktør\w*|bemanningsforetak\w*|bemanningsselskap\w*|"
    r"bemanningsløsning\w*|rekrutteringsselskap\w*|rekrutteringsaktør\w*|rekrutteringsbyrå\w*|vikarbyrå\w*|"
    r"personalutleie|utleie\s+av\s+(?:personell|arbeidskraft|fagpersonell)|konsulentutleie|"
    r"bemanner\s+og\s+rekrutterer|rekrutterer\s+og\s+bemanner|leverandør\s+av\s+(?:\w+\s+)?(?:fagpersonell|vikarer|bemanning)|"
    r"(?:rekruttering|bemanning)\s*,?\s+(?:og\s+)?(?:bemanning|rekruttering|personalutleie)|"
    r"staffing\s+(?:company|firm|agency|group)|recruitment\s+(?:company|firm|agency))\b",
    re.I,
)
# A contact or apply line that names a known agency: "kontakt Siri Hjertø i Randstad", "Trond Sørensen,
# Rådgiver, Mentor Partner, (+47) 900 92 201", "Arbeidsgiver: Mentor Partner AS", "Rekrutteringsprosessen utføres i samarbeid med Academic Work", an address
# at the agency ("csb@toptemp.no", "www.manpower.no"). The names are checked against the agency list.
_CONTACT_LINE = re.compile(
    r"\b(?:kontakt\w*|contact\w*|spørsmål|questions?|henvendelse\w*|søknad\w*|søk\b|søke|apply|"
    r"registrer\w*|rekruttering\w*|recruitment|samarbeid\w*|cv\b|e-?post|e-?mail|mail|tlf|telefon|mobil|"
    # The line that names the employer, and a line with a phone number (a contact person's line).
    r"arbeidsgiver|employer|\+47|\d{3}\s?\d{2}\s?\d{3}\b)",
    re.I,
)
_CAPITALISED = re.compile(r"(?<![\w@.])[A-ZÆØÅ][\w&-]*(?:\s+[A-ZÆØÅ][\w&-]*){0,2}")
_ADDRESS = re.compile(r"(?:@|\bwww\.)([a-z0-9æøå-]+)\.(?:no|com|se|dk)\b", re.I)
# "Søk via Fremobemanning", "søk på stillingen via adecco.no": applications go through the agency.
_APPLY_VIA = re.compile(
    r"\b(?:søk|søknad\w*|apply)\s+(?:\w+\s+){0,3}?(?:via|gjennom|through|på(?=\s+(?:www\.)?[\w-]+\.(?:no|com)\b))\s+"
    r"(?!(?:vår|vårt|våre|our|the|denne|dette|this|e-?post|mail|link|lenke|knapp|skjema|nettside|hjemmeside)\b)"
    r"(?:www\.)?([\wæøå&-]+(?:\s+[\wæøå&-]+)?)(?:\.no|\.com)?",
    re.I,
)
# A sentence that turns agencies away, or says the employer does not use them.
_REFUSAL = re.compile(
    r"\bikke\b|\bingen\b|frabedes|frabes|undanbedes|uønsket|uønska|takker\s+nei|no\s+agenc|not\s+accept|"
    r"\bnot\b|\bno\b|please\s+do\s+not|henvendelser\s+fra|kontakt\s+fra",
    re.I,
)


@lru_cache(maxsize=1)
def _agency_keys() -> tuple[str, ...]:
    raw = resources.files("pipeline").joinpath("data/staffing_agencies.txt").read_text(encoding="utf-8")
    return tuple(
        line.strip().lower() for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def _agency_match_keys() -> tuple[frozenset[str], tuple[str, ...]]:
    """The known agency keys, and each followed by a space (a key is also a prefix of longer names)."""
    keys = _agency_keys()
    return frozenset(keys), tuple(k + " " for k in keys)


def is_agency_name(employer: str | None) -> bool:
    """True when the employer is a known staffing/recruitment agency or names itself one."""
    if not employer:
        return False
    if _NAME_KEYWORD.search(employer):
        return True
    key = employer_key(employer)
    keys, prefixes = _agency_match_keys()
    return key in keys or key.startswith(prefixes)


# An agency hiring for itself: "til vårt eget kontor", "stillingen er i ManpowerGroup", "internal position".
_OWN_STAFF = re.compile(
    r"\b(?:til|i|for|in|to|join)\s+(?:vårt|vår|våre|our)\s+(?:eget|egen|egne|own)\s+"
    r"(?:kontor\w*|team\w*|avdeling\w*|stab\w*|organisasjon\w*|office\w*|department\w*|staff)|"
    r"\binterne?\s+(?:stilling\w*|rolle|rekruttering)|\binternal\s+(?:position|role|vacancy|hire)|"
    r"(?:[-–:]\s*intern(?:t)?\s*$)",
    re.I | re.M,
)


# Cues (pipeline/cues.py), read off the patterns: text without one of them cannot match.
CLIENT_CUES = cue_words(_CLIENT_AS_EMPLOYER)
CLIENT_GUARD = cue_guard(_CLIENT_AS_EMPLOYER)
OWN_STAFF_GUARD = cue_guard(_OWN_STAFF)
AGENCY_WORD_CUES = cue_words(_AGENCY_WORDS)
OWN_STAFF_CUES = cue_words(_OWN_STAFF)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


APPLY_VIA_CUES = cue_sets(_APPLY_VIA)
SELF_DESCRIPTION_CUES = cue_words(_SELF_DESCRIPTION)
EMPLOYER_SELF_CUES = cue_words(_EMPLOYER_SELF)


def _applies_via_agency(body: str) -> bool:
    """Whether the ad sends applicants to a staffing agency by name ("Søk via Fremobemanning")."""
    if not holds_every(fold_ad(body), APPLY_VIA_CUES):
        return False
    for match in _APPLY_VIA.finditer(body):
        name = match.group(1)
        if is_agency_name(name) or is_agency_name(name.split()[0]):
            return True
    return False


CLIENT_STARTS = start_words(_CLIENT_AS_EMPLOYER, search_only=True)


def _names_client_as_employer(body: str) -> bool:
    """`_CLIENT_AS_EMPLOYER.search(body)`, tried only where a match can begin (a long alternation)."""
    low = fold_ad(body)
    if low is None or len(low) != len(body):
        return _CLIENT_AS_EMPLOYER.search(body) is not None
    return matches_at(_CLIENT_AS_EMPLOYER, body, word_starts(low, CLIENT_STARTS))


def _describes_itself_as_agency(body: str) -> bool:
    named = pieces_with(body, SELF_DESCRIPTION_CUES)
    for sentence in _SENTENCE_SPLIT.split(body) if named is None else named:
        if _SELF_DESCRIPTION.search(sentence) and not _REFUSAL.search(sentence):
            return True
    return False


@lru_cache(maxsize=1)
def _key_words() -> tuple[tuple[str, ...], ...]:
    """The words of each listed agency key, longest first, read off the list (`_agency_keys`).

    A text that does not hold every word of some key, case-folded, names no listed agency: `employer_key`
    only folds case, turns punctuation into spaces and cuts words off the end, so each word of a key it
    yields stands in the case-folded text. Most ads name no agency (32 of 2,000 generated demo ads pass);
    checking this before the sentence by sentence search of `_names_agency_in_contact` took agency tagging
    from 0.379 to 0.240 CPU ms per generated demo ad (`benchmarks/bench_normalise.py`, field "agency").
    """
    return tuple(sorted({tuple(sorted(key.split(), key=len, reverse=True)) for key in _agency_keys()}))


def _may_name_listed_agency(folded: str) -> bool:
    """Whether the case-folded text holds every word of some listed agency key (see `_key_words`)."""
    for words in _key_words():
        for word in words:
            if word not in folded:
                break
        else:
            return True
    return False


def _names_agency_in_contact(body: str) -> bool:
    """Whether a contact, apply or recruiting sentence names a known agency, or gives its address."""
    for address in _ADDRESS.finditer(body):
        if is_agency_name(address.group(1).replace("-", " ")):
            return True
    if not _may_name_listed_agency(body.casefold()):
        return False
    for sentence in _SENTENCE_SPLIT.split(body):
        if not _CONTACT_LINE.search(sentence) or _REFUSAL.search(sentence):
            continue
        for name in _CAPITALISED.findall(sentence):
            words = name.split()
            # Any run of the capitalised words that is a known agency ("Kontakt Hays", "Academic Work").
            runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(len(words), i, -1))
            if any(_is_listed(run) for run in runs):
                return True
    return False


def _is_listed(name: str) -> bool:
    """A name on the agency list (not a name that merely contains "Bemanning": a client may be named so)."""
    key = employer_key(name)
    keys, prefixes = _agency_match_keys()
    return bool(key) and (key in keys or key.startswith(prefixes))


def _presents_itself_as_agency(employer_description: str | None) -> bool:
    if not employer_description or not has_any(employer_description, EMPLOYER_SELF_CUES):
        return False
    plain = _TAG.sub(" ", employer_description) if "<" in employer_description else employer_description
    return _EMPLOYER_SELF.search(plain) is not None


_TAG = re.compile(r"<[^>]+>")


def _agency_text(body: str) -> bool:
    if passes(fold_ad(body), CLIENT_GUARD) and _names_client_as_employer(body):
        return True
    if _applies_via_agency(body):
        return True
    if ("For " in body or "På vegne" in body or "On behalf" in body) and _FOR_NAMED_CLIENT.search(body):
        return True
    named = pieces_with(body, AGENCY_WORD_CUES)
    for sentence in _SENTENCE_SPLIT.split(body) if named is None else named:
        if _AGENCY_WORDS.search(sentence) and not _REFUSAL.search(sentence):
            return True
    return False


def is_staffing_agency(employer: str | None, text: str, employer_description: str | None = None) -> bool:
    """True when an agency posts for a client: a known agency employer or a client-as-employer phrasing.

    `employer_description` is the employer's own presentation beside the ad (NAV's employerdescription):
    an employer that presents itself as a staffing or recruitment firm is one, whatever its name.
    An agency advertising a post in its own organisation (a recruiter for its own office) is an ordinary
    employer: False, unless the text also names a client as the employer or speaks of hiring out.
    """
    body = text or ""
    if is_agency_name(employer) or _presents_itself_as_agency(employer_description):
        return not _own_staff(body) or _agency_text(body)
    if _agency_text(body) or _names_agency_in_contact(body):
        return True
    return _describes_itself_as_agency(body) and not _own_staff(body)


def _own_staff(body: str) -> bool:
    return passes(fold_ad(body), OWN_STAFF_GUARD) and _OWN_STAFF.search(body) is not None
