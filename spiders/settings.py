"""Scrapy settings shared by every fjordjobs spider.

Polite by default for live sites: robots.txt obeyed, AutoThrottle on, an honest user agent with a
contact, retries with backoff. Tests and the offline demo lower the delays for loopback through
per-crawl overrides (see `spiders/run.py`), never by editing this file.
"""

BOT_NAME = "fjordjobs"
SPIDER_MODULES = ["spiders.spiders"]
NEWSPIDER_MODULE = "spiders.spiders"

USER_AGENT = (
    "fjordjobs/0.1 (+https://github.com/fjordjobs/fjordjobs; job-seeker tool; contact: fjordjobs@proton.me)"
)
ROBOTSTXT_OBEY = True

# One site at a time, gently. NAV's feed entries allow a few parallel calls (at most 8).
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
DOWNLOAD_DELAY = 0.5
# Scrapy 2.19 under asyncio lets more than CONCURRENT_REQUESTS_PER_DOMAIN through at once; this add-on
# caps requests in flight per host for every spider (spiders/politeness.py).
ADDONS = {"spiders.politeness.PolitenessAddon": 0}
HOST_CONCURRENCY_ENABLED = True
DOWNLOAD_TIMEOUT = 60
# Every failed page is counted and named in the crawl's stats record (spiders/failures.py).
SPIDER_MIDDLEWARES = {"spiders.failures.PageFailureMiddleware": 10}

AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

RETRY_ENABLED = True
RETRY_TIMES = 4
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

# Scrapy 2.19 opens a local control server that executes code sent to it: never.
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False

# A development cache can be switched on with `-s HTTPCACHE_ENABLED=True`.
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = ".scrapy/httpcache"

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
