from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))

EN = ("The Lakeside Youth Voices project trains twenty youth workers in Maiduguri to run "
      "weekly radio debates in Kanuri that answer the claims of extremist recruiters. Imams "
      "from local mosques join each broadcast, and an external team measures changes in "
      "listeners' attitudes through a baseline and endline survey.")
FR = ("L'association Passerelles forme des animateurs de quartier à Toulouse pour prévenir "
      "la radicalisation des jeunes. Des ateliers d'éducation aux médias sont organisés dans "
      "trois collèges avec les enseignants, et les parents sont invités à des soirées "
      "d'échange sur les réseaux sociaux.")
OUT = ("Our Saturday football league brings together 300 boys and girls aged 8 to 14 from "
       "six neighbourhoods of Mombasa. Volunteer coaches run training sessions and a season "
       "tournament, and every player receives a kit and a healthy lunch on match days.")


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return ROOT / "data" / "seed"


@pytest.fixture(scope="session")
def default_model_dir() -> Path:
    return ROOT / "models" / "default"


@pytest.fixture(scope="session")
def tfidf_model_dir(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> Path:
    """A small TF-IDF model trained once per session on part of the seed corpus."""
    from cn_tagger.train import TrainConfig, train

    out = tmp_path_factory.mktemp("models") / "tfidf"
    subset = tmp_path_factory.mktemp("data") / "train.jsonl"
    lines = (seed_dir / "train.jsonl").read_text(encoding="utf-8").splitlines()[:500]
    subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = TrainConfig(name="test-tfidf", train=str(subset), dev=str(seed_dir / "dev.jsonl"),
                         test=None, taxonomy=str(ROOT / "configs" / "taxonomy.yaml"),
                         candidates=[{"name": "tfidf", "max_features": 20000}])
    train(config, out)
    return out


@pytest.fixture(scope="session")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny randomly initialised BERT saved in a temp dir (no download)."""
    from helpers import make_tiny_encoder

    return make_tiny_encoder(tmp_path_factory.mktemp("encoders") / "tiny")


@pytest.fixture(scope="session")
def tfidf_tagger(tfidf_model_dir: Path):
    from cn_tagger import Tagger

    return Tagger.load(tfidf_model_dir)


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path
