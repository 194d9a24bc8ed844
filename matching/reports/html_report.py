"""A self-contained HTML report: no external URLs, no script, charts as inline SVG drawn here.

Every string that came from a crawled page goes through `html.escape`, and a Content-Security-Policy
forbids scripts as a second line of defence: a listing titled `<script>alert(1)</script>` shows as text.

Each row carries its evidence (listing id, published, deadline with days left, the language evidence,
the salary's own words, the permit verdict's reason, flags in words); a legend explains every band and
flag. On a narrow screen (a 390 px phone) each row becomes a card and the charts scale to the width.
"""

from __future__ import annotations

from html import escape

from matching.bands import PARTIAL_FROM, STRONG_FROM
from matching.model import MatchResult, MatchRun
from matching.reports.common import (
    deadline_text,
    flag_words,
    language_text,
    legend,
    match_label,
    salary,
    summary,
    used_text,
    yes_no,
)

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;max-width:1200px}
h1{font-size:1.4em} h2{font-size:1.1em;margin-top:1.5em} .meta{color:#444}
table{border-collapse:collapse;width:100%;font-size:.9em} th,td{border-bottom:1px solid #ddd;padding:.35em .5em;
text-align:left;vertical-align:top} th{background:#f3f3f3} td.n{text-align:right;font-variant-numeric:tabular-nums}
.ok{color:#1a7f37;font-weight:600}.below{color:#c62828;font-weight:600}.unknown{color:#8a5a00;font-weight:600}
.strong{color:#1a7f37;font-weight:700}.partial{color:#8a5a00;font-weight:700}.weak{color:#666}
.flag{display:inline-block;background:#eef;border-radius:3px;padding:0 .3em;margin:0 .2em .2em 0;font-size:.85em}
.flag.good{background:#e3f4e8} .nw{white-space:nowrap}
.charts{display:flex;flex-wrap:wrap;gap:2em;margin:1em 0} figure{margin:0;flex:1 1 380px;max-width:560px}
figure svg{width:100%;height:auto} figcaption{font-size:.9em;color:#444}
.why,.ev{color:#444;font-size:.85em} .id{font-family:ui-monospace,monospace;font-size:.8em;color:#555;
word-break:break-all} dl.legend{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1em;font-size:.9em}
dl.legend dt{font-weight:600} dl.legend dd{margin:0}
@media (max-width:700px){
 body{margin:.6em} table,thead,tbody,tr,td{display:block;width:auto} thead{display:none}
 tr{border:1px solid #ccc;border-radius:6px;margin:0 0 .8em;padding:.3em}
 td{border:none;padding:.2em .3em} td.n{text-align:left} td:empty{display:none}
 td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#555}
 dl.legend{grid-template-columns:1fr} dl.legend dd{margin:0 0 .4em}
}
"""


def render_html(run: MatchRun) -> str:
    rows = "\n".join(_row(r, run) for r in run.results)
    legend_items = "\n".join(
        f"<dt>{escape(name)}</dt><dd>{escape(meaning)}</dd>" for name, meaning in legend()
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>fjordjobs shortlist</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>Shortlist for {escape(run.cv_file)}</h1>
<p class="meta">{escape(summary(run))}.</p>
<p class="meta">Flags used {escape(used_text(run))}. Scoring {escape(run.scoring_version)} · run
{escape(run.run_id)}.</p>
<div class="charts">
<figure>{score_histogram(run.results)}<figcaption>How many listings fall in each match band (0-100 scale:
weak under 40, partial 40-69, strong 70 and over)</figcaption></figure>
<figure>{salary_chart(run.results)}<figcaption>Stated salary per listing, annual NOK before tax: the solid bar
is the lower bound, the pale bar the range, the black tick the permit threshold that applies</figcaption></figure>
</div>
<table>
<thead><tr><th>#</th><th>match</th><th>listing</th><th>place</th><th>dates</th><th>English</th>
<th>salary NOK</th><th>permit salary</th><th>flags</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<h2>Legend</h2>
<dl class="legend">
{legend_items}
</dl>
</body>
</html>
"""


def _row(r: MatchResult, run: MatchRun) -> str:
    title = escape(r.title or "(no title)")
    if r.url and r.url.startswith(("http://", "https://")):
        title = f'<a href="{escape(r.url, quote=True)}" rel="noreferrer">{title}</a>'
    flags = "".join(
        f'<span class="flag{" good" if word == "relocation help" else ""}">{escape(word)}</span>'
        for word in flag_words(r)
    )
    published = r.published.isoformat() if r.published else "unknown"
    pay = escape(salary(r) or "not stated")
    if r.salary_text:
        pay += f'<div class="ev">from “{escape(r.salary_text)}”</div>'
    return (
        f'<tr><td class="n" data-label="rank">{r.rank}</td>'
        f'<td data-label="match" class="{escape(r.band)}">{escape(match_label(r))}</td>'
        f'<td data-label="listing"><b>{title}</b><div>{escape(r.employer or "")}</div>'
        f'<div class="id">{escape(r.listing_id)}</div><div class="why">{escape(r.why)}</div></td>'
        f'<td data-label="place">{escape(r.place or "")}</td>'
        f'<td data-label="dates">published <span class="nw">{published}</span><br>deadline '
        f'<span class="nw">{escape(deadline_text(r, run.on_date))}</span></td>'
        f'<td data-label="English">{yes_no(r.english_ok)}<div class="ev">{escape(language_text(r))}</div></td>'
        f'<td data-label="salary NOK">{pay}</td>'
        f'<td data-label="permit salary"><span class="{escape(r.permit_salary)}">{escape(r.permit_salary)}</span>'
        f'<div class="ev">{escape(r.permit_reason)}</div></td>'
        f'<td data-label="flags">{flags}</td></tr>'
    )


def score_histogram(results: list[MatchResult], width: int = 440, height: int = 230) -> str:
    """Bars of how many listings fall in each tenth of the 0-100 match scale, coloured by band, with
    labelled axes (match 0-100 across, number of listings up)."""
    counts = [0] * 10
    for r in results:
        counts[min(r.points // 10, 9)] += 1
    peak = max(counts, default=0) or 1
    left, bottom, top = 40, 45, 15
    plot_w, plot_h = width - left - 10, height - bottom - top
    bar_w = plot_w / 10
    colours = ["#9e9e9e"] * 4 + ["#d4a017"] * 3 + ["#1a7f37"] * 3
    parts = []
    for i, c in enumerate(counts):
        h = plot_h * c / peak
        x = left + i * bar_w
        y = top + plot_h - h
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" fill="{colours[i]}">'
            f"<title>match {i * 10}-{i * 10 + 9}: {c} listings</title></rect>"
        )
        if c:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" font-size="12" text-anchor="middle">{c}</text>'
            )
    base = top + plot_h
    parts.append(f'<line x1="{left}" y1="{base}" x2="{left + plot_w}" y2="{base}" stroke="#555"/>')
    parts.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="#555"/>')
    for tick in (0, 40, 70, 100):
        x = left + plot_w * tick / 100
        parts.append(f'<text x="{x:.1f}" y="{base + 16}" font-size="12" text-anchor="middle">{tick}</text>')
    parts.append(f'<text x="{left - 6}" y="{top + 10}" font-size="12" text-anchor="end">{peak}</text>')
    parts.append(f'<text x="{left - 6}" y="{base}" font-size="12" text-anchor="end">0</text>')
    parts.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 8}" font-size="13" text-anchor="middle">'
        "match (0-100): weak · partial · strong</text>"
    )
    parts.append(
        f'<text x="12" y="{top + plot_h / 2:.1f}" font-size="13" text-anchor="middle" '
        f'transform="rotate(-90 12 {top + plot_h / 2:.1f})">listings</text>'
    )
    label = f"match bands: strong from cosine {STRONG_FROM}, partial from {PARTIAL_FROM}"
    return _svg(width, height, "".join(parts), label)


def salary_chart(results: list[MatchResult], limit: int = 20, width: int = 520) -> str:
    """One bar per listing with a stated salary (best ranked first), a black tick at its permit
    threshold, and an axis in thousands of NOK."""
    shown = [r for r in results if r.salary_min_nok is not None][:limit]
    if not shown:
        return _svg(
            width,
            60,
            '<text x="10" y="35" font-size="14">No listing here states a salary.</text>',
            "salaries",
        )
    row_h, label_w, pad, axis_h = 22, 175, 10, 40
    height = pad + row_h * len(shown) + axis_h
    biggest = max(max(r.salary_max_nok or r.salary_min_nok or 0, r.permit_threshold_nok or 0) for r in shown)
    step = 200_000 if biggest > 800_000 else 100_000
    axis_max = ((biggest // step) + 1) * step
    scale = (width - label_w - pad * 3) / axis_max
    parts = []
    for i, r in enumerate(shown):
        y = pad + i * row_h
        low = r.salary_min_nok or 0
        high = r.salary_max_nok or low
        colour = {"ok": "#1a7f37", "below": "#c62828"}.get(r.permit_salary, "#b07d00")
        name = f"{r.rank}. {r.title or r.listing_id}"
        label = escape(name if len(name) <= 26 else name[:25] + "…")
        parts.append(f'<text x="2" y="{y + 15}" font-size="12"><title>{escape(name)}</title>{label}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y + 4}" width="{low * scale:.1f}" height="{row_h - 8}" fill="{colour}">'
            f"<title>{escape(salary(r))} NOK a year; permit {escape(r.permit_salary)}</title></rect>"
        )
        if high > low:
            parts.append(
                f'<rect x="{label_w + low * scale:.1f}" y="{y + 4}" width="{(high - low) * scale:.1f}" '
                f'height="{row_h - 8}" fill="{colour}" opacity="0.35"/>'
            )
        if r.permit_threshold_nok:
            tx = label_w + r.permit_threshold_nok * scale
            parts.append(
                f'<line x1="{tx:.1f}" y1="{y + 1}" x2="{tx:.1f}" y2="{y + row_h - 1}" stroke="#000" stroke-width="2">'
                f"<title>permit threshold {r.permit_threshold_nok:,} NOK</title></line>"
            )
    base = pad + row_h * len(shown)
    parts.append(
        f'<line x1="{label_w}" y1="{base}" x2="{label_w + axis_max * scale:.1f}" y2="{base}" stroke="#555"/>'
    )
    for value in range(0, axis_max + 1, step):
        x = label_w + value * scale
        parts.append(f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 4}" stroke="#555"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{base + 16}" font-size="12" text-anchor="middle">{value // 1000}k</text>'
        )
    parts.append(
        f'<text x="{label_w + axis_max * scale / 2:.1f}" y="{base + 34}" font-size="13" text-anchor="middle">'
        "annual salary, thousand NOK (tick: permit threshold)</text>"
    )
    return _svg(width, height, "".join(parts), "salary against permit threshold")


def _svg(width: int, height: int, body: str, label: str) -> str:
    return (
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}" preserveAspectRatio="xMinYMin meet">{body}</svg>'
    )
