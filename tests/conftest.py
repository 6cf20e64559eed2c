"""Shared fixtures: the seed pages and their gold parses, and isolated user directories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "fixtures" / "gold"


def seed_pages() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def gold_for(page: Path) -> dict:
    return json.loads((GOLD / f"{page.stem}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data or cache: every test gets its own."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("READER_DB", str(base / "data" / "kanbao.json"))
    monkeypatch.setenv("READER_CACHE", str(base / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.setenv("READER_CONFIG", str(base / "config" / "settings.toml"))
