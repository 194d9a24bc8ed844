"""The parts of the NAV feed spider (`spiders/spiders/nav.py`), one job each.

- `auth`: the rotating public token and the middleware that puts it on each request as it leaves;
- `api`: the feed's requests (token, bootstrap, page, entry), their meta and priorities;
- `versions`: which ad versions this crawl still wants, has fetched, or has written (incremental state);
- `cursor`: the pages walked and where the next crawl resumes;
- `records`: the landing records the spider yields, and the time values it reads from NAV.

Turning a feed page or entry into fields is `spiders/extract_nav.py`; this package only decides what
to ask for and what to write.
"""
