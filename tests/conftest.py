"""Shared fixtures: a tiny three-case compilation and a deterministic fake encoder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def mini_path() -> Path:
    return DATA / "mini_cases.txt"


@pytest.fixture(scope="session")
def mini_corpus(mini_path):
    from caseqa.corpus import load

    return load(mini_path)


@pytest.fixture(scope="session")
def real_corpus():
    from caseqa.corpus import load

    return load()
