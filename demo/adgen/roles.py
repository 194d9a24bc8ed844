"""Occupations the demo ads are written for: titles, duties, skills and pay bands in Bokmål, English, Nynorsk.

Each role carries the words an ad for it is built from and the distributions its facts are drawn from
(education asked for, pay band, engagement types, part-time share). STYRK-08 codes and NAV's category
names are those of navikt/pam-styrk-yrkeskategori-mapper (the mapping the feed itself uses), so
`occupationCategories` and `categoryList` agree the way they do in the real feed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Lang = str  # "nb", "nn" or "en"
Texts = dict[Lang, tuple[str, ...]]

# STYRK-08 code -> (name, level1, level2), from styrk_category_mapping.csv (trailing spaces trimmed as NAV does).
STYRK: dict[str, tuple[str, str, str]] = {
    "2512": ("Programvareutviklere", "IT", "Utvikling"),
    "2513": ("Nett- og multimediautviklere", "IT", "Utvikling"),
    "2521": ("Databasedesignere og -administratorer", "IT", "Drift, vedlikehold"),
    "2522": ("Systemadministratorer", "IT", "Drift, vedlikehold"),
    "2529": ("Sikkerhetsanalytikere mv.", "IT", "Utvikling"),
    "2519": ("Andre programvare- og applikasjonsutviklere", "IT", "Utvikling"),
    "2223": ("Sykepleiere", "Helse og sosial", "Sykepleier"),
    "5321": ("Helsefagarbeidere", "Helse og sosial", "Helsefagarbeider"),
    "2341": ("Grunnskolelærere", "Utdanning", "Grunnskole"),
    "2330": ("Lektorer mv. i videregående skole", "Utdanning", "Videregående skole"),
    "3313": ("Regnskapsførere", "Kontor og økonomi", "Økonomi, statistikk og regnskap"),
    "2411": ("Revisorer og regnskapsrådgivere", "Kontor og økonomi", "Økonomi, statistikk og regnskap"),
    "7115": ("Tømrere og snekkere", "Håndverkere", "Tømrer og snekker"),
    "3123": ("Arbeidsleder, bygg og anlegg", "Bygg og anlegg", "Arbeidsleder, bygg og anlegg"),
    "7411": ("Elektrikere", "Håndverkere", "Elektriker/elektro"),
    "4321": (
        "Lagermedarbeidere og materialforvaltere",
        "Transport og lager",
        "Logistikk, lagerarbeid og innkjøp",
    ),
    "8332": ("Lastebil- og trailersjåfører", "Transport og lager", "Tog-, sporvogn- og vegtrafikk"),
    "5223": ("Butikkmedarbeidere", "Salg og service", "Salg, butikk- og varehandel"),
    "3322": ("Selgere (engros)", "Salg og service", "Salg, butikk- og varehandel"),
    "5120": ("Kokker", "Reiseliv og mat", "Kokk"),
    "4224": ("Hotellresepsjonister", "Reiseliv og mat", "Reiseliv, hotell og overnatting"),
    "2422": (
        "Høyere saksbehandlere i offentlig og privat virksomhet",
        "Kontor og økonomi",
        "Kontor, forvaltning og saksbehandling",
    ),
    "3359": (
        "Andre yrker innen offentlig forvaltning",
        "Kontor og økonomi",
        "Kontor, forvaltning og saksbehandling",
    ),
    "2146": (
        "Sivilingeniører (geofag, petroleums-teknologi, metallurgi mv.)",
        "Industri og produksjon",
        "Olje, gass og bergverk",
    ),
    "2142": ("Sivilingeniører (bygg og anlegg)", "Bygg og anlegg", "Ingeniør bygg"),
    "2310": ("Universitets- og høyskolelektorer/-lærere", "Utdanning", "Universitet og høyskole"),
}


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


_IT_EDU = (("master", 3), ("bachelor", 4), (None, 3))
_IT_ENG = (("Fast", 12), ("Prosjekt", 1), ("Engasjement", 1))
_IT_FIELD = {
    "nb": "informatikk, datateknologi eller tilsvarende",
    "en": "computer science or a related field",
}

IT_ROLES: tuple[Role, ...] = (
    Role(
        key="backend",
        group="it",
        styrk="2512",
        jobtitle="Backendutvikler",
        titles={
            "nb": (
                "Backendutvikler",
                "Erfaren backendutvikler",
                "Senior backendutvikler",
                "Utvikler med backendfokus",
            ),
            "en": (
                "Backend Developer",
                "Senior Backend Engineer",
                "Software Engineer, Backend",
                "Backend Engineer (Java/Kotlin)",
            ),
        },
        duties={
            "nb": (
                "Utvikle og forvalte API-er i Java, Kotlin eller Python",
                "Designe robuste tjenester som kjører i Kubernetes",
                "Samarbeide tett med produkteiere, designere og frontendutviklere",
                "Forbedre ytelse og observabilitet i eksisterende systemer",
                "Delta i kodegjennomganger og arkitekturdiskusjoner",
                "Integrere med Kafka og PostgreSQL",
            ),
            "en": (
                "Design and build APIs in Java, Kotlin or Python",
                "Run and improve services on Kubernetes",
                "Work closely with product managers, designers and frontend engineers",
                "Improve performance and observability of our systems",
                "Take part in code reviews and architecture discussions",
                "Build event-driven integrations with Kafka",
            ),
        },
        skills={
            "nb": (
                "Solid erfaring med Java, Kotlin eller Python",
                "Erfaring med relasjonsdatabaser, gjerne PostgreSQL",
                "Kjennskap til Kafka eller andre meldingskøer",
                "Erfaring med Docker og Kubernetes",
                "Du liker automatiserte tester og CI/CD",
            ),
            "en": (
                "Solid experience with Java, Kotlin or Python",
                "Experience with relational databases such as PostgreSQL",
                "Familiarity with Kafka or other event streaming platforms",
                "Hands-on experience with Docker and Kubernetes",
                "You care about automated testing and continuous delivery",
            ),
        },
        motivations={
            "nb": (
                "bygge tjenester som brukes av millioner",
                "jobbe med moderne skyplattformer",
                "løse krevende integrasjonsproblemer",
            ),
            "en": (
                "build services used by millions",
                "work on a modern cloud platform",
                "solve hard integration problems",
            ),
        },
        units={
            "nb": ("plattformteamet", "betalingsteamet", "utviklingsavdelingen"),
            "en": ("our platform team", "the payments team", "our engineering department"),
        },
        edu_field=_IT_FIELD,
        education=_IT_EDU,
        band=(640_000, 980_000),
        engagement=_IT_ENG,
        english_share=0.55,
    ),
    Role(
        key="frontend",
        group="it",
        styrk="2513",
        jobtitle="Frontendutvikler",
        titles={
            "nb": (
                "Frontendutvikler",
                "Erfaren frontendutvikler",
                "Frontendutvikler (React)",
                "Webutvikler med frontendfokus",
            ),
            "en": ("Frontend Developer", "Senior Frontend Engineer", "Frontend Engineer (React/TypeScript)"),
        },
        duties={
            "nb": (
                "Utvikle brukervennlige løsninger i React og TypeScript",
                "Samarbeide med interaksjonsdesignere om universell utforming",
                "Bygge og vedlikeholde komponentbiblioteket vårt",
                "Sørge for god ytelse og tilgjengelighet på tvers av enheter",
                "Skrive tester med Playwright og Jest",
            ),
            "en": (
                "Build accessible user interfaces in React and TypeScript",
                "Work with designers on our design system",
                "Own features from idea to production",
                "Keep our web apps fast on every device",
                "Write tests with Playwright and Jest",
            ),
        },
        skills={
            "nb": (
                "God erfaring med React, TypeScript og moderne CSS",
                "Kunnskap om universell utforming (WCAG)",
                "Erfaring med Next.js er en fordel",
                "Du har et godt øye for detaljer og brukeropplevelse",
            ),
            "en": (
                "Strong experience with React, TypeScript and modern CSS",
                "Knowledge of accessibility standards (WCAG)",
                "Experience with Next.js is a plus",
                "An eye for detail and user experience",
            ),
        },
        motivations={
            "nb": (
                "lage digitale tjenester folk faktisk liker å bruke",
                "jobbe med design og kode i samme team",
            ),
            "en": ("make digital services people enjoy using", "work where design and code meet"),
        },
        units={
            "nb": ("teamet for digitale tjenester", "produktteamet", "frontendfaggruppen"),
            "en": ("our product team", "the digital services team"),
        },
        edu_field=_IT_FIELD,
        education=_IT_EDU,
        band=(600_000, 900_000),
        engagement=_IT_ENG,
        english_share=0.5,
    ),
    Role(
        key="data",
        group="it",
        styrk="2521",
        jobtitle="Dataingeniør",
        titles={
            "nb": ("Dataingeniør", "Data engineer", "Erfaren dataingeniør", "Dataplattformutvikler"),
            "en": ("Data Engineer", "Senior Data Engineer", "Analytics Engineer", "Data Platform Engineer"),
        },
        duties={
            "nb": (
                "Bygge og drifte datapipelines i Python og SQL",
                "Modellere data i dbt og BigQuery",
                "Sikre datakvalitet og dokumentasjon",
                "Gjøre data tilgjengelig for analytikere og maskinlæringsteam",
                "Orkestrere jobber med Airflow eller Prefect",
            ),
            "en": (
                "Build and run data pipelines in Python and SQL",
                "Model data with dbt on a cloud warehouse",
                "Own data quality and lineage",
                "Make data available to analysts and machine learning teams",
                "Orchestrate jobs with Airflow or Prefect",
            ),
        },
        skills={
            "nb": (
                "Erfaring med Python og SQL",
                "Kjennskap til Spark, Kafka eller tilsvarende strømmeteknologi",
                "Erfaring med skyplattformer (GCP, Azure eller AWS)",
                "Forståelse for datamodellering",
            ),
            "en": (
                "Strong Python and SQL",
                "Experience with Spark, Kafka or similar streaming tools",
                "Experience with GCP, Azure or AWS",
                "A good grasp of data modelling",
            ),
        },
        motivations={
            "nb": ("gjøre data om til bedre beslutninger", "bygge en moderne dataplattform fra grunnen av"),
            "en": ("turn data into better decisions", "build a modern data platform from the ground up"),
        },
        units={
            "nb": ("dataplattformteamet", "seksjon for analyse", "avdeling for data og innsikt"),
            "en": ("our data platform team", "the analytics department"),
        },
        edu_field=_IT_FIELD,
        education=_IT_EDU,
        band=(620_000, 950_000),
        engagement=_IT_ENG,
        english_share=0.55,
    ),
    Role(
        key="devops",
        group="it",
        styrk="2522",
        jobtitle="DevOps-ingeniør",
        titles={
            "nb": (
                "DevOps-ingeniør",
                "Plattformingeniør",
                "Driftsingeniør med DevOps-erfaring",
                "Site Reliability Engineer",
            ),
            "en": (
                "DevOps Engineer",
                "Platform Engineer",
                "Site Reliability Engineer",
                "Cloud Infrastructure Engineer",
            ),
        },
        duties={
            "nb": (
                "Drifte og videreutvikle Kubernetes-plattformen vår",
                "Automatisere infrastruktur med Terraform",
                "Forbedre overvåking og varsling",
                "Bistå utviklingsteamene med CI/CD",
                "Delta i vaktordning (betalt)",
            ),
            "en": (
                "Run and evolve our Kubernetes platform",
                "Automate infrastructure with Terraform",
                "Improve monitoring and alerting",
                "Help product teams ship with CI/CD",
                "Join a paid on-call rotation",
            ),
        },
        skills={
            "nb": (
                "Erfaring med Linux, Kubernetes og Terraform",
                "Kjennskap til Azure, GCP eller AWS",
                "Erfaring med GitHub Actions eller GitLab CI",
                "Du er strukturert og liker å automatisere",
            ),
            "en": (
                "Experience with Linux, Kubernetes and Terraform",
                "Experience with Azure, GCP or AWS",
                "Experience with GitHub Actions or GitLab CI",
                "You like to automate everything twice",
            ),
        },
        motivations={
            "nb": ("gjøre hverdagen enklere for hundre utviklere",),
            "en": ("make life easier for a hundred developers",),
        },
        units={
            "nb": ("plattformteamet", "driftsavdelingen", "seksjon for infrastruktur"),
            "en": ("our platform team", "the infrastructure group"),
        },
        edu_field=_IT_FIELD,
        education=_IT_EDU,
        band=(620_000, 920_000),
        engagement=_IT_ENG,
        english_share=0.5,
    ),
    Role(
        key="security",
        group="it",
        styrk="2529",
        jobtitle="Sikkerhetsrådgiver IT",
        titles={
            "nb": (
                "Sikkerhetsrådgiver IT",
                "Informasjonssikkerhetsrådgiver",
                "Sikkerhetsanalytiker",
                "Penetrasjonstester",
            ),
            "en": (
                "Security Engineer",
                "Cloud Security Engineer",
                "Security Analyst (SOC)",
                "Application Security Specialist",
            ),
        },
        duties={
            "nb": (
                "Overvåke og håndtere sikkerhetshendelser",
                "Gjennomføre risikovurderinger og sikkerhetstester",
                "Rådgi utviklingsteamene om sikker koding",
                "Følge opp krav i sikkerhetsloven og ISO 27001",
            ),
            "en": (
                "Monitor and respond to security incidents",
                "Run threat modelling and security testing",
                "Advise developers on secure coding",
                "Help us meet ISO 27001 and NIS2 requirements",
            ),
        },
        skills={
            "nb": (
                "Erfaring fra SOC, hendelseshåndtering eller penetrasjonstesting",
                "God forståelse av nettverk og skyplattformer",
                "Sertifiseringer som CISSP eller OSCP er en fordel",
            ),
            "en": (
                "Experience from a SOC, incident response or penetration testing",
                "A solid grasp of networks and cloud platforms",
                "Certifications such as CISSP or OSCP are a plus",
            ),
        },
        motivations={"nb": ("beskytte kritisk infrastruktur",), "en": ("protect critical infrastructure",)},
        units={
            "nb": ("sikkerhetsavdelingen", "seksjon for digital sikkerhet"),
            "en": ("our security team", "the cyber defence centre"),
        },
        edu_field=_IT_FIELD,
        education=_IT_EDU,
        band=(650_000, 1_000_000),
        engagement=_IT_ENG,
        english_share=0.4,
    ),
    Role(
        key="qa",
        group="it",
        styrk="2519",
        jobtitle="Testleder",
        titles={
            "nb": ("Testautomatiseringsutvikler", "Testleder", "QA-ingeniør", "Testansvarlig"),
            "en": ("QA Engineer", "Test Automation Engineer", "Software Engineer in Test"),
        },
        duties={
            "nb": (
                "Planlegge og gjennomføre tester i smidige team",
                "Automatisere regresjonstester",
                "Følge opp feil sammen med utviklerne",
                "Bidra til en god teststrategi",
            ),
            "en": (
                "Plan and run testing in agile teams",
                "Automate regression tests",
                "Track defects together with developers",
                "Shape our test strategy",
            ),
        },
        skills={
            "nb": (
                "Erfaring med testautomatisering (Playwright, Cypress eller Selenium)",
                "ISTQB-sertifisering er en fordel",
                "Du er nøyaktig og kommuniserer godt",
            ),
            "en": (
                "Experience with Playwright, Cypress or Selenium",
                "ISTQB certification is a plus",
                "You are thorough and communicate well",
            ),
        },
        motivations={
            "nb": ("sørge for kvalitet i alt vi leverer",),
            "en": ("make quality everyone's business",),
        },
        units={
            "nb": ("kvalitetsteamet", "utviklingsavdelingen"),
            "en": ("our quality team", "the engineering department"),
        },
        edu_field=_IT_FIELD,
        education=(("bachelor", 5), (None, 4), ("master", 1)),
        band=(560_000, 820_000),
        engagement=_IT_ENG,
        english_share=0.35,
    ),
    Role(
        key="fullstack",
        group="it",
        styrk="2512",
        jobtitle="Fullstackutvikler",
        titles={
            "nb": ("Fullstackutvikler", "Systemutvikler", "Erfaren systemutvikler", "Utvikler .NET/C#"),
            "en": ("Full Stack Developer", "Software Developer", "Full Stack Engineer (.NET/React)"),
        },
        duties={
            "nb": (
                "Utvikle nye funksjoner fra database til brukergrensesnitt",
                "Videreutvikle løsninger i .NET og React",
                "Ha ansvar for egne leveranser i produksjon",
                "Samarbeide med kunder og brukere",
            ),
            "en": (
                "Build features end to end, from database to user interface",
                "Develop our .NET and React applications",
                "Own what you ship in production",
                "Work directly with customers and users",
            ),
        },
        skills={
            "nb": (
                "Erfaring med C#/.NET eller Java",
                "Erfaring med React eller Vue",
                "Kjennskap til SQL Server eller PostgreSQL",
            ),
            "en": (
                "Experience with C#/.NET or Java",
                "Experience with React or Vue",
                "Experience with SQL Server or PostgreSQL",
            ),
        },
        motivations={"nb": ("jobbe bredt i hele stacken",), "en": ("work across the whole stack",)},
        units={
            "nb": ("utviklingsteamet", "avdeling for fagsystemer"),
            "en": ("our development team", "the product engineering group"),
        },
        edu_field=_IT_FIELD,
        education=_IT_EDU,
        band=(580_000, 880_000),
        engagement=_IT_ENG,
        english_share=0.45,
    ),
)

OTHER_ROLES: tuple[Role, ...] = (
    Role(
        key="nurse",
        group="nursing",
        styrk="2223",
        jobtitle="Sykepleier",
        titles={
            "nb": ("Sykepleier", "Intensivsykepleier", "Sykepleier natt"),
            "nn": ("Sjukepleiar", "Sjukepleiar natt"),
        },
        duties={
            "nb": (
                "Planlegge, utføre og dokumentere sykepleie",
                "Observere og følge opp pasientenes tilstand",
                "Samarbeide tverrfaglig med leger og fysioterapeuter",
                "Veilede studenter og nyansatte",
                "Legemiddelhåndtering etter gjeldende rutiner",
            ),
            "nn": (
                "Planleggje, utføre og dokumentere sjukepleie",
                "Observere og følgje opp pasientane",
                "Samarbeide tverrfagleg med legar og fysioterapeutar",
                "Rettleie studentar og nytilsette",
            ),
        },
        skills={
            "nb": (
                "Norsk autorisasjon som sykepleier",
                "Erfaring fra sykehus eller kommunehelsetjeneste er ønskelig",
                "Gode samarbeidsevner og faglig engasjement",
            ),
            "nn": (
                "Norsk autorisasjon som sjukepleiar",
                "Erfaring frå sjukehus eller kommunehelseteneste er ønskjeleg",
                "Gode samarbeidsevner",
            ),
        },
        motivations={
            "nb": ("gjøre en forskjell for pasientene hver dag",),
            "nn": ("gjere ein skilnad for pasientane kvar dag",),
        },
        units={
            "nb": ("medisinsk sengepost", "hjemmetjenesten", "intensivavdelingen", "sykehjemmet"),
            "nn": ("medisinsk sengepost", "heimetenesta", "sjukeheimen"),
        },
        edu_field={"nb": "sykepleie", "nn": "sjukepleie"},
        education=(("bachelor", 5), (None, 5)),
        band=(520_000, 640_000),
        engagement=(("Fast", 6), ("Vikariat", 4)),
        part_time_share=0.45,
    ),
    Role(
        key="hca",
        group="nursing",
        styrk="5321",
        jobtitle="Helsefagarbeider",
        titles={
            "nb": ("Helsefagarbeider", "Helsefagarbeider/assistent"),
            "nn": ("Helsefagarbeidar", "Helsefagarbeidar i heimetenesta"),
        },
        duties={
            "nb": (
                "Stell og pleie av beboere",
                "Bidra til en meningsfull hverdag for brukerne",
                "Dokumentasjon i journalsystemet",
                "Samarbeid med pårørende",
            ),
            "nn": (
                "Stell og pleie av bebuarar",
                "Bidra til ein meiningsfull kvardag for brukarane",
                "Dokumentasjon i journalsystemet",
            ),
        },
        skills={
            "nb": (
                "Du er omsorgsfull og pålitelig",
                "Erfaring fra eldreomsorg er en fordel",
                "Førerkort klasse B",
            ),
            "nn": (
                "Du er omsorgsfull og påliteleg",
                "Erfaring frå eldreomsorg er ein fordel",
                "Førarkort klasse B",
            ),
        },
        motivations={
            "nb": ("jobbe i et varmt og inkluderende miljø",),
            "nn": ("jobbe i eit varmt og inkluderande miljø",),
        },
        units={
            "nb": ("hjemmetjenesten", "bo- og omsorgssenteret", "sykehjemmet"),
            "nn": ("heimetenesta", "omsorgssenteret"),
        },
        edu_field={"nb": "helsearbeiderfaget", "nn": "helsearbeidarfaget"},
        trade={"nb": "helsefagarbeider", "nn": "helsefagarbeidar"},
        education=(("vocational", 7), (None, 3)),
        band=(440_000, 520_000),
        engagement=(("Fast", 5), ("Vikariat", 5)),
        part_time_share=0.65,
    ),
    Role(
        key="teacher",
        group="teaching",
        styrk="2341",
        jobtitle="Lærer",
        titles={
            "nb": ("Lærer", "Kontaktlærer", "Lærer 5.–7. trinn", "Lærer i matematikk og naturfag"),
            "nn": ("Lærar", "Kontaktlærar", "Lærar på mellomsteget"),
        },
        duties={
            "nb": (
                "Undervisning og oppfølging av elever",
                "Samarbeid med foresatte og kolleger",
                "Kontaktlæreransvar",
                "Bidra i skolens utviklingsarbeid",
            ),
            "nn": (
                "Undervisning og oppfølging av elevar",
                "Samarbeid med føresette og kollegaer",
                "Kontaktlæraransvar",
                "Bidra i utviklingsarbeidet på skulen",
            ),
        },
        skills={
            "nb": (
                "Godkjent lærerutdanning med fordypning i aktuelle fag",
                "Gode relasjonelle ferdigheter",
                "Politiattest må fremvises ved tilsetting",
            ),
            "nn": (
                "Godkjend lærarutdanning med fordjuping i aktuelle fag",
                "Gode relasjonelle evner",
                "Politiattest må leggjast fram ved tilsetjing",
            ),
        },
        motivations={"nb": ("se elever vokse",), "nn": ("sjå elevar vekse",)},
        units={
            "nb": ("barneskolen", "ungdomsskolen", "skolen"),
            "nn": ("barneskulen", "ungdomsskulen", "skulen"),
        },
        edu_field={"nb": "lærerutdanning eller fagdidaktikk", "nn": "lærarutdanning eller fagdidaktikk"},
        education=(("master", 4), ("bachelor", 3), (None, 3)),
        band=(530_000, 690_000),
        engagement=(("Fast", 6), ("Vikariat", 4)),
        part_time_share=0.2,
    ),
    Role(
        key="lektor",
        group="teaching",
        styrk="2330",
        jobtitle="Lektor",
        titles={
            "nb": ("Lektor", "Lektor i norsk og engelsk", "Lektor i realfag"),
            "nn": ("Lektor", "Lektor i realfag", "Lektor i norsk"),
        },
        duties={
            "nb": (
                "Undervisning i videregående skole",
                "Vurdering og tilbakemelding til elevene",
                "Samarbeid i faggruppen",
            ),
            "nn": (
                "Undervisning i vidaregåande skule",
                "Vurdering og tilbakemelding til elevane",
                "Samarbeid i faggruppa",
            ),
        },
        skills={
            "nb": ("Praktisk-pedagogisk utdanning (PPU)", "Gode samarbeidsevner"),
            "nn": ("Praktisk-pedagogisk utdanning (PPU)", "Gode samarbeidsevner"),
        },
        motivations={"nb": ("undervise engasjerte ungdommer",), "nn": ("undervise engasjerte ungdomar",)},
        units={"nb": ("videregående skole",), "nn": ("vidaregåande skule",)},
        edu_field={"nb": "undervisningsfag", "nn": "undervisningsfag"},
        education=(("master", 7), (None, 3)),
        band=(580_000, 720_000),
        engagement=(("Fast", 6), ("Vikariat", 4)),
        part_time_share=0.25,
    ),
    Role(
        key="accountant",
        group="accounting",
        styrk="3313",
        jobtitle="Regnskapsfører",
        titles={
            "nb": (
                "Regnskapsfører",
                "Autorisert regnskapsfører",
                "Regnskapsmedarbeider",
                "Lønns- og regnskapsmedarbeider",
            ),
            "en": ("Accountant", "Financial Accountant"),
        },
        duties={
            "nb": (
                "Løpende bokføring og avstemminger",
                "Utarbeide MVA-oppgaver og årsregnskap",
                "Lønnskjøring og rapportering",
                "Kundekontakt og rådgivning",
            ),
            "en": (
                "Bookkeeping and reconciliations",
                "VAT returns and year-end accounts",
                "Payroll and reporting",
                "Advising clients",
            ),
        },
        skills={
            "nb": (
                "Erfaring med Tripletex, Visma eller PowerOffice",
                "Du er nøyaktig og strukturert",
                "Autorisasjon som regnskapsfører er en fordel",
            ),
            "en": (
                "Experience with Tripletex, Visma or PowerOffice",
                "Accurate and structured",
                "Experience with Norwegian GAAP",
            ),
        },
        motivations={"nb": ("få ansvar for egne kunder",), "en": ("own a portfolio of clients",)},
        units={"nb": ("regnskapsavdelingen", "økonomiavdelingen"), "en": ("our finance department",)},
        edu_field={
            "nb": "økonomi og administrasjon eller regnskap",
            "en": "accounting or business administration",
        },
        education=(("bachelor", 6), (None, 3), ("master", 1)),
        band=(500_000, 680_000),
        engagement=(("Fast", 8), ("Vikariat", 2)),
        part_time_share=0.1,
        english_share=0.1,
    ),
    Role(
        key="controller",
        group="accounting",
        styrk="2411",
        jobtitle="Controller",
        titles={
            "nb": ("Controller", "Business controller", "Økonomirådgiver", "Revisor"),
            "en": ("Financial Controller", "Business Controller"),
        },
        duties={
            "nb": (
                "Budsjett, prognoser og månedlig rapportering",
                "Analyser som støtter ledelsens beslutninger",
                "Forbedre økonomiprosesser",
            ),
            "en": (
                "Budgeting, forecasting and monthly reporting",
                "Analysis that supports management decisions",
                "Improve finance processes",
            ),
        },
        skills={
            "nb": (
                "Gode Excel- og analyseferdigheter",
                "Erfaring med ERP-systemer",
                "Kjennskap til Power BI er en fordel",
            ),
            "en": ("Strong Excel and analytical skills", "ERP experience", "Power BI is a plus"),
        },
        motivations={
            "nb": ("være en sparringspartner for ledelsen",),
            "en": ("be a sparring partner for management",),
        },
        units={"nb": ("økonomiavdelingen", "konsernøkonomi"), "en": ("group finance",)},
        edu_field={"nb": "økonomi, revisjon eller finans", "en": "finance, accounting or economics"},
        education=(("master", 5), ("bachelor", 4), (None, 1)),
        band=(600_000, 850_000),
        engagement=(("Fast", 9), ("Vikariat", 1)),
        english_share=0.15,
    ),
    Role(
        key="carpenter",
        group="construction",
        styrk="7115",
        jobtitle="Tømrer",
        titles={"nb": ("Tømrer", "Erfaren tømrer", "Tømrer/snekker")},
        duties={
            "nb": (
                "Nybygg og rehabilitering av boliger",
                "Montering av vinduer, dører og kledning",
                "Forskaling og innredning",
                "Oppfølging av lærlinger",
            )
        },
        skills={"nb": ("Du er selvgående og tar ansvar", "Førerkort klasse B", "Gyldig HMS-kort")},
        motivations={"nb": ("bygge hus folk skal bo i i generasjoner",)},
        units={"nb": ("byggeavdelingen", "rehabiliteringsavdelingen")},
        edu_field={"nb": "tømrerfaget"},
        trade={"nb": "tømrer"},
        education=(("vocational", 8), (None, 2)),
        band=(430_000, 560_000),
        engagement=(("Fast", 6), ("Prosjekt", 2), ("Engasjement", 1), ("Lærling", 1)),
    ),
    Role(
        key="site_manager",
        group="construction",
        styrk="3123",
        jobtitle="Anleggsleder",
        titles={"nb": ("Anleggsleder", "Bas", "Formann bygg", "Prosjektleder bygg")},
        duties={
            "nb": (
                "Lede og fordele arbeidet på byggeplassen",
                "Følge opp HMS og kvalitet",
                "Fremdriftsplanlegging og bestillinger",
                "Kontakt med byggherre og underentreprenører",
            )
        },
        skills={
            "nb": ("Erfaring som bas eller anleggsleder", "Gode lederegenskaper", "Kjennskap til NS 8405")
        },
        motivations={"nb": ("lede store prosjekter",)},
        units={"nb": ("anleggsavdelingen", "region Vest", "region Øst")},
        edu_field={"nb": "bygg og anlegg"},
        trade={"nb": "tømrer eller betongfagarbeider"},
        education=(("vocational", 5), ("bachelor", 3), (None, 2)),
        band=(600_000, 820_000),
        engagement=(("Fast", 8), ("Prosjekt", 2)),
    ),
    Role(
        key="electrician",
        group="electrician",
        styrk="7411",
        jobtitle="Elektriker",
        titles={"nb": ("Elektriker", "Servicetekniker elektro", "Elektriker gruppe L", "Elektromontør")},
        duties={
            "nb": (
                "Installasjon i bolig og næringsbygg",
                "Feilsøking og service",
                "Montering av ladeanlegg og solceller",
                "Samsvarserklæringer og dokumentasjon",
            )
        },
        skills={
            "nb": (
                "Erfaring med FG-godkjente anlegg",
                "Du er serviceinnstilt",
                "Førerkort klasse B",
                "Kunnskap om NEK 400",
            )
        },
        motivations={"nb": ("jobbe med det grønne skiftet",)},
        units={"nb": ("serviceavdelingen", "installasjonsavdelingen", "prosjektavdelingen")},
        edu_field={"nb": "elektrofag"},
        trade={"nb": "elektriker (gruppe L)"},
        education=(("vocational", 9), (None, 1)),
        band=(470_000, 620_000),
        engagement=(("Fast", 8), ("Prosjekt", 1), ("Lærling", 1)),
    ),
    Role(
        key="warehouse",
        group="logistics",
        styrk="4321",
        jobtitle="Lagermedarbeider",
        titles={"nb": ("Lagermedarbeider", "Truckfører/lagermedarbeider", "Plukker på lager")},
        duties={
            "nb": (
                "Plukk og pakk av ordre",
                "Mottak og kontroll av varer",
                "Kjøring av truck",
                "Varetelling og orden på lageret",
            )
        },
        skills={
            "nb": (
                "Truckførerbevis T1 og T4 er en fordel",
                "Du er fysisk sprek og punktlig",
                "Erfaring fra lager er en fordel",
            )
        },
        motivations={"nb": ("ha en aktiv arbeidsdag",)},
        units={"nb": ("sentrallageret", "distribusjonssenteret", "lageret")},
        edu_field={"nb": "logistikk"},
        trade={"nb": "logistikkoperatør"},
        education=(("none", 5), (None, 4), ("vocational", 1)),
        band=(390_000, 470_000),
        engagement=(("Fast", 4), ("Vikariat", 3), ("Sesong", 2), ("Engasjement", 1)),
        part_time_share=0.3,
    ),
    Role(
        key="driver",
        group="logistics",
        styrk="8332",
        jobtitle="Lastebilsjåfør",
        titles={"nb": ("Sjåfør", "Lastebilsjåfør", "Sjåfør klasse C/CE", "Distribusjonssjåfør")},
        duties={
            "nb": (
                "Distribusjon av gods i regionen",
                "Lasting og lossing",
                "Kundekontakt ved levering",
                "Daglig kontroll av bil",
            )
        },
        skills={"nb": ("Førerkort klasse C eller CE", "Gyldig YSK", "Du er serviceinnstilt og punktlig")},
        motivations={"nb": ("jobbe selvstendig på veien",)},
        units={"nb": ("distribusjonsavdelingen", "terminalen")},
        edu_field={"nb": "transport"},
        trade={"nb": "yrkessjåfør"},
        education=(("vocational", 3), ("none", 3), (None, 4)),
        band=(420_000, 540_000),
        engagement=(("Fast", 6), ("Vikariat", 2), ("Sesong", 1)),
        part_time_share=0.2,
    ),
    Role(
        key="shop",
        group="sales",
        styrk="5223",
        jobtitle="Butikkmedarbeider",
        titles={
            "nb": (
                "Butikkmedarbeider",
                "Salgsmedarbeider",
                "Butikkmedarbeider deltid",
                "Assisterende butikksjef",
            )
        },
        duties={
            "nb": (
                "Kundeservice og salg",
                "Varepåfylling og eksponering",
                "Kassearbeid",
                "Bidra til et godt arbeidsmiljø",
            )
        },
        skills={
            "nb": (
                "Du er blid og serviceinnstilt",
                "Erfaring fra varehandel er en fordel",
                "Fleksibel med tanke på arbeidstid",
            )
        },
        motivations={"nb": ("gi kundene en god opplevelse",)},
        units={"nb": ("butikken", "avdelingen på kjøpesenteret")},
        edu_field={"nb": "salg og service"},
        trade={"nb": "salgsmedarbeider"},
        education=(("none", 5), (None, 5)),
        band=(380_000, 460_000),
        engagement=(("Fast", 6), ("Vikariat", 2), ("Sesong", 2)),
        part_time_share=0.55,
    ),
    Role(
        key="b2b_sales",
        group="sales",
        styrk="3322",
        jobtitle="Selger",
        titles={"nb": ("Selger", "Key Account Manager", "Salgskonsulent", "Utesalgskonsulent")},
        duties={
            "nb": (
                "Oppfølging av eksisterende kunder",
                "Skaffe nye kunder i egen region",
                "Forhandle avtaler",
                "Rapportere i CRM",
            )
        },
        skills={
            "nb": (
                "Dokumenterte salgsresultater",
                "Du er resultatorientert og liker å vinne",
                "Førerkort klasse B",
            )
        },
        motivations={"nb": ("jobbe med salg med høy grad av frihet",)},
        units={"nb": ("salgsavdelingen", "region Midt", "bedriftsmarkedet")},
        edu_field={"nb": "markedsføring, salg eller økonomi"},
        education=(("bachelor", 3), (None, 7)),
        band=(480_000, 720_000),
        engagement=(("Fast", 1),),
    ),
    Role(
        key="chef",
        group="hospitality",
        styrk="5120",
        jobtitle="Kokk",
        titles={"nb": ("Kokk", "Sous chef", "Kokk til sommersesongen"), "en": ("Chef", "Cook", "Sous Chef")},
        duties={
            "nb": (
                "Tilberedning av à la carte og selskapsmat",
                "Varebestilling og svinnkontroll",
                "Følge IK-mat og HMS-rutiner",
            ),
            "en": (
                "Cook à la carte and banquet menus",
                "Order goods and keep waste low",
                "Follow food safety routines",
            ),
        },
        skills={
            "nb": ("Du er kreativ og jobber godt under press", "Erfaring fra restaurant eller hotell"),
            "en": ("Creative and calm under pressure", "Experience from restaurants or hotels"),
        },
        motivations={"nb": ("lage mat av lokale råvarer",), "en": ("cook with local Arctic produce",)},
        units={"nb": ("kjøkkenet", "restauranten"), "en": ("our kitchen", "the restaurant")},
        edu_field={"nb": "restaurant- og matfag", "en": "culinary arts"},
        trade={"nb": "kokk", "en": "chef (fagbrev)"},
        education=(("vocational", 6), (None, 3), ("none", 1)),
        band=(400_000, 520_000),
        engagement=(("Fast", 4), ("Sesong", 4), ("Vikariat", 2)),
        part_time_share=0.35,
        english_share=0.15,
    ),
    Role(
        key="reception",
        group="hospitality",
        styrk="4224",
        jobtitle="Resepsjonist",
        titles={
            "nb": ("Resepsjonist", "Resepsjonsmedarbeider", "Nattresepsjonist"),
            "en": ("Receptionist", "Front Desk Agent"),
        },
        duties={
            "nb": (
                "Innsjekk og utsjekk av gjester",
                "Besvare henvendelser på telefon og e-post",
                "Salg av hotellets tjenester",
            ),
            "en": (
                "Check guests in and out",
                "Answer phone and e-mail enquiries",
                "Sell our activities and services",
            ),
        },
        skills={
            "nb": ("Du er serviceinnstilt og smilende", "Erfaring med Opera PMS er en fordel"),
            "en": ("Service-minded and friendly", "Experience with Opera PMS is a plus"),
        },
        motivations={
            "nb": ("møte gjester fra hele verden",),
            "en": ("welcome guests from all over the world",),
        },
        units={"nb": ("resepsjonen", "front office"), "en": ("our front office",)},
        edu_field={"nb": "reiseliv", "en": "hospitality"},
        trade={"nb": "resepsjonist", "en": "receptionist"},
        education=(("none", 4), (None, 5), ("vocational", 1)),
        band=(390_000, 460_000),
        engagement=(("Fast", 3), ("Sesong", 5), ("Vikariat", 2)),
        part_time_share=0.4,
        english_share=0.2,
    ),
    Role(
        key="caseworker",
        group="public_admin",
        styrk="3359",
        jobtitle="Saksbehandler",
        titles={
            "nb": ("Saksbehandler", "Førstekonsulent", "Saksbehandler byggesak", "Veileder"),
            "nn": ("Sakshandsamar", "Førstekonsulent", "Sakshandsamar byggjesak"),
        },
        duties={
            "nb": (
                "Behandle søknader og klager etter forvaltningsloven",
                "Veilede innbyggere og virksomheter",
                "Skrive vedtak og brev",
                "Delta i forbedringsarbeid",
            ),
            "nn": (
                "Handsame søknader og klager etter forvaltningslova",
                "Rettleie innbyggjarar og verksemder",
                "Skrive vedtak og brev",
                "Delta i forbetringsarbeid",
            ),
        },
        skills={
            "nb": (
                "Erfaring med saksbehandling fra offentlig forvaltning",
                "God skriftlig fremstillingsevne",
                "Du er nøyaktig og serviceinnstilt",
            ),
            "nn": (
                "Erfaring med sakshandsaming frå offentleg forvaltning",
                "God skriftleg framstillingsevne",
                "Du er nøyaktig og serviceinnstilt",
            ),
        },
        motivations={"nb": ("gjøre en viktig samfunnsjobb",), "nn": ("gjere ein viktig samfunnsjobb",)},
        units={
            "nb": ("seksjon for byggesak", "avdeling for ytelser", "forvaltningsenheten"),
            "nn": ("eining for byggjesak", "forvaltningseininga"),
        },
        edu_field={"nb": "jus, samfunnsfag eller forvaltning", "nn": "jus, samfunnsfag eller forvaltning"},
        education=(("bachelor", 6), ("master", 2), (None, 2)),
        band=(480_000, 620_000),
        engagement=(("Fast", 6), ("Vikariat", 2), ("Engasjement", 2)),
        part_time_share=0.05,
    ),
    Role(
        key="advisor",
        group="public_admin",
        styrk="2422",
        jobtitle="Rådgiver",
        titles={
            "nb": ("Rådgiver", "Seniorrådgiver", "Rådgiver innen analyse", "Utredningsrådgiver"),
            "nn": ("Rådgjevar", "Seniorrådgjevar", "Rådgjevar innan analyse"),
        },
        duties={
            "nb": (
                "Utredning og analyse innenfor fagområdet",
                "Utarbeide høringsnotater og styringsdokumenter",
                "Koordinere arbeid på tvers av seksjoner",
            ),
            "nn": (
                "Utgreiing og analyse innanfor fagområdet",
                "Utarbeide høyringsnotat og styringsdokument",
                "Koordinere arbeid på tvers av seksjonar",
            ),
        },
        skills={
            "nb": (
                "God analytisk evne",
                "Erfaring fra statlig eller kommunal forvaltning",
                "Du skriver klart og presist",
            ),
            "nn": (
                "God analytisk evne",
                "Erfaring frå statleg eller kommunal forvaltning",
                "Du skriv klart og presist",
            ),
        },
        motivations={
            "nb": ("påvirke politikk med gode analyser",),
            "nn": ("påverke politikk med gode analysar",),
        },
        units={
            "nb": ("analyseseksjonen", "strategistaben", "fagavdelingen"),
            "nn": ("analyseseksjonen", "strategistaben"),
        },
        edu_field={"nb": "samfunnsvitenskap, økonomi eller jus", "nn": "samfunnsvitskap, økonomi eller jus"},
        education=(("master", 7), ("bachelor", 2), (None, 1)),
        band=(560_000, 780_000),
        engagement=(("Fast", 6), ("Engasjement", 3), ("Åremål", 1)),
    ),
    Role(
        key="petroleum",
        group="engineering",
        styrk="2146",
        jobtitle="Prosessingeniør",
        titles={
            "nb": ("Prosessingeniør", "Boreingeniør", "Reservoaringeniør", "Senior prosessingeniør"),
            "en": ("Process Engineer", "Drilling Engineer", "Reservoir Engineer", "Senior Subsea Engineer"),
        },
        duties={
            "nb": (
                "Prosessdesign og simuleringer i HYSYS",
                "Tekniske studier for felt i Nordsjøen",
                "Oppfølging av leverandører",
                "Sikre etterlevelse av NORSOK-krav",
            ),
            "en": (
                "Process design and simulations in HYSYS",
                "Technical studies for North Sea fields",
                "Follow up suppliers",
                "Ensure compliance with NORSOK standards",
            ),
        },
        skills={
            "nb": (
                "Minimum 5 års relevant erfaring fra olje og gass",
                "Erfaring med offshoreprosjekter",
                "Gyldig offshoresertifikat er en fordel",
            ),
            "en": (
                "At least 5 years of relevant oil and gas experience",
                "Offshore project experience",
                "A valid offshore certificate is a plus",
            ),
        },
        motivations={
            "nb": ("utvikle energiløsningene for fremtiden",),
            "en": ("shape the energy solutions of the future",),
        },
        units={
            "nb": ("prosessavdelingen", "boreavdelingen", "feltutvikling"),
            "en": ("our process department", "field development"),
        },
        edu_field={
            "nb": "prosessteknikk, petroleumsteknologi eller kjemi",
            "en": "process engineering, petroleum engineering or chemistry",
        },
        education=(("master", 7), ("bachelor", 2), (None, 1)),
        band=(700_000, 1_150_000),
        engagement=(("Fast", 6), ("Prosjekt", 2), ("Engasjement", 1)),
        english_share=0.3,
    ),
    Role(
        key="civil",
        group="engineering",
        styrk="2142",
        jobtitle="Byggingeniør",
        titles={
            "nb": ("Byggingeniør", "Prosjekteringsleder", "Rådgivende ingeniør bru", "Vegingeniør"),
            "en": ("Structural Engineer", "Bridge Engineer", "Civil Engineer"),
        },
        duties={
            "nb": (
                "Prosjektering av bruer og konstruksjoner",
                "Beregninger i FEM-verktøy",
                "Byggeledelse og kontroll",
                "Oppfølging av entreprenører",
            ),
            "en": (
                "Design bridges and structures",
                "FEM analysis",
                "Site supervision and quality control",
                "Follow up contractors",
            ),
        },
        skills={
            "nb": ("Erfaring med Eurokoder", "Kjennskap til BIM og Revit", "Gode samarbeidsevner"),
            "en": ("Experience with Eurocodes", "BIM and Revit experience", "Good collaboration skills"),
        },
        motivations={
            "nb": ("bygge infrastrukturen Norge trenger",),
            "en": ("build the infrastructure Norway needs",),
        },
        units={
            "nb": ("seksjon for bruer", "prosjektavdelingen", "konstruksjonsavdelingen"),
            "en": ("our bridge section", "the structures department"),
        },
        edu_field={"nb": "bygg- og miljøteknikk", "en": "civil or structural engineering"},
        education=(("master", 6), ("bachelor", 4)),
        band=(620_000, 950_000),
        engagement=(("Fast", 7), ("Prosjekt", 2), ("Engasjement", 1)),
        english_share=0.2,
    ),
    Role(
        key="postdoc",
        group="research",
        styrk="2310",
        jobtitle="Postdoktor",
        titles={
            "nb": ("Postdoktor", "Postdoktor i maskinlæring", "Forsker"),
            "nn": ("Postdoktor", "Forskar"),
            "en": (
                "Postdoctoral Fellow",
                "Postdoctoral Research Fellow in Machine Learning",
                "Researcher",
                "Postdoc in Marine Ecology",
            ),
        },
        duties={
            "nb": (
                "Forskning innenfor prosjektets tema",
                "Publisering i internasjonale tidsskrift",
                "Veiledning av masterstudenter",
            ),
            "nn": (
                "Forsking innanfor temaet til prosjektet",
                "Publisering i internasjonale tidsskrift",
                "Rettleiing av masterstudentar",
            ),
            "en": (
                "Conduct research within the project",
                "Publish in international journals",
                "Co-supervise master's students",
                "Present results at conferences",
            ),
        },
        skills={
            "nb": (
                "Doktorgrad innen relevant fagområde",
                "Publikasjoner i anerkjente tidsskrift",
                "Erfaring med Python eller R",
            ),
            "nn": (
                "Doktorgrad innan relevant fagområde",
                "Publikasjonar i anerkjende tidsskrift",
                "Erfaring med Python eller R",
            ),
            "en": (
                "A PhD in a relevant field",
                "A strong publication record",
                "Programming skills in Python or R",
            ),
        },
        motivations={
            "nb": ("forske på problemer som betyr noe",),
            "nn": ("forske på problem som betyr noko",),
            "en": ("do research that matters",),
        },
        units={
            "nb": ("Institutt for informatikk", "Institutt for biovitenskap"),
            "nn": ("Institutt for datateknologi", "Fakultet for ingeniør- og naturvitskap"),
            "en": ("the Department of Informatics", "the Department of Biological Sciences"),
        },
        edu_field={"nb": "relevant fagområde", "nn": "relevant fagområde", "en": "a relevant field"},
        education=(("master", 1),),
        band=(560_000, 700_000),
        engagement=(("Engasjement", 8), ("Åremål", 1), ("Fast", 1)),
        english_share=0.6,
    ),
    Role(
        key="phd",
        group="research",
        styrk="2310",
        jobtitle="Stipendiat",
        titles={
            "nb": ("Stipendiat", "Stipendiat i havforskning"),
            "nn": ("Stipendiat",),
            "en": ("PhD Research Fellow", "PhD Candidate in Computer Science"),
        },
        duties={
            "nb": (
                "Gjennomføre et doktorgradsprosjekt",
                "Delta i forskergruppen",
                "Undervisning (pliktarbeid 25 %)",
            ),
            "nn": (
                "Gjennomføre eit doktorgradsprosjekt",
                "Delta i forskargruppa",
                "Undervisning (pliktarbeid 25 %)",
            ),
            "en": ("Carry out a PhD project", "Take part in the research group", "Teaching duties (25 %)"),
        },
        skills={
            "nb": ("Gode resultater fra masterstudiet",),
            "nn": ("Gode resultat frå masterstudiet",),
            "en": ("Excellent grades from your master's studies",),
        },
        motivations={"nb": ("ta en doktorgrad",), "nn": ("ta ein doktorgrad",), "en": ("earn a PhD",)},
        units={
            "nb": ("Institutt for informatikk",),
            "nn": ("Institutt for datateknologi",),
            "en": ("the Department of Computer Science",),
        },
        edu_field={
            "nb": "informatikk eller tilsvarende",
            "nn": "informatikk eller tilsvarande",
            "en": "computer science or a related field",
        },
        education=(("master", 1),),
        band=(500_000, 540_000),
        engagement=(("Engasjement", 1),),
        english_share=0.6,
    ),
)

ROLES: tuple[Role, ...] = IT_ROLES + OTHER_ROLES

# Share of ads per occupation group; IT is about a third, as in the brief for the demo.
GROUP_SHARES: dict[str, float] = {
    "it": 0.35,
    "nursing": 0.08,
    "teaching": 0.06,
    "accounting": 0.05,
    "construction": 0.06,
    "electrician": 0.05,
    "logistics": 0.07,
    "sales": 0.05,
    "hospitality": 0.05,
    "public_admin": 0.06,
    "engineering": 0.07,
    "research": 0.05,
}


def roles_in(group: str) -> tuple[Role, ...]:
    """All roles of one occupation group."""
    return tuple(role for role in ROLES if role.group == group)
