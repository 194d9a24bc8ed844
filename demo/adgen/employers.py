"""Employers for demo ads: invented companies and staffing agencies, plus real public bodies.

Companies and agencies are invented (homepages on the reserved `.example` domain, organisation numbers
drawn with a valid mod-11 check digit). Real public bodies (hospitals, municipalities, agencies,
universities) appear under their real names and homepages because that is who posts such ads; their
organisation number is left empty rather than risk a wrong one (NAV's `orgnr` is nullable).
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Employer:
    """Who posts an ad and what it says about itself."""

    name: str
    sector: str  # NAV's "Privat" or "Offentlig"
    groups: tuple[str, ...]  # occupation groups it hires for
    cities: tuple[str, ...]
    what: dict[str, str]  # language -> "what we do" clause, completing "<name> ..."
    homepage: str = ""
    real: bool = False
    agency: bool = False
    nynorsk: bool = False  # a public body that writes Nynorsk
    english: bool = True  # may write ads in English
    employees: int = 0


def _e(name: str, groups: str, cities: str, nb: str, en: str = "", nn: str = "", **kw: object) -> Employer:
    what = {"nb": nb}
    if en:
        what["en"] = en
    if nn:
        what["nn"] = nn
    sector = "Offentlig" if kw.pop("public", False) else "Privat"
    homepage = kw.pop("homepage", "") or "https://" + slug(name) + ".example"
    return Employer(name, sector, tuple(groups.split()), tuple(cities.split("|")), what, str(homepage), **kw)  # type: ignore[arg-type]


def slug(name: str) -> str:
    """A lower-case ASCII handle for an employer's name, for invented web addresses."""
    keep = name.lower().replace(" as", "").replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return "".join(ch for ch in keep if ch.isalnum())


EMPLOYERS: tuple[Employer, ...] = (
    # Invented private companies.
    _e(
        "Fjellkode AS",
        "it",
        "Oslo|Bergen",
        "utvikler betalingsløsninger for nordiske banker",
        "builds payment solutions for Nordic banks",
        employees=140,
    ),
    _e(
        "Nordlys Data AS",
        "it",
        "Tromsø|Oslo",
        "lager dataplattformer for energibransjen",
        "builds data platforms for the energy industry",
        employees=60,
    ),
    _e(
        "Havbris Teknologi AS",
        "it engineering",
        "Stavanger|Bergen",
        "utvikler programvare for havvind og maritim drift",
        "develops software for offshore wind and maritime operations",
        employees=220,
    ),
    _e(
        "Skarven Software AS",
        "it",
        "Trondheim",
        "er et produktselskap som lager fagsystemer for kommuner",
        "makes case-management software for municipalities",
        employees=75,
    ),
    _e(
        "Bølge Analytics AS",
        "it",
        "Oslo|Trondheim",
        "hjelper handelskjeder med prising og prognoser",
        "helps retailers with pricing and forecasting",
        employees=45,
    ),
    _e(
        "Trollskog Digital AS",
        "it",
        "Oslo|Kristiansand|Bergen",
        "er et konsulentselskap innen design og utvikling",
        "is a design and engineering consultancy",
        employees=310,
    ),
    _e(
        "Kvartsfjell Systems AS",
        "it",
        "Lysaker|Fornebu",
        "leverer kritiske systemer til telekom og forsvar",
        "delivers critical systems to telecom and defence",
        employees=1250,
    ),
    _e(
        "Polarlys Fintech AS",
        "it",
        "Oslo",
        "bygger Nordens enkleste app for sparing",
        "builds the simplest savings app in the Nordics",
        employees=90,
    ),
    _e(
        "Granitt Cloud AS",
        "it",
        "Oslo|Bergen|Trondheim",
        "drifter sky- og plattformtjenester for norske virksomheter",
        "runs cloud and platform services for Norwegian businesses",
        employees=180,
    ),
    _e(
        "Vindel Security AS",
        "it",
        "Oslo|Kongsberg",
        "er et miljø for digital sikkerhet med døgnbemannet SOC",
        "runs a 24/7 security operations centre",
        employees=120,
    ),
    _e(
        "Tallkraft Regnskap AS",
        "accounting",
        "Bergen|Haugesund|Stavanger",
        "er et regnskapsbyrå med over 900 kunder",
        "is an accounting firm with more than 900 clients",
        employees=38,
    ),
    _e(
        "Søndre Økonomi AS",
        "accounting",
        "Kristiansand|Arendal",
        "leverer regnskap og lønn til små og mellomstore bedrifter",
        employees=22,
    ),
    _e(
        "Lysfjord Energi AS",
        "accounting engineering it",
        "Sandnes|Stavanger|Bergen",
        "produserer fornybar kraft fra vann og vind",
        "produces renewable power from hydro and wind",
        employees=460,
    ),
    _e(
        "Brattli Bygg AS",
        "construction",
        "Hamar|Lillehammer|Gjøvik",
        "bygger boliger og næringsbygg i Innlandet",
        employees=85,
    ),
    _e(
        "Vestkyst Entreprenør AS",
        "construction",
        "Bergen|Leirvik|Haugesund",
        "er en totalentreprenør med prosjekter på hele Vestlandet",
        employees=340,
    ),
    _e(
        "Nordhei Anlegg AS",
        "construction",
        "Bodø|Mo i Rana|Narvik",
        "jobber med vei, tunnel og anlegg i Nord-Norge",
        employees=150,
    ),
    _e(
        "Solberg & Hagen Tømrer AS",
        "construction",
        "Drammen|Asker|Tønsberg",
        "er et tømrerfirma med 40 års erfaring",
        employees=25,
    ),
    _e(
        "Lynkraft Elektro AS",
        "electrician",
        "Oslo|Lillestrøm|Ski",
        "er en elektroinstallatør innen bolig og næring",
        employees=95,
    ),
    _e(
        "Nordelektro Installasjon AS",
        "electrician",
        "Trondheim|Steinkjer|Levanger",
        "utfører elektroinstallasjoner i hele Trøndelag",
        employees=130,
    ),
    _e(
        "Spenning Service AS",
        "electrician",
        "Fredrikstad|Sarpsborg|Moss",
        "leverer service og installasjon av ladeanlegg og solceller",
        employees=40,
    ),
    _e(
        "Fjordfrakt Logistikk AS",
        "logistics",
        "Bergen|Ålesund|Molde",
        "frakter gods langs kysten fra Stavanger til Trondheim",
        employees=280,
    ),
    _e(
        "Nordlager AS",
        "logistics",
        "Lillestrøm|Ski|Drammen",
        "driver tredjepartslager for netthandel",
        employees=520,
    ),
    _e(
        "Stamnett Transport AS",
        "logistics",
        "Trondheim|Hamar|Bodø",
        "er et transportselskap med egne terminaler",
        employees=210,
    ),
    _e(
        "Kystkjeden AS",
        "sales",
        "Bergen|Stavanger|Ålesund|Kristiansand",
        "er en kjede av sportsbutikker med 45 butikker",
        employees=600,
    ),
    _e(
        "Fjellbutikken AS",
        "sales",
        "Lillehammer|Hamar|Tromsø",
        "selger friluftsutstyr i egne butikker og på nett",
        employees=120,
    ),
    _e(
        "Solkraft Energisalg AS",
        "sales",
        "Oslo|Drammen|Trondheim",
        "selger solcelleanlegg til bedrifter",
        employees=55,
    ),
    _e(
        "Fjellstua Hotell AS",
        "hospitality",
        "Lillehammer|Voss",
        "er et familieeid fjellhotell med 120 rom",
        "is a family-owned mountain hotel with 120 rooms",
        employees=70,
    ),
    _e(
        "Bryggen Fjordhotell AS",
        "hospitality",
        "Bergen|Ålesund",
        "driver to hoteller ved sjøkanten",
        "runs two waterfront hotels",
        employees=110,
    ),
    _e(
        "Arktisk Kjøkken AS",
        "hospitality",
        "Tromsø|Alta|Hammerfest",
        "driver restauranter og turistopplevelser i nord",
        "runs restaurants and Arctic experiences in the north",
        employees=65,
    ),
    _e(
        "Nordsjø Subsea AS",
        "engineering",
        "Stavanger|Bergen",
        "leverer subsea-utstyr til olje- og gassfelt",
        "delivers subsea equipment to oil and gas fields",
        employees=780,
    ),
    _e(
        "Havdyp Engineering AS",
        "engineering",
        "Stavanger|Sandnes|Haugesund",
        "er et ingeniørselskap for prosessanlegg offshore",
        "is an engineering company for offshore process facilities",
        employees=410,
    ),
    _e(
        "Fjordbru Rådgivning AS",
        "engineering",
        "Trondheim|Oslo|Bergen",
        "er rådgivende ingeniører innen bru og konstruksjon",
        "is a consultancy for bridges and structures",
        employees=160,
    ),
    _e(
        "Nordlys Forskningsinstitutt AS",
        "research",
        "Tromsø",
        "forsker på klima og økosystemer i Arktis",
        "does research on Arctic climate and ecosystems",
        employees=90,
    ),
    # Invented staffing and recruitment agencies, posting for their clients.
    _e(
        "Arbeidskraft Norge AS",
        "construction logistics hospitality",
        "Oslo|Bergen|Stavanger|Trondheim|Drammen",
        "er et bemanningsbyrå med avdelinger over hele landet",
        agency=True,
        english=False,
        employees=2400,
    ),
    _e(
        "Proffbemanning AS",
        "construction electrician",
        "Oslo|Lillestrøm|Kristiansand|Bergen",
        "leverer fagarbeidere til bygg og industri",
        agency=True,
        english=False,
        employees=800,
    ),
    _e(
        "Bemanningshuset AS",
        "logistics sales",
        "Oslo|Fredrikstad|Hamar|Trondheim",
        "er et bemanningsselskap innen lager, logistikk og handel",
        agency=True,
        english=False,
        employees=650,
    ),
    _e(
        "Konsulenthuset Rekruttering AS",
        "accounting it",
        "Oslo|Bergen",
        "rekrutterer spesialister innen økonomi og teknologi",
        "recruits specialists in finance and technology",
        agency=True,
        employees=35,
    ),
    _e(
        "Nordic Staffing Partner AS",
        "engineering it",
        "Stavanger|Bergen|Oslo",
        "leverer ingeniører og IT-konsulenter til energibransjen",
        "supplies engineers and IT consultants to the energy industry",
        agency=True,
        employees=300,
    ),
    _e(
        "Medvikar Bemanning AS",
        "nursing",
        "Oslo|Bergen|Trondheim|Tromsø",
        "leverer sykepleiere og helsefagarbeidere til sykehus og kommuner",
        agency=True,
        english=False,
        employees=1100,
    ),
    # Real public bodies (names and homepages real; the ads are invented).
    _e(
        "Oslo universitetssykehus HF",
        "nursing it",
        "Oslo",
        "er Norges største sykehus",
        "is the largest hospital in Norway",
        public=True,
        real=True,
        homepage="https://oslo-universitetssykehus.no",
        employees=24000,
    ),
    _e(
        "Helse Bergen HF",
        "nursing",
        "Bergen",
        "har ansvar for spesialisthelsetenester til 460 000 innbyggere",
        public=True,
        real=True,
        homepage="https://helse-bergen.no",
        english=False,
        employees=14000,
    ),
    _e(
        "St. Olavs hospital HF",
        "nursing",
        "Trondheim",
        "er universitetssykehus for Midt-Norge",
        public=True,
        real=True,
        homepage="https://stolav.no",
        english=False,
    ),
    _e(
        "Universitetssykehuset Nord-Norge HF",
        "nursing",
        "Tromsø|Harstad|Narvik",
        "gir spesialisthelsetjenester til befolkningen i Nord-Norge",
        public=True,
        real=True,
        homepage="https://unn.no",
        english=False,
    ),
    _e(
        "Helse Førde HF",
        "nursing",
        "Førde",
        "driv sjukehus og poliklinikkar i Sogn og Fjordane",
        nn="driv sjukehus og poliklinikkar i Sogn og Fjordane",
        public=True,
        real=True,
        nynorsk=True,
        english=False,
        homepage="https://helse-forde.no",
    ),
    _e(
        "Bergen kommune",
        "nursing teaching accounting public_admin",
        "Bergen",
        "er Norges nest største kommune",
        public=True,
        real=True,
        homepage="https://www.bergen.kommune.no",
        english=False,
        employees=20000,
    ),
    _e(
        "Oslo kommune",
        "teaching public_admin nursing it",
        "Oslo",
        "er Norges største arbeidsgiver",
        "is Norway's largest employer",
        public=True,
        real=True,
        homepage="https://www.oslo.kommune.no",
        employees=50000,
    ),
    _e(
        "Trondheim kommune",
        "nursing teaching public_admin",
        "Trondheim",
        "har over 200 000 innbyggere og 15 000 ansatte",
        public=True,
        real=True,
        homepage="https://www.trondheim.kommune.no",
        english=False,
    ),
    _e(
        "Kristiansand kommune",
        "teaching public_admin",
        "Kristiansand",
        "er landsdelens største kommune",
        public=True,
        real=True,
        homepage="https://www.kristiansand.kommune.no",
        english=False,
    ),
    _e(
        "Sunnfjord kommune",
        "nursing public_admin teaching",
        "Førde",
        "er regionsenter i Sunnfjord",
        nn="er regionsenter i Sunnfjord",
        public=True,
        real=True,
        nynorsk=True,
        english=False,
        homepage="https://www.sunnfjord.kommune.no",
    ),
    _e(
        "Volda kommune",
        "teaching nursing",
        "Volda",
        "er ein utdanningskommune på Sunnmøre",
        nn="er ein utdanningskommune på Sunnmøre",
        public=True,
        real=True,
        nynorsk=True,
        english=False,
        homepage="https://www.volda.kommune.no",
    ),
    _e(
        "Ørsta kommune",
        "public_admin teaching",
        "Ørsta",
        "ligg mellom fjord og fjell på Sunnmøre",
        nn="ligg mellom fjord og fjell på Sunnmøre",
        public=True,
        real=True,
        nynorsk=True,
        english=False,
        homepage="https://www.orsta.kommune.no",
    ),
    _e(
        "Voss herad",
        "nursing teaching public_admin",
        "Voss",
        "er ein aktiv kommune med 16 000 innbyggjarar",
        nn="er ein aktiv kommune med 16 000 innbyggjarar",
        public=True,
        real=True,
        nynorsk=True,
        english=False,
        homepage="https://www.voss.herad.no",
    ),
    _e(
        "Vestland fylkeskommune",
        "teaching public_admin",
        "Bergen|Førde|Leirvik",
        "driv vidaregåande skular og tannhelseteneste i Vestland",
        nn="driv vidaregåande skular og tannhelseteneste i Vestland",
        public=True,
        real=True,
        nynorsk=True,
        english=False,
        homepage="https://www.vestlandfylke.no",
    ),
    _e(
        "Statsforvaltaren i Vestland",
        "public_admin",
        "Bergen|Sogndal",
        "er staten sin representant i fylket",
        nn="er staten sin representant i fylket",
        public=True,
        real=True,
        nynorsk=True,
        english=False,
        homepage="https://www.statsforvalteren.no/vestland",
    ),
    _e(
        "Arbeids- og velferdsetaten",
        "it public_admin",
        "Oslo|Bergen|Trondheim|Bodø",
        "forvalter en tredel av statsbudsjettet",
        "manages a third of the national budget",
        public=True,
        real=True,
        homepage="https://www.nav.no",
        employees=23000,
    ),
    _e(
        "Skatteetaten",
        "it public_admin accounting",
        "Oslo|Bergen|Trondheim|Skien|Hamar",
        "forvalter skatte- og avgiftssystemet og folkeregisteret",
        "runs the tax system and the national population register",
        public=True,
        real=True,
        homepage="https://www.skatteetaten.no",
        employees=6500,
    ),
    _e(
        "Utlendingsdirektoratet",
        "public_admin",
        "Oslo",
        "behandler søknader om oppholdstillatelse og statsborgerskap",
        public=True,
        real=True,
        homepage="https://www.udi.no",
        english=False,
    ),
    _e(
        "Statens vegvesen",
        "engineering it public_admin",
        "Oslo|Bergen|Trondheim|Drammen|Molde|Bodø",
        "har ansvar for riksvegene og trafikksikkerheten",
        "is responsible for national roads and road safety",
        public=True,
        real=True,
        homepage="https://www.vegvesen.no",
        employees=5000,
    ),
    _e(
        "Kartverket",
        "it public_admin",
        "Hamar",
        "er Norges nasjonale kartmyndighet",
        "is Norway's national mapping authority",
        public=True,
        real=True,
        homepage="https://www.kartverket.no",
    ),
    _e(
        "Digitaliseringsdirektoratet",
        "it",
        "Oslo|Leirvik|Sandvika",
        "er regjeringens fremste verktøy for digitalisering av offentlig sektor",
        "is the government's agency for the digitalisation of the public sector",
        public=True,
        real=True,
        homepage="https://www.digdir.no",
    ),
    _e(
        "Bane NOR SF",
        "engineering",
        "Oslo|Drammen|Hamar",
        "eier og forvalter jernbanenettet i Norge",
        public=True,
        real=True,
        homepage="https://www.banenor.no",
        english=False,
    ),
    _e(
        "Universitetet i Oslo",
        "research it",
        "Oslo",
        "er Norges eldste universitet",
        "is Norway's oldest university",
        public=True,
        real=True,
        homepage="https://www.uio.no",
        employees=7000,
    ),
    _e(
        "Universitetet i Bergen",
        "research",
        "Bergen",
        "er et internasjonalt anerkjent forskningsuniversitet",
        "is an internationally recognised research university",
        public=True,
        real=True,
        homepage="https://www.uib.no",
    ),
    _e(
        "Norges teknisk-naturvitenskapelige universitet (NTNU)",
        "research it",
        "Trondheim|Gjøvik|Ålesund",
        "har hovedansvaret for teknologiutdanningen i Norge",
        "has the main national responsibility for education and research in technology",
        public=True,
        real=True,
        homepage="https://www.ntnu.no",
    ),
    _e(
        "UiT Norges arktiske universitet",
        "research",
        "Tromsø|Alta|Narvik",
        "er verdens nordligste universitet",
        "is the world's northernmost university",
        public=True,
        real=True,
        homepage="https://uit.no",
    ),
    _e(
        "Høgskulen på Vestlandet",
        "research teaching",
        "Bergen|Førde|Sogndal|Leirvik",
        "har fem campus på Vestlandet",
        "has five campuses in Western Norway",
        nn="har fem campus på Vestlandet",
        public=True,
        real=True,
        nynorsk=True,
        homepage="https://www.hvl.no",
    ),
    _e(
        "Havforskningsinstituttet",
        "research",
        "Bergen|Tromsø",
        "gir råd om forvaltning av havet",
        "advises on the management of the ocean",
        public=True,
        real=True,
        homepage="https://www.hi.no",
    ),
)


def employers_for(group: str) -> tuple[Employer, ...]:
    """Employers that hire for an occupation group."""
    return tuple(employer for employer in EMPLOYERS if group in employer.groups)


def orgnr(rng: random.Random) -> str:
    """A nine-digit organisation number with a valid mod-11 check digit (invented companies only)."""
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    while True:
        digits = [9, *(rng.randint(0, 9) for _ in range(7))]
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        check = 0 if remainder == 0 else 11 - remainder
        if check < 10:
            return "".join(map(str, digits)) + str(check)
