"""The vocabulary and statement rules that `pipeline.language` reads ads with: language words, fillers,
demand words, and `STATEMENT_RULES` (pattern, label, strength). `pipeline.language` splits an ad into
sentences, applies the rules in order, reads the leftover lists and decides. Each rule's cue words are
read off its pattern (`pipeline.cues.cue_words`), so the vocabulary is written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from pipeline.cues import cue_sets, cue_words

ENGLISH_OK: Final = "english_ok"
NORWEGIAN_REQUIRED: Final = "norwegian_required"
SCANDINAVIAN_REQUIRED: Final = "scandinavian_required"

# _DEMAND: how strongly a label demands a Nordic language (on conflict the highest wins, NOTES.md §4);
# EXPLICIT/HINT: strength within a label (an explicit statement beats "norsk er en fordel").
_DEMAND = {NORWEGIAN_REQUIRED: 3, SCANDINAVIAN_REQUIRED: 2, ENGLISH_OK: 1}
EXPLICIT = 1
HINT = 0

# --- vocabulary -----------------------------------------------------------------------------------

# Nouns that make "norsk"/"Norwegian"/"dansk" an adjective about something other than the language:
# "norsk autorisasjon" is a licence, "nordiske land" a region.
_NOT_LANGUAGE_NOUNS = (
    r"(?:autorisasjon\w*|lisens\w*|sertifikat\w*|førerkort\w*|statsborger\w*|sokkel\w*|arbeidsliv\w*|"
    r"marked\w*|selskap\w*|bedrift\w*|firma\w*|kunde\w*|helsevesen\w*|standard\w*|lov\w*|regelverk\w*|"
    r"mat|kultur\w*|natur\w*|industri\w*|eid|eier\w*|miljø\w*|fagbrev\w*|utdanning\w*|personnummer|"
    r"bankkonto|adresse|land\w*|region\w*|nabo\w*|"
    r"authori[sz]ation\w*|licen[cs]e\w*|certific\w*|continental|shelf|market\w*|compan\w*|citizen\w*|"
    r"law\w*|regulation\w*|customer\w*|client\w*|driv\w*|registration|owned|industr\w*|standards?|"
    r"health\w*|nursing|society|bank\w*|address|countr\w*|region\w*|neighbou?r\w*|krone\w*|kroner)"
)
_NOT_ADJ = rf"(?!\s+{_NOT_LANGUAGE_NOUNS}\b)"

_NO_WORD = (
    r"(?:norsk(?:kunnskap\w*|ferdighet\w*|kompetanse|språklig\w*|talende|prøv\w*|test\w*|nivå\w*)?"
    r"|\w+norsktest\w*|norwegian(?:-speaking)?|bokmål|nynorsk)"
)
_SC_WORD = r"(?:skandinavisk\w*|nordisk\w*|scandinavian|nordic|svensk\w*|dansk\w*|swedish|danish)"
_EN_WORD = r"(?:engelsk\w*|english(?:-speaking)?)"
_OTHER_WORD = (
    r"(?:polsk|tysk|fransk|spansk|litauisk|russisk|ukrainsk|arabisk|latvisk|estisk|finsk|islandsk|"
    r"polish|german|french|spanish|lithuanian|russian|ukrainian|arabic|latvian|estonian|finnish|icelandic)"
)

# Not inside an address or a name joined by "-", "." or "@": "nordic-group.no", "post@norsk.no".
_NOT_IN_ADDRESS_BEFORE = r"(?<![@.\-])"
_NOT_IN_ADDRESS_AFTER = r"(?![-.@]\w)"
NO = rf"{_NOT_IN_ADDRESS_BEFORE}\b{_NO_WORD}\b{_NOT_IN_ADDRESS_AFTER}{_NOT_ADJ}"
SC = rf"{_NOT_IN_ADDRESS_BEFORE}\b{_SC_WORD}\b{_NOT_IN_ADDRESS_AFTER}{_NOT_ADJ}"
EN = rf"\b{_EN_WORD}\b"
NORDIC = rf"(?:{NO}|{SC})"
_LANG = rf"(?:(?P<no>{NO})|(?P<sc>{SC})|(?P<en>{EN})|(?P<ot>\b{_OTHER_WORD}\b{_NOT_ADJ}))"
_ANY = rf"(?:{NO}|{SC}|{EN}|\b{_OTHER_WORD}\b{_NOT_ADJ})"

# Words that may stand between two languages of one list: "norsk eller et annet skandinavisk språk".
_FILLER = (
    r"(?:og|and|eller|or|samt|either|både|both|as|well|et|ett|eit|ein|en|a|an|the|de|dei|annet|anna|annen|"
    r"another|other|tydelig|tydeleg|flytende|flytande|fluent|fluently|god|gode|godt|good|gjerne|helst|"
    r"preferably|ideally|også|also|minst|one|av|of|språk|språket|språkene|språka|language|languages|"
    r"skriftlig|muntlig|written|spoken|tale|alternativt|alternatively)"
)
_SEP = rf"(?:\s*[,/&+]\s*|\s+)(?:{_FILLER}(?:\s*[,/&+]\s*|\s+)){{0,4}}"
_LIST = rf"{_ANY}(?:{_SEP}{_ANY})*"
_DISJUNCTION = re.compile(r"\b(?:eller|or|either|alternativt|alternatively)\b|/")

# Words of proficiency or demand that make a lone mention of Norwegian a requirement.
_DEMAND_WORDS = re.compile(
    r"\b(?:behersk\w*|meistr\w*|mestr\w*|flytende|flytande|god|gode|godt|svært|utmerket|solid\w*|"
    r"skriftl\w*|muntl\w*|skriftleg\w*|munnleg\w*|tale|skrift|kommunis\w*|kommunikasjon\w*|snakk\w*|"
    r"prat\w*|forstå\w*|uttrykk\w*|formidl\w*|krav\w*|kreve[sr]?|påkrevd|nødvendig\w*|naudsynt|"
    r"forutsetning\w*|føresetnad\w*|må|fluent\w*|fluency|proficien\w*|required|requirement|must|"
    r"mandatory|essential|speak\w*|write|writing|written|spoken|oral|verbal\w*|communicat\w*|command|"
    r"excellent|strong|native|good|level|nivå|\w*talende|\w*speaking|\w*språklig|"
    # the language used in the work itself: "Vi jobber på engelsk og norsk", "kan bruke svensk i arbeidet"
    r"jobber|jobbar|arbeider|arbeidet|jobben|bruke|bruker|work|working)\b"
)
# A lone English accepts it only where an English sentence demands it ("Excellent written and spoken English
# is required"); "gode engelskkunnskaper" in a Norwegian ad is an extra skill, not leave to skip Norwegian.
_ENGLISH_DEMAND_WORDS = re.compile(
    r"\b(?:fluent\w*|fluency|proficien\w*|required|requirement|must|mandatory|essential|excellent|"
    r"strong|command|business level|native|spoken|written|speak\w*|communicat\w*)\b"
)
_LANGUAGE_NOUN = re.compile(r"\b(?:språk\w*|language\w*|tale)\b")
_WINDOW = 60

# Labels of working language ("Arbeidsspråk: Engelsk", "the working language is English").
_WL_FIELD = (
    r"\b(?:arbeidsspråk\w*|working language|work language|company language|corporate language|"
    r"business language|language of work|office language|official language)"
)
# A bare "Språk:"/"Language:" label introduces a list of required languages, not a field of options.
_WL = rf"(?:{_WL_FIELD}|\b(?:språk|language))"
# Where the working language applies may stand between the label and the value: "arbeidsspråket om bord er
# engelsk", "the working language on board is English", "arbeidsspråket internt er engelsk".
_WL_SEP = r"(?:\s+(?:vårt|vår|our|her)|\s+(?:i|in|på|at|hos|within)\s+\w+(?:\s+\w+)?|\s+(?:om bord|on board|onboard|internt|internally|here)(?:\s+(?:i|in|på|on|at|across)(?:\s+\w+){1,3}|\s+all\s+our\s+\w+)?)?\s*(?::|=|-|–|\bis\b|\ber\b|\bwill be\b|\bvil være\b|\bblir\b)\s*"
_MAINLY = r"(?:(?:hovedsakelig|mainly|primarily|primært|mostly|stort sett|mostly)\s+)?"
_OR = r"\s*(?:\beller\b|\bor\b|/|,)\s*(?:(?:et|eit|ett|a|an)\s+)?"
_OR_STRICT = r"\s*(?:\beller\b|\bor\b|/)\s*(?:(?:et|eit|ett|a|an)\s+)?"

_SOFT = (
    r"(?:fordel|føremon|advantage|advantageous|plus|pluss|bonus|asset|merit|ønskelig|ønskjeleg|nice to have|"
    r"good to have|beneficial|preferred|d[ei]s[ie]rable|valued)"
)
_SOFT_GAP = (
    r"(?:\s+(?:språk\w*|language|skills|kunnskap\w*|ferdighet\w*|knowledge|kjennskap|til|of|muntlig|skriftlig|munnleg|"
    rf"skriftleg|written|spoken|oral|og|and|eller|or|både|i|in|tale|skrift)|\s*[,;:](?!\s*(?:og|and|men|but)\b)|\s+{_ANY})"
)
_NEED = (
    r"(?:krav|påkrevd|påkravd|nødvendig|naudsynt|required|requirement|needed|necessary|mandatory|"
    r"essential|a must|pre-?requisite|forutsetning|føresetnad)"
)
_NOT = r"(?:ikke|ikkje|not|no|never)"
_ALSO_TAKEN = (
    rf"\b(?:(?:vi\s+)?(?:tar|tek)\s+(?:vi\s+)?(?:også|og|ogso)\s+(?:imot|imote|i\s+mot)|(?:we\s+)?also\s+(?:accept|"
    rf"welcome|consider))\s+(?:\w+\s+){{0,2}}?{NORDIC}"
    rf"|{NORDIC}(?:\s+\w+){{0,2}}\s+(?:er|is|are)\s+(?:også|og|ogso|also)\s+(?:velkom\w*|welcome)"
)
_ALSO_FINE = (
    r"(?:(?:går|gjeld|gjelder|er|is|are|will|works?|do(?:es)?)\s+(?:\w+\s+)?(?:også|og|ogso|au|also|too|as well)\s+"
    r"(?:fint|bra|greit|godt|ok|fine|do)\b|(?:also|too)\s+(?:fine|ok|accepted|works?)\b|"
    r"(?:er|is)\s+(?:også|also)\s+(?:akseptert|accepted|godtatt))"
)
_DOC_NOUN = (
    r"\b(?:søknad\w*|cv|cv-en|attest\w*|vitnemål\w*|dokumentasjon\w*|dokument\w*|application\w*|"
    r"cover letter\w*|resumes?|résumé\w*|documents?|documentation|motivasjonsbrev\w*|søknadsbrev\w*|"
    r"apply|søk|referanse\w*|references?)\b"
)
# The gap between a document noun and "på norsk" must not hold the person or a skill verb: "søknad fra
# deg som kommuniserer godt på norsk" is about the applicant, not the document.
_DOC_GAP = (
    r"(?:(?!\b(?:du|deg|you|behersk\w*|snakk\w*|speak\w*|kommunis\w*|communicat\w*|jobb\w*|work\w*)\b)"
    r"[^.;!?]){0,80}?"
)


@dataclass(frozen=True)
class Rule:
    """A statement pattern: matches are masked; `requirement` None only masks (says nothing)."""

    name: str
    requirement: str | None
    strength: int
    pattern: re.Pattern[str]
    cues: tuple[tuple[str, ...], ...]
    """Word sets every match holds a word of (read off the pattern): a sentence without a word of each set
    skips the rule."""


def _rule(name: str, requirement: str | None, strength: int, regex: str) -> Rule:
    pattern = re.compile(regex)
    return Rule(name, requirement, strength, pattern, cue_sets(pattern))


# Applied in this order; each rule sees the sentence with earlier matches masked.
STATEMENT_RULES: tuple[Rule, ...] = (
    # What the application documents are written in says nothing about the job.
    _rule(
        "document language",
        None,
        HINT,
        rf"{_DOC_NOUN}{_DOC_GAP}\b(?:på|in|til|into)\s+(?:(?:et|eit|ett|en|ein|a|an|either)\s+)?{_LIST}",
    ),
    # Negation first: "Norsk er ikke et krav", "Det er ikkje krav om norsk", "no Norwegian required".
    _rule(
        "Norwegian welcome but not required",
        ENGLISH_OK,
        EXPLICIT,
        rf"{NORDIC}[^.;]{{0,40}}?\b(?:men|but)\s+(?:(?:det|dette|this|that|it)\s+)?(?:(?:er|is|it's|are)\s+)?{_NOT}\s+"
        rf"(?:(?:et|eit|a|an)\s+)?(?:{_NEED}|{_SOFT}|absolutely\s+{_NEED})\b(?!\s+(?:at|om|med|til)\b)",
    ),
    _rule(
        "not required",
        ENGLISH_OK,
        EXPLICIT,
        rf"{NORDIC}{_SOFT_GAP}{{0,4}}\s+(?:(?:er|is|are|vil|will|was)\s+)?(?:\w+\s+)?{_NOT}\s+"
        rf"(?:(?:et|eit|a|an|any)\s+)?(?:absolutt\s+|strictly\s+|nødvendigvis\s+)?{_NEED}\b"
        r"(?!\s+(?:at|that|om)\b)",
    ),
    _rule(
        "no requirement of",
        ENGLISH_OK,
        EXPLICIT,
        rf"\b(?:ikke|ikkje|not|no|uten|utan|without|ingen|inga)\s+(?:\w+\s+)?(?:krav|requirement|required|need|behov)"
        rf"\s+(?:om|til|for|of|to)?\s*(?:\w+\s+){{0,3}}?{NORDIC}",
    ),
    _rule(
        "does not demand Norwegian",
        ENGLISH_OK,
        EXPLICIT,
        rf"\b(?:krever|kreves|kravd|require[sd]?|demand[sd]?)\s+(?:\w+\s+)?(?:ikke|ikkje|not)\s+(?:\w+\s+){{0,2}}?{NORDIC}",
    ),
    _rule(
        "no Norwegian required",
        ENGLISH_OK,
        EXPLICIT,
        rf"\bno\s+{NO}(?:\s+\w+){{0,2}}\s+(?:required|needed|necessary)",
    ),
    _rule(
        "need not speak Norwegian",
        ENGLISH_OK,
        EXPLICIT,
        rf"(?:\b(?:trenger|treng|behøver|trengs|need|needs)\s+(?:du\s+|you\s+)?(?:ikke|ikkje|not)"
        rf"|\b(?:don't|do not|doesn't|does not|won't|will not)\s+(?:need|have|require)"
        rf"|\b(?:ikke|ikkje|not)\s+(?:nødvendig|påkrevd|et krav|naudsynt|necessary|required|needed|a requirement)"
        r"\s+(?:å|at du|to|that you|for you to))"
        rf"\s+(?:å\s+|to\s+)?(?:\w+\s+){{0,3}}?{NORDIC}",
    ),
    _rule(
        "even if you do not speak Norwegian",
        ENGLISH_OK,
        EXPLICIT,
        r"\b(?:selv om|sjølv om|even if|even though|although|though|om)\s+(?:du|you)\s+(?:ikke|ikkje|do not|don't|does not)\s+"
        rf"(?:yet\s+|ennå\s+|enno\s+)?(?:speak|snakker|snakkar|kan|know|har|have|behersker|meistrar)\s+(?:\w+\s+)?{NORDIC}",
    ),
    _rule(
        "welcome without Norwegian",
        ENGLISH_OK,
        EXPLICIT,
        r"\b(?:who|som|that)\s+(?:do not|don't|does not|doesn't|cannot|can't|ikke|ikkje)\s+(?:yet\s+|ennå\s+|enno\s+)?"
        rf"(?:speak|snakker|snakkar|kan|know|have|har|beherske[rt]?)\s+(?:\w+\s+)?{NORDIC}",
    ),
    # Alternatives that "also do": "norsk – svensk eller dansk går også fint", "Norwegian (English also fine)".
    # The whole phrase is one statement, so the Norwegian named first is not read again as a demand.
    _rule(
        "English also fine",
        ENGLISH_OK,
        EXPLICIT,
        rf"(?:{NORDIC}\s*(?:[-–—,:;(]|\beller\b|\bor\b)?\s*)?(?:{_ANY}{_SEP})*{EN}(?:{_SEP}{_ANY})*\s*\)?\s+{_ALSO_FINE}",
    ),
    _rule(
        "Scandinavian also fine",
        SCANDINAVIAN_REQUIRED,
        EXPLICIT,
        rf"(?:{NO}\s*(?:[-–—,:;(]|\beller\b|\bor\b)?\s*)?{SC}(?:{_SEP}{SC})*\s*\)?\s+{_ALSO_FINE}",
    ),
    # Another Nordic language "also" taken in ("vi tar også imot norsktalende"): masks; the main ask decides.
    _rule("Nordic speakers also taken in", None, HINT, _ALSO_TAKEN),
    # Working language stated outright.
    _rule(
        "working language English",
        ENGLISH_OK,
        EXPLICIT,
        # Finn renders several field values with commas; NAV joins them with "eller": either will do.
        rf"(?:{_WL_FIELD}{_WL_SEP}{_MAINLY}(?:{NORDIC}(?:\s+språk\w*)?{_OR})*{EN}"
        rf"|\b(?:språk|language){_WL_SEP}{_MAINLY}(?:{NORDIC}(?:\s+språk\w*)?{_OR_STRICT})*{EN}"
        rf"|\b(?:er|is)\s+(?:arbeidsspråket|the working language)\s+{_MAINLY}{EN})",
    ),
    _rule(
        "English is the working language",
        ENGLISH_OK,
        EXPLICIT,
        rf"{EN}\s+(?:is|er|will be|blir)\s+(?:(?:our|the|its|their|vårt|deres|det|a|an)\s+)?(?:\w+\s+)?"
        r"(?:(?:working|work|company|corporate|business|official|main|primary)\s+language|arbeidsspråk\w*|"
        r"konsernspråk\w*|hovedspråk\w*)",
    ),
    _rule(
        "English as working language",
        ENGLISH_OK,
        EXPLICIT,
        rf"{EN}\s+(?:as|som)\s+(?:(?:the|our|vårt)\s+)?(?:(?:working|work|company|corporate|business|official|"
        r"main|primary)\s+language|arbeidsspråk\w*|konsernspråk\w*|hovedspråk\w*)",
    ),
    _rule(
        "English-speaking workplace",
        ENGLISH_OK,
        EXPLICIT,
        r"\b(?:english[- ]speaking|engelskspråklig\w*|engelsktalende)\s+(?:\w+\s+)?(?:environment|team\w*|"
        r"workplace|company|office|miljø\w*|arbeidsmiljø\w*|arbeidsplass\w*|selskap\w*|kollega\w*|colleagues)",
    ),
    _rule(
        "communication in English",
        ENGLISH_OK,
        EXPLICIT,
        rf"\b(?:all|daily|internal|day-to-day|daglig|intern|all intern)\s+(?:\w+\s+)?(?:communication|kommunikasjon)"
        rf"\s+(?:\w+\s+){{0,2}}?(?:in|på|is in|foregår på|skjer på)\s+{EN}",
    ),
    _rule(
        "communication takes place in English",
        ENGLISH_OK,
        EXPLICIT,
        rf"\b(?:kommunikasjon\w*|communication)\s+(?:\w+\s+){{0,3}}?(?:foregår|foregar|skjer|går|is|happens|"
        rf"takes place)\s+(?:\w+\s+)?(?:på|in)\s+{EN}(?!\s*(?:og|and|samt|,|&|\+)\s*(?:\w+\s+)?{NORDIC})",
    ),
    _rule(
        "we work in English",
        ENGLISH_OK,
        EXPLICIT,
        r"(?:\b(?:we|vi)\s+(?:\w+\s+)?(?:work|jobber|jobbar|arbeider|arbeider|communicate|kommuniserer)"
        r"|\bwork\s+is\s+(?:\w+\s+)?(?:conducted|done|carried out|performed))"
        rf"\s+(?:(?:mainly|mostly|primarily|hovedsakelig|stort sett)\s+)?(?:in|på)\s+{EN}"
        rf"(?!\s*(?:og|and|samt|,|&|\+|or|eller|/)\s*(?:\w+\s+)?{_ANY})",
    ),
    _rule(
        "working language Scandinavian",
        SCANDINAVIAN_REQUIRED,
        EXPLICIT,
        rf"{_WL}{_WL_SEP}{_MAINLY}(?:{NO}{_OR})?{SC}",
    ),
    _rule(
        "working language Norwegian",
        NORWEGIAN_REQUIRED,
        EXPLICIT,
        rf"(?:{_WL}{_WL_SEP}{_MAINLY}{NO}|{NO}\s+(?:is|er)\s+(?:(?:our|the|vårt|det)\s+)?"
        r"(?:(?:working|company|corporate|business|official|main)\s+language|arbeidsspråk\w*))",
    ),
    # "fordel"/"advantage"/"ønskelig" attached to the language: Norwegian is welcome, not required.
    _rule(
        "Norwegian is an advantage",
        ENGLISH_OK,
        HINT,
        rf"{NORDIC}{_SOFT_GAP}{{0,5}}\s+(?:er|is|are|vil være|will be|would be|blir|vert|counts as|regnes som|anses som|"
        r"is considered|are considered|is seen as|considered)\s+"
        r"(?:(?:highly|very|greatly|much|svært|veldig|meget|særlig|spesielt|especially|particularly)\s+)?"
        rf"(?:(?:en|ein|a|an|et|eit)\s+)?(?:(?:stor|big|great|clear|definite|considerable|additional|klar|strong)\s+)?"
        rf"{_SOFT}\b",
    ),
    _rule(
        "advantage with Norwegian",
        ENGLISH_OK,
        HINT,
        rf"\b(?:fordel|føremon|advantage|plus|pluss|bonus|merit|ønskelig|ønskjeleg|nice to have|good to have|"
        rf"ser gjerne|would like|we'd like|we'd love|"
        rf"desirable|preferred|preferably|ideally)\b(?:\s*[:,-])?\s+(?:(?:med|om|if|with|at|hvis|dersom|viss|for|"
        rf"to|that|you|du|can|kan|har|have|speak\w*|snakk\w*|behersk\w*|meistr\w*|mestr\w*|forstår|understand\w*|knowledge|kunnskap\w*|some|noe|noko|basic|"
        rf"grunnleggende|litt|little|bit|of|in|i|also|også|kjennskap|familiarity|til)\s+){{0,6}}{NORDIC}",
    ),
    _rule(
        "Norwegian (advantage)",
        ENGLISH_OK,
        HINT,
        rf"{NORDIC}\s*\(\s*(?:(?:er|is)\s+)?(?:(?:en|a|an)\s+)?(?:fordel|føremon|advantage|plus|ønskelig|desirable|"
        r"preferred|nice to have|bonus)",
    ),
    # Certification is a hard gate: norskprøve, Bergenstest, a CEFR level attached to Norwegian.
    _rule(
        "Norwegian test",
        NORWEGIAN_REQUIRED,
        EXPLICIT,
        r"\b(?:\w*norsktest\w*|norskprøv\w*|bergenstest\w*|test i norsk|test of norwegian|"
        r"norwegian (?:language )?(?:proficiency )?(?:test|exam)\w*)\b",
    ),
    _rule(
        "Norwegian at a CEFR level",
        NORWEGIAN_REQUIRED,
        EXPLICIT,
        rf"(?:{NO}[^.;]{{0,40}}?\b(?:a2|b1|b2|c1|c2)\b|\b(?:a2|b1|b2|c1|c2)\b[^.;]{{0,30}}?{NO})",
    ),
    # A Nordic language asked for only after some years in the post ("må kunne undervise på norsk innen to
    # år"): the job starts without it.
    _rule(
        "Norwegian within some years",
        ENGLISH_OK,
        EXPLICIT,
        rf"{NORDIC}(?:\s+språk\w*|\s+language)?[^.;,]{{0,60}}?\b(?:innen|innan|within|i løpet av|etter|after)\s+"
        r"(?:\w+\s+)?(?:år|years?|måneder|månader|months|semestre|semesters)\b",
    ),
    # Learning Norwegian on the job: not required at the start.
    _rule(
        "willing to learn Norwegian",
        ENGLISH_OK,
        EXPLICIT,
        rf"\b(?:learn\w*|lære|lærer|lærar)\s+(?:(?:deg|dykk|the|some|basic|grunnleggende)\s+)?{NO}",
    ),
    _rule(
        "Norwegian course offered",
        ENGLISH_OK,
        HINT,
        r"\b(?:tilbyr|tilbod|tilbud|offer\w*|provide\w*|gratis|free|betalt|paid|includ\w*|inkl\w*)\b[^.;]{0,40}?"
        r"\b(?:norskkurs\w*|norskopplæring\w*|norskundervisning\w*|norwegian (?:language )?(?:course|class|lesson|"
        r"training|tuition)\w*|kurs i norsk|opplæring i norsk)",
    ),
)

_LIST_RE = re.compile(rf"(?:{_LIST})")
_LANG_RE = re.compile(_LANG)


def _keyword_words() -> tuple[str, ...]:
    """Words a sentence must hold to state anything: a Nordic or English language word, or a word of
    each rule that can match without one. Read off the patterns, so a word added to a rule is never
    skipped here: for each rule, one of its cue sets must be covered (every word of the set holds a
    keyword), else that set's words become keywords too. Other languages alone state nothing."""
    words = set(cue_words(re.compile(rf"{NO}|{SC}|{EN}")))
    for rule in STATEMENT_RULES:
        if rule.requirement is None:
            continue  # masks only
        covered = any(all(any(k in w for k in words) for w in cue_set) for cue_set in rule.cues)
        if not covered:
            words.update(rule.cues[0])
    return tuple(sorted(words))


# A sentence can state something only if it holds one of these words.
_KEYWORD_WORDS = _keyword_words()
