from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    return {p.stem[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
