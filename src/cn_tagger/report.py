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
