"""Regenerate data/seed/DATASHEET.md from docs/datasheet_template.md with computed numbers.

Runs scripts/corpus_stats.py and scripts/agreement.py and fills {n}, {n_agree}, {stats} and
{agreement}; no number in the datasheet is typed in by hand.

Usage: python scripts/write_datasheet.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(script: str) -> str:
    return subprocess.run([sys.executable, f"scripts/{script}"], capture_output=True, text=True,
                          check=True).stdout


def main() -> None:
    stats = run("corpus_stats.py")
    agreement = run("agreement.py")
    n = sum(1 for s in ("train", "dev", "test")
            for line in Path(f"data/seed/{s}.jsonl").read_text("utf-8").splitlines() if line)
    n_agree = json.loads(Path("data/seed/agreement/agreement.json").read_text())["n"]
    template = Path("docs/datasheet_template.md").read_text(encoding="utf-8")
    page = (template.replace("{n}", f"{n:,}").replace("{n_agree}", str(n_agree))
            .replace("{stats}", stats).replace("{agreement}", agreement))
    Path("data/seed/DATASHEET.md").write_text(page, encoding="utf-8")
    print(f"data/seed/DATASHEET.md: {n} records, {n_agree} double-annotated")


if __name__ == "__main__":
    main()
