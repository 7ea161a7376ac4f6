"""The HTML report's stylesheet: inline, no fonts or images, colours that pass WCAG AA.

Every state and severity is written as a word as well as shown in colour; each colour pair
below has a contrast ratio of at least 4.5:1 (tests/reporters/test_html.py checks them).
"""

from __future__ import annotations

# name -> (text colour, background colour)
PALETTE = {
    "met": ("#0f5132", "#d1e7dd"),
    "flagged": ("#842029", "#f8d7da"),
    "missing": ("#664d03", "#fff3cd"),
    "not-applicable": ("#495057", "#f1f3f5"),
    "error": ("#842029", "#f8d7da"),
    "warning": ("#664d03", "#fff3cd"),
    "info": ("#055160", "#cff4fc"),
    "current": ("#0f5132", "#d1e7dd"),
    "overdue": ("#842029", "#f8d7da"),
    "unknown": ("#495057", "#f1f3f5"),
    "page": ("#1b1f24", "#ffffff"),
    "muted": ("#5c636a", "#ffffff"),
    "link": ("#0b57d0", "#ffffff"),
    "header": ("#1b1f24", "#e9ecef"),
    "code": ("#1b1f24", "#f6f8fa"),
    "mark": ("#1b1f24", "#ffe08a"),
}

_BADGES = ("met", "flagged", "missing", "not-applicable", "error", "warning", "info",
           "current", "overdue", "unknown")


def _badge_rules() -> str:
    rules = []
    for name in _BADGES:
        text, background = PALETTE[name]
        rules.append(f".s-{name}{{color:{text};background:{background}}}")
    return "\n".join(rules)


def stylesheet() -> str:
    page, muted, link = PALETTE["page"], PALETTE["muted"], PALETTE["link"]
    header, code, mark = PALETTE["header"], PALETTE["code"], PALETTE["mark"]
    note = PALETTE["flagged"]
    return f"""\
:root{{color-scheme:light}}
*{{box-sizing:border-box}}
body{{margin:0 auto;padding:1rem 1.5rem 3rem;max-width:96rem;color:{page[0]};background:{page[1]};
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}}
a{{color:{link[0]}}}
a:focus-visible,.scroll:focus-visible{{outline:3px solid {link[0]};outline-offset:2px}}
h1{{font-size:1.6rem;margin:.5rem 0}}
h2{{font-size:1.3rem;margin:2rem 0 .25rem;padding-top:.75rem;border-top:2px solid {header[1]}}}
h3{{font-size:1.05rem;margin:1.5rem 0 .5rem}}
.org,.path,.basis,.meta{{color:{muted[0]};font-weight:normal}}
.path{{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere}}
.note{{border-left:4px solid {note[0]};padding:.4rem .75rem;background:{note[1]};color:{note[0]}}}
table{{border-collapse:collapse;margin:.25rem 0 1rem}}
caption{{text-align:left;font-weight:600;padding:.25rem 0 .5rem}}
th,td{{border:1px solid #adb5bd;padding:.35rem .5rem;text-align:left;vertical-align:top}}
thead th{{background:{header[1]};color:{header[0]};font-size:.85rem}}
tbody th{{font-weight:600;background:{page[1]}}}
td.num{{text-align:right;font-variant-numeric:tabular-nums}}
.scroll{{overflow-x:auto;max-width:100%}}
.matrix td{{min-width:7.5rem}}
.matrix tbody th{{min-width:12rem}}
.matrix .value{{display:block}}
.state,.badge{{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em}}
.badge,dl.legend .state{{padding:0 .3rem;border-radius:3px;border:1px solid currentColor}}
.refs{{display:block;font-size:.85rem}}
.meta{{display:block;font-size:.85rem}}
td.s-met a,td.s-flagged a,td.s-missing a,td.s-not-applicable a{{color:inherit}}
dl.legend{{display:flex;flex-wrap:wrap;gap:.3rem 1.5rem;margin:.5rem 0}}
dl.legend div{{display:flex;gap:.4rem;align-items:baseline}}
dl.legend dd{{margin:0}}
dl.review{{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .75rem;margin:.25rem 0 1rem}}
dl.review dt{{font-weight:600}}
dl.review dd{{margin:0}}
.findings td:nth-child(4){{min-width:24rem}}
pre.excerpt{{margin:.35rem 0 0;padding:.3rem .5rem;background:{code[1]};color:{code[0]};
font:.8rem/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}}
pre.excerpt mark{{background:{mark[1]};color:{mark[0]};outline:1px solid {mark[0]}}}
.ln{{color:{muted[0]};user-select:none}}
:target{{outline:3px solid {link[0]};outline-offset:-3px}}
{_badge_rules()}
@media print{{
@page{{size:landscape;margin:12mm}}
body{{max-width:none;padding:0;font-size:9pt}}
*{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
a{{color:inherit;text-decoration:none}}
.scroll{{overflow:visible}}
section.charter{{break-before:page}}
tr,pre.excerpt,dl{{break-inside:avoid}}
thead{{display:table-header-group}}
h2,h3,caption{{break-after:avoid}}
}}
"""
