"""Shared fixtures: the repository root and its example dossiers."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def dossier_path() -> Path:
    return ROOT / "examples" / "so-khcn-ninh-binh.json"


@pytest.fixture(scope="session")
def old_dossier_path() -> Path:
    return ROOT / "examples" / "ubnd-xa-tan-thanh-2008.json"
