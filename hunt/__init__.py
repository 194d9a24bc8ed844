"""The job hunt (issue 7): application log, follow-ups, network contacts, weekly plan, offer check, export.

Plain Python over the warehouse (tables from migration 004_hunt, statements in warehouse/sql/hunt_*.sql);
the `fjordjobs` commands live in flows/cli_hunt.py. Decisions a user notices:
- Applications never reference `listings` by foreign key; they keep a snapshot of title, employer and URL,
  so re-crawls, re-ingests and migrations that rebuild `listings` leave them and their history intact.
- The current status is the latest event by date, so a back-dated `track --date` fills in history.
- Follow-ups count from the date of the current status: thank-you 1 day after an interview, status call
  7 days after applying, ghosted at 21 days (all configurable on `fjordjobs followups`).
- A recruiter message is a touch of a contact added with `--recruiter`.
- For the shortlist: `applications.applied_listing_ids(con)` and `contacts.contacts_per_employer(con)`,
  keyed by `contacts.employer_key(employer)`.
"""
