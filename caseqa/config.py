"""Run-time configuration: one small dataclass, defaults overridable by ``CASEQA_*`` variables and CLI flags."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

DEFAULT_MODEL = "multilingual-e5-small"


def _cache_dir() -> Path:
    return Path(os.environ.get("CASEQA_CACHE_DIR") or Path.home() / ".cache" / "caseqa")


@dataclass(frozen=True)
class Config:
    """Where things live and which model and chunking the index uses (recorded in the index manifest)."""

    model: str = field(default_factory=lambda: os.environ.get("CASEQA_MODEL") or DEFAULT_MODEL)
    corpus_path: str | None = field(default_factory=lambda: os.environ.get("CASEQA_CORPUS") or None)
    cache_dir: Path = field(default_factory=_cache_dir)
    index_dir_override: str | None = field(default_factory=lambda: os.environ.get("CASEQA_INDEX_DIR") or None)
    max_chunk_chars: int = 400
    rrf_k: int = 60

    @property
    def index_dir(self) -> Path:
        """The index directory: explicit override, else one folder per corpus under the cache."""
        if self.index_dir_override:
            return Path(self.index_dir_override)
        stem = Path(self.corpus_path).stem if self.corpus_path else "default"
        return self.cache_dir / "index" / stem

    def with_overrides(self, **kwargs: object) -> Config:
        """A copy with the non-None keyword values replaced (CLI flags win over the environment)."""
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})

    def as_dict(self) -> dict:
        """JSON-friendly view for manifests and reports."""
        d = asdict(self)
        d["cache_dir"] = str(self.cache_dir)
        return d
