"""Print one Markdown table of the candidates recorded in one or more model manifests.

Usage: python scripts/candidate_table.py models/default /tmp/model-transformer ...
(each argument is a directory written by `cn-tagger train`). The README's comparison table is
this script's output; sizes add the encoder weights that come from installed packages.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# Encoder weights that live in an installed package, not in the model directory.
PACKAGE_MB = {"use": 32, "transformer-frozen": 88}


def label(spec: dict) -> str:
    name = spec["name"]
    if spec.get("members"):
        name += " (" + " + ".join(m["name"] for m in spec["members"]) + ")"
    if name == "transformer":
        name += f" {spec.get('encoder', '')} {spec.get('mode', 'frozen')}"
        if spec.get("pooling") == "sentences":
            name += ", sentence pooling"
        if spec.get("mode") == "finetune":
            name += f" ({spec.get('epochs')} epoch, top {spec.get('train_layers')} layers)"
    if spec.get("sentence_max_weight"):
        name += f" + best-sentence pooling (w = {spec['sentence_max_weight']})"
    return name


def extra_mb(spec: dict) -> int:
    names = [m["name"] for m in spec.get("members", [])] or [spec["name"]]
    total = sum(PACKAGE_MB.get(n, 0) for n in names)
    if spec["name"] == "transformer" and spec.get("mode", "frozen") == "frozen":
        total += PACKAGE_MB["transformer-frozen"]
    return total


def f(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def main(paths: list[str]) -> None:
    print("| candidate | dev micro / macro | test micro / macro | test en / non-en | "
          "real-world dev micro / macro | real-world en / non-en | docs/s | size MB |")
    print("|---|---|---|---|---|---|---|---|")
    for path in paths:
        manifest = json.loads((Path(path) / "manifest.json").read_text(encoding="utf-8"))
        for c in manifest["training"]["candidates"]:
            test = c.get("held_out", {}).get("test", {})
            real = c.get("held_out", {}).get("real_world_dev", {})
            name = label(c["spec"])
            if c.get("selected") and path.rstrip("/").endswith("models/default"):
                name = f"**{name} (shipped)**"
            extra = extra_mb(c["spec"])
            size = f"{c['size_mb']:.1f}" + (f" + {extra}" if extra else "")
            print(f"| {name} | {f(c['dev_micro_f1'])} / {f(c['dev_macro_f1'])} | "
                  f"{f(test.get('micro_f1'))} / {f(test.get('macro_f1'))} | "
                  f"{f(test.get('english_micro_f1'))} / {f(test.get('non_english_micro_f1'))} | "
                  f"{f(real.get('micro_f1'))} / {f(real.get('macro_f1'))} | "
                  f"{f(real.get('english_micro_f1'))} / {f(real.get('non_english_micro_f1'))} | "
                  f"{c.get('docs_per_s', '—')} | {size} |")


if __name__ == "__main__":
    main(sys.argv[1:] or ["models/default"])
