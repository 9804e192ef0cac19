"""Self-contained HTML evaluation report (no external assets)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any


def _bar(value: float, colour: str) -> str:
    width = max(0.0, min(1.0, value)) * 160
    return (f'<svg width="170" height="12" role="img" aria-label="{value:.3f}">'
            f'<rect width="160" height="12" fill="#eee"/><rect width="{width:.1f}" height="12" '
            f'fill="{colour}"/></svg>')


def evaluation_report(metrics: dict[str, Any], path: Path, title: str = "evaluation") -> None:
    esc = html.escape
    rows = "".join(
        f"<tr><td>{esc(label)}</td><td>{m['precision']:.3f} {_bar(m['precision'], '#4a7')}</td>"
        f"<td>{m['recall']:.3f} {_bar(m['recall'], '#47a')}</td>"
        f"<td>{m['f1']:.3f} {_bar(m['f1'], '#a74')}</td><td>{m['support']}</td></tr>"
        for label, m in metrics["per_label"].items())
    langs = "".join(
        f"<tr><td>{esc(lang)}</td><td>{m['n']}</td><td>{m['micro_f1']:.3f}</td>"
        f"<td>{m['macro_f1']:.3f}</td><td>{m['scope_f1']:.3f}</td></tr>"
        for lang, m in metrics["per_language"].items())
    errors = "".join(
        f"<tr><td>{esc(e['id'])}</td><td>{esc(str(e['language']))}</td>"
        f"<td>{'in' if e['gold_in_scope'] else 'out'} / {'in' if e['pred_in_scope'] else 'out'}"
        f" ({e['in_scope_score']})</td><td>{esc(', '.join(e['missed']))}</td>"
        f"<td>{esc(', '.join(e['extra']))}</td><td class=t>{esc(e['text'])}</td></tr>"
        for e in metrics.get("worst_errors", []))
    scope = metrics["in_scope"]
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:1200px}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:4px 8px;vertical-align:top;font-size:14px}}td.t{{max-width:520px}}</style>
</head><body><h1>{esc(title)}</h1>
<p>n = {metrics['n']} · micro-F1 <b>{metrics['micro_f1']:.3f}</b> · macro-F1
<b>{metrics['macro_f1']:.3f}</b> · scope P/R/F1 {scope['precision']:.3f} / {scope['recall']:.3f} /
{scope['f1']:.3f} · scope AUROC {scope['auroc'] if scope['auroc'] is not None else '—'} ·
evidence hit rate {metrics.get('evidence_hit_rate')}</p>
<h2>Per label</h2><table><tr><th>label</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>{rows}</table>
<h2>Per language</h2><table><tr><th>language</th><th>n</th><th>micro-F1</th><th>macro-F1</th><th>scope F1</th></tr>{langs}</table>
<h2>Worst errors</h2><table><tr><th>id</th><th>lang</th><th>scope gold / pred</th><th>missed</th><th>extra</th><th>text</th></tr>{errors}</table>
</body></html>"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")


def _hbars(counts: list[tuple[str, int]], colour: str) -> str:
    """A horizontal bar chart as inline SVG."""
    if not counts:
        return "<p>none</p>"
    top = max(c for _, c in counts) or 1
    height = 18 * len(counts) + 4
    bars = "".join(
        f'<text x="0" y="{18 * i + 14}" font-size="12">{html.escape(name)}</text>'
        f'<rect x="190" y="{18 * i + 3}" width="{300 * c / top:.1f}" height="13" fill="{colour}"/>'
        f'<text x="{196 + 300 * c / top:.1f}" y="{18 * i + 14}" font-size="12">{c}</text>'
        for i, (name, c) in enumerate(counts))
    return f'<svg width="560" height="{height}" role="img">{bars}</svg>'


def _highlight(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Escape ``text`` and wrap evidence spans in <mark> (overlaps merged)."""
    out, pos = [], 0
    for start, end, title in sorted(spans):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark title="{html.escape(title)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def needs_review(record: dict[str, Any], thresholds: dict[str, float], margin: float) -> list[str]:
    """Labels (and ``in_scope``) whose score sits within ``margin`` of its threshold."""
    near = []
    scope = record.get("in_scope") or {}
    if scope and "in_scope" in thresholds and abs(scope["score"] - thresholds["in_scope"]) < margin:
        near.append("in_scope")
    if scope.get("value"):
        for label, score in (record.get("scores") or {}).items():
            if label in thresholds and abs(score - thresholds[label]) < margin:
                near.append(label)
    return near


def batch_report(records: list[dict[str, Any]], path: Path, clauses: dict[str, list[str]],
                 thresholds: dict[str, float], margin: float = 0.1,
                 title: str = "cn_tagger batch report") -> dict[str, int]:
    """One self-contained HTML page for curators: distributions, then every submission."""
    from collections import Counter

    esc = html.escape
    ok = [r for r in records if r.get("status") == "ok"]
    errors = [r for r in records if r.get("status") != "ok"]
    in_scope = [r for r in ok if (r.get("in_scope") or {}).get("value")]
    label_counts = Counter(lb for r in ok for lb in r.get("labels") or [])
    lang_counts = Counter((r.get("language") or {}).get("code", "und") for r in ok)
    review = {r["id"]: needs_review(r, thresholds, margin) for r in ok}
    n_review = sum(bool(v) for v in review.values())
    items = []
    for r in ok:
        scope = r["in_scope"]
        flags = review[r["id"]]
        tags = "".join(
            f'<span class="tag">{esc(lb)} <small>{esc(", ".join(clauses.get(lb, [])))} · '
            f'{r["scores"].get(lb, 0):.2f}</small></span>' for lb in r.get("labels") or [])
        spans = [(e["start"], e["end"], lb) for lb, evs in (r.get("evidence") or {}).items()
                 for e in evs]
        if r.get("text"):
            body = f'<p class="text">{_highlight(r["text"], spans)}</p>'
        else:
            body = "<ul>" + "".join(
                f"<li><b>{esc(lb)}</b>: <mark>{esc(e['text'])}</mark></li>"
                for lb, evs in (r.get("evidence") or {}).items() for e in evs) + "</ul>"
        badge = (f'<span class="review">needs review: {esc(", ".join(flags))}</span>'
                 if flags else "")
        meta_title = (r.get("meta") or {}).get("title")
        items.append(
            f'<div class="item"><h3>{esc(str(meta_title or r["id"]))} <small>{esc(r["id"])} · '
            f'{esc(r["language"]["code"])} · {"in scope" if scope["value"] else "out of scope"}'
            f' ({scope["score"]:.2f})</small> {badge}</h3><div>{tags}</div>{body}</div>')
    error_rows = "".join(f"<tr><td>{esc(r['id'])}</td><td>{esc(r['error']['code'])}</td>"
                         f"<td>{esc(r['error']['message'])}</td></tr>" for r in errors)
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:1100px}}.item{{border-top:1px solid #ccc;padding:.5em 0}}
.tag{{display:inline-block;background:#e8f0fe;border-radius:4px;padding:2px 6px;margin:2px;font-size:13px}}
.review{{background:#fff3cd;color:#7a5a00;font-size:12px;padding:2px 6px;border-radius:4px}}
mark{{background:#fde68a}}.text{{white-space:pre-wrap;font-size:14px}}table{{border-collapse:collapse}}
td{{border:1px solid #ccc;padding:3px 6px;font-size:13px}}</style></head><body>
<h1>{esc(title)}</h1>
<p>{len(records)} submissions · {len(ok)} tagged · {len(errors)} errors · {len(in_scope)} in scope ·
{len(ok) - len(in_scope)} out of scope · {n_review} need review (a score within {margin} of its threshold)</p>
<h2>Labels</h2>{_hbars(label_counts.most_common(), "#4a7")}
<h2>Languages</h2>{_hbars(lang_counts.most_common(), "#47a")}
<h2>Scope</h2>{_hbars([("in scope", len(in_scope)), ("out of scope", len(ok) - len(in_scope)), ("error", len(errors))], "#a74")}
<h2>Submissions</h2>{"".join(items)}
<h2>Errors</h2><table><tr><td>id</td><td>code</td><td>message</td></tr>{error_rows}</table>
</body></html>"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return {"records": len(records), "needs_review": n_review}
