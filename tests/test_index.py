"""Index build, save/load, staleness and hybrid search, on the mini corpus with a fake encoder."""

from __future__ import annotations

import json

import pytest

from caseqa.config import Config
from caseqa.index import store
from caseqa.index.chunk import chunk
from caseqa.index.store import Searcher, StaleIndexError, build, load, open_index, save
from caseqa.index.tokenize import domain_terms, tokenizer_for


def _config(tmp_path, **kw):
    return Config(model="hashing-128", index_dir_override=str(tmp_path / "idx"), **kw)


def test_chunks_are_verbatim_and_split_only_between_sentences(real_corpus):
    chunks = chunk(real_corpus, max_chars=120)
    assert any("#" in c.id for c in chunks)
    for c in chunks:
        assert real_corpus.text[c.start : c.end] == c.text
        para = real_corpus.paragraph(c.paragraph_id)
        boundaries = {s.start for s in para.sentences} | {para.end}
        assert c.start in boundaries and c.end in boundaries
        assert c.context and not c.context.startswith(c.text)
    # every paragraph is covered exactly once
    covered = "".join(c.text for c in chunks if c.paragraph_id == "c05.s2.p2")
    assert covered == real_corpus.paragraph("c05.s2.p2").text
    assert sum(c.id.startswith("table.") for c in chunks) == 10


def test_domain_terms_keep_names_whole(real_corpus):
    terms = domain_terms(real_corpus)
    tok = tokenizer_for(tuple(terms))
    assert "个体深信贷" in tok("个体深信贷放款多少")
    assert tok("“企·航”计划") == tok("企航计划")
    assert "深国仲" in tok("深国仲签了什么协议")
    assert "" not in tok("，。？  ")


def test_save_load_round_trip(tmp_path, mini_corpus, fake_encoder):
    config = _config(tmp_path)
    index = build(mini_corpus, fake_encoder, config, log=lambda m: None)
    save(index, config.index_dir)
    files = sorted(p.name for p in config.index_dir.iterdir())
    assert {"manifest.json", "chunks.jsonl", "vectors.faiss", "sentences.npy", "bm25"} <= set(files)
    assert not list(tmp_path.glob(".idx.tmp-*")), "temp build dir left behind"
    manifest = json.loads((config.index_dir / "manifest.json").read_text(encoding="utf-8"))
    for key in ("model", "dimension", "corpus_sha256", "chunking", "package_version", "created"):
        assert key in manifest
    first = (config.index_dir / "chunks.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert "市测试局" in first  # readable, not escaped
    loaded = load(config.index_dir, mini_corpus, fake_encoder.name)
    a = Searcher(index, fake_encoder).search("智慧水表漏损率", k=3)
    b = Searcher(loaded, fake_encoder).search("智慧水表漏损率", k=3)
    assert [h.chunk.id for h in a] == [h.chunk.id for h in b]
    assert a[0].chunk.case == 3


@pytest.mark.parametrize("damage", ["truncate", "delete", "garbage_manifest"])
def test_damaged_index_is_rebuilt_with_a_message(tmp_path, mini_corpus, fake_encoder, damage):
    config = _config(tmp_path)
    open_index(mini_corpus, fake_encoder, config, log=lambda m: None)
    target = config.index_dir / "vectors.faiss"
    if damage == "truncate":
        target.write_bytes(target.read_bytes()[:50])
    elif damage == "delete":
        target.unlink()
    else:
        (config.index_dir / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(StaleIndexError):
        load(config.index_dir, mini_corpus, fake_encoder.name)
    messages = []
    index = open_index(mini_corpus, fake_encoder, config, log=messages.append)
    assert any("rebuilding" in m for m in messages)
    assert Searcher(index, fake_encoder).search("漏损率", k=1)


def test_stale_index_names_the_mismatch(tmp_path, mini_corpus, real_corpus, fake_encoder):
    config = _config(tmp_path)
    open_index(mini_corpus, fake_encoder, config, log=lambda m: None)
    with pytest.raises(StaleIndexError, match="corpus_sha256"):
        load(config.index_dir, real_corpus, fake_encoder.name)
    with pytest.raises(StaleIndexError, match="model"):
        load(config.index_dir, mini_corpus, "another-model")
    with pytest.raises(StaleIndexError, match="no-rebuild"):
        open_index(real_corpus, fake_encoder, config, rebuild=False, log=lambda m: None)


def test_case_filter_and_retrievers(tmp_path, mini_corpus, fake_encoder):
    index = build(mini_corpus, fake_encoder, _config(tmp_path), log=lambda m: None)
    s = Searcher(index, fake_encoder)
    hits = s.search("服务企业", k=10, cases=[2])
    assert hits and {h.chunk.case for h in hits} == {2}
    for mode in ("hybrid", "dense", "bm25"):
        assert s.search("漏损率下降", k=2, mode=mode)[0].chunk.case == 3
    with pytest.raises(ValueError, match="unknown retriever"):
        s.search("x", mode="nope")


def test_approximate_index_above_threshold(tmp_path, mini_corpus, fake_encoder, monkeypatch):
    monkeypatch.setattr(store, "APPROX_THRESHOLD", 3)
    index = build(mini_corpus, fake_encoder, _config(tmp_path), log=lambda m: None)
    assert index.manifest["faiss"] == "IndexHNSWFlat"
    assert Searcher(index, fake_encoder).search("智慧水表", k=1)[0].chunk.case == 3


def test_searcher_refuses_an_index_from_another_model(tmp_path, mini_corpus, fake_encoder):
    from caseqa.index.encoder import HashingEncoder

    index = build(mini_corpus, fake_encoder, _config(tmp_path), log=lambda m: None)
    with pytest.raises(StaleIndexError):
        Searcher(index, HashingEncoder(64))


def test_english_words_bridge_to_the_corpus_own_chinese_words(real_corpus):
    """An English question reaches BM25 through the dictionary, in words that occur in this corpus only."""
    from caseqa.index.bridge import Bridge

    bridge = Bridge.for_text(real_corpus.text)
    words = bridge.translate("How many hospitals offer direct settlement for bankruptcy arbitration?")
    assert {"医院", "破产", "仲裁"} <= set(words)
    assert all(w in real_corpus.text for w in words)
    assert bridge.translate("the of which how many") == {}  # function words translate to nothing


def test_a_quoted_english_phrase_finds_the_slogan_it_renders_character_by_character(real_corpus):
    """'three fasts' is “三快” and 'dual limits' is “双限”: each word translates to the character in its place;
    a phrase that matches no quoted term of the corpus, or an unquoted one, adds nothing."""
    from caseqa.index.bridge import Bridge

    bridge = Bridge.for_text(real_corpus.text)
    assert bridge.slogans_for("What are the 'three fasts' the court aims for?") == ["三快"]
    assert bridge.slogans_for('What is the "dual limits" rule?') == ["双限"]
    assert bridge.slogans_for("What is the 'double limit' rule?") == ["双限"]
    assert "三快" in bridge.translate("What are the 'three fasts'?")
    assert bridge.slogans_for("What are the 'four fasts'?") == []
    assert bridge.slogans_for("What are the three fasts? Shenzhen's court can't say") == []


def test_english_question_searches_bm25_through_the_bridge(tmp_path, real_corpus, fake_encoder):
    from caseqa.index.bridge import Bridge

    index = build(real_corpus, fake_encoder, _config(tmp_path))
    plain = Searcher(index, fake_encoder)
    bridged = Searcher(index, fake_encoder, bridge=Bridge.for_text(real_corpus.text))
    q = "bankruptcy"
    assert not plain.search(q, k=3, mode="bm25")  # no English word occurs in the Chinese text
    top = bridged.search(q, k=3, mode="bm25")
    assert top and all("破产" in h.chunk.text for h in top)


def test_an_adverb_meets_its_adjective_in_the_dictionary():
    """"privately run" (民营) must answer "private companies"; "officially" meets "official"."""
    from caseqa.index.bridge import stem

    assert stem("privately") == stem("private")
    assert stem("officially") == stem("official")
    assert stem("directly") == stem("direct")


def test_every_form_of_a_word_has_one_stem(real_corpus):
    """The dictionary writes /to settle a bill/ (结算); a question asks about "settlements". Every inflected
    form must meet the dictionary's form, whichever suffix it carries."""
    from caseqa.index.bridge import Bridge, stem

    forms = ("settle", "settles", "settled", "settling", "settlement", "settlements")
    assert len({stem(w) for w in forms}) == 1
    assert len({stem(w) for w in ("agree", "agreed", "agreement", "agreements")}) == 1
    bridge = Bridge.for_text(real_corpus.text)
    assert "结算" in bridge.translate("settlements", per_word=8)


def test_two_words_the_dictionary_translates_together_are_one_group(real_corpus):
    """"for the first time" is 首次 (first is a stop word, time alone is 时间 or 同时); "interest rate" is
    利率. A function word is no half of a phrase: "agreement with" means what "agreement" does."""
    from caseqa.index.bridge import Bridge

    bridge = Bridge.for_text(real_corpus.text)
    assert "首次" in bridge.translate("What was done for the first time?", per_word=8)
    assert "利率" in bridge.groups("the interest rate", per_word=4)[0]
    assert bridge.groups("signed an agreement with") == bridge.groups("signed an agreement")


def test_org_variants_spell_a_body_each_usual_way():
    from caseqa.index.tokenize import org_variants

    assert set(org_variants("市发展改革委")) == {"市发展改革委", "市发展和改革委员会", "市发改委"}
    assert "深圳中级人民法院" in org_variants("深圳中院")
    assert org_variants("前海管理局") == ["前海管理局"]


def test_phrasal_verbs_bridge_by_their_meaning(real_corpus):
    """"went live" is 上线 (/to go online/), which the dictionary cannot find word by word."""
    from caseqa.index.bridge import Bridge

    bridge = Bridge.for_text(real_corpus.text)
    assert "上线" in bridge.translate("When did the windows go live?")
    assert "上线" in bridge.translate("The platform went live in July.")


def test_the_bridge_reads_go_live_as_the_two_word_sense_of_went_online():
    """CC-CEDICT gives 上线 as /to go online/: "went live" and "go online" both find it as a phrase, and it
    is then the one translation of the pair, not one of several senses of "online" (在线, 网上…)."""
    from caseqa.index.bridge import Bridge

    bridge = Bridge.for_text("窗口全面上线。在线办理。网上申请。")
    for q in ("When did the windows go live?", "When did the windows go online?", "the windows went online"):
        assert {"上线": 1.0} in bridge.groups(q), (q, bridge.groups(q))
