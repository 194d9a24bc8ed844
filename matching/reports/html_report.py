"""A self-contained HTML report: no external URLs, no script, charts as inline SVG drawn here.

Every string that came from a crawled page goes through `html.escape`, and a Content-Security-Policy
forbids scripts as a second line of defence: a listing titled `<script>alert(1)</script>` shows as text.
"""

from __future__ import annotations

from html import escape

from matching.model import MatchResult, MatchRun
from matching.reports.common import salary, yes_no

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
h1{font-size:1.4em} .meta{color:#555}
table{border-collapse:collapse;width:100%;font-size:.9em} th,td{border-bottom:1px solid #ddd;padding:.3em .5em;
text-align:left;vertical-align:top} th{background:#f3f3f3} td.n{text-align:right;font-variant-numeric:tabular-nums}
.ok{color:#1a7f37;font-weight:600}.below{color:#c62828;font-weight:600}.unknown{color:#9a6700}
.flag{display:inline-block;background:#eef;border-radius:3px;padding:0 .3em;margin:0 .2em .2em 0;font-size:.85em}
.charts{display:flex;flex-wrap:wrap;gap:2em;margin:1em 0} figure{margin:0} figcaption{font-size:.9em;color:#555}
.why{color:#444;font-size:.85em}
"""


def render_html(run: MatchRun) -> str:
    rows = "\n".join(_row(r) for r in run.results)
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
<p class="meta">{run.ranked} of {run.candidates} active listings ranked ({run.filtered} left out by the profile)
on {run.on_date.isoformat()} · scoring {escape(run.scoring_version)} · run {escape(run.run_id)}</p>
<div class="charts">
<figure>{score_histogram(run.results)}<figcaption>Score distribution</figcaption></figure>
<figure>{salary_chart(run.results)}<figcaption>Stated salary (lower bound, annual NOK) against the permit
threshold for the education that applies</figcaption></figure>
</div>
<table>
<thead><tr><th>#</th><th>score</th><th>title</th><th>employer</th><th>place</th><th>English</th>
<th>salary NOK</th><th>permit salary</th><th>flags</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def _row(r: MatchResult) -> str:
    title = escape(r.title or "(no title)")
    if r.url and r.url.startswith(("http://", "https://")):
        title = f'<a href="{escape(r.url, quote=True)}" rel="noreferrer">{title}</a>'
    flags = "".join(f'<span class="flag">{escape(f)}</span>' for f in r.flags if not f.startswith("permit_"))
    return (
        f'<tr><td class="n">{r.rank}</td><td class="n">{r.score:.4f}</td>'
        f'<td>{title}<div class="why">{escape(r.why)}</div></td><td>{escape(r.employer or "")}</td>'
        f'<td>{escape(r.place or "")}</td><td>{yes_no(r.english_ok)}</td><td class="n">{salary(r)}</td>'
        f'<td class="{escape(r.permit_salary)}">{escape(r.permit_salary)}</td><td>{flags}</td></tr>'
    )


def score_histogram(results: list[MatchResult], bins: int = 10, width: int = 420, height: int = 200) -> str:
    """Bars of how many listings fall in each score band, 0 to the best score."""
    scores = [r.score for r in results]
    top = max(scores, default=0.0) or 1.0
    counts = [0] * bins
    for s in scores:
        counts[min(int(s / top * bins), bins - 1)] += 1
    peak = max(counts, default=0) or 1
    pad, bar_w = 30, (width - 40) / bins
    bars = []
    for i, c in enumerate(counts):
        h = (height - 2 * pad) * c / peak
        x = pad + i * bar_w
        y = height - pad - h
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" fill="#4a78c2">'
            f"<title>{top * i / bins:.3f}–{top * (i + 1) / bins:.3f}: {c}</title></rect>"
        )
        if c:
            bars.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" font-size="10" text-anchor="middle">{c}</text>'
            )
    axis = (
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - 10}" y2="{height - pad}" stroke="#888"/>'
        f'<text x="{pad}" y="{height - 10}" font-size="10">0</text>'
        f'<text x="{width - 10}" y="{height - 10}" font-size="10" text-anchor="end">{top:.3f}</text>'
    )
    return _svg(width, height, "".join(bars) + axis, "score distribution")


def salary_chart(results: list[MatchResult], limit: int = 25, width: int = 520) -> str:
    """One bar per listing with a stated salary (best ranked first), a red tick at its permit threshold."""
    shown = [r for r in results if r.salary_min_nok is not None][:limit]
    if not shown:
        return _svg(
            width, 60, '<text x="10" y="35" font-size="12">No listing states a salary.</text>', "salaries"
        )
    row_h, label_w, pad = 18, 140, 10
    height = pad * 2 + row_h * len(shown) + 20
    biggest = max(
        max((r.salary_max_nok or r.salary_min_nok or 0), r.permit_threshold_nok or 0) for r in shown
    )
    scale = (width - label_w - pad * 2) / (biggest or 1)
    parts = []
    for i, r in enumerate(shown):
        y = pad + i * row_h
        low = r.salary_min_nok or 0
        high = r.salary_max_nok or low
        colour = {"ok": "#1a7f37", "below": "#c62828"}.get(r.permit_salary, "#9a6700")
        label = escape((r.title or r.listing_id)[:22])
        parts.append(
            f'<text x="{label_w - 4}" y="{y + 12}" font-size="10" text-anchor="end">{r.rank}. {label}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{low * scale:.1f}" height="{row_h - 6}" fill="{colour}">'
            f"<title>{escape(salary(r))} NOK</title></rect>"
        )
        if high > low:
            parts.append(
                f'<rect x="{label_w + low * scale:.1f}" y="{y + 3}" width="{(high - low) * scale:.1f}" '
                f'height="{row_h - 6}" fill="{colour}" opacity="0.35"/>'
            )
        if r.permit_threshold_nok:
            tx = label_w + r.permit_threshold_nok * scale
            parts.append(
                f'<line x1="{tx:.1f}" y1="{y + 1}" x2="{tx:.1f}" y2="{y + row_h - 1}" stroke="#000" stroke-width="2">'
                f"<title>threshold {r.permit_threshold_nok:,} NOK</title></line>"
            )
    axis_y = height - 12
    parts.append(f'<text x="{label_w}" y="{axis_y}" font-size="10">0</text>')
    parts.append(
        f'<text x="{width - pad}" y="{axis_y}" font-size="10" text-anchor="end">{biggest:,} NOK</text>'
    )
    return _svg(width, height, "".join(parts), "salary against permit threshold")


def _svg(width: int, height: int, body: str, label: str) -> str:
    return (
        f'<svg width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{label}">{body}</svg>'
    )
