"""Chinese tokenization for BM25: jieba with the corpus's own domain terms, normalised, stopwords removed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from caseqa.corpus import Corpus

STOPWORDS = frozenset(
    (
        "的 了 是 在 和 与 及 或 等 为 对 由 将 从 以 于 把 被 也 都 而 并 其 之 这 "
        "那 这个 那个 哪个 哪些 什么 怎么 怎样 如何 多少 几 吗 呢 吧 啊 呀 么 请问 请 一下 "
        "有 有没有 没有 是否 是不是 能 能否 可以 会 要 哪 谁 哪里 哪家 哪年 哪天 各 中 里 what "
        "which who how many much when where why does did do "
        "is are was were the a an of in on for to and or by "
        "with it its this that there "
        # words about the compilation itself, not about any case's content
        "案例 提到 提及 出现 出现过 说到 讲到 谈到 涉及 有关 相关 分别 各自 比较 对比 case cases "
    ).split()
)


def tokenizer_signature(terms: Iterable[str]) -> str:
    """Fingerprint of everything that decides BM25 tokens (dictionary terms and stopwords)."""
    import hashlib

    blob = "\n".join(sorted(STOPWORDS)) + "\0" + "\n".join(terms)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]
_SKIP = re.compile(r"^[\W_]+$")
_QUOTED = re.compile(r"“([^“”]{2,12})”")
_TITLED = re.compile(r"《([^《》]{2,30})》")
_ABBR = re.compile(r"简称[“\"]([^”\"]{2,12})[”\"]")


def normalize(text: str) -> str:
    """Fold width and case, and drop the interpunct so 企·航 and 企航 tokenize alike."""
    return unicodedata.normalize("NFKC", text).lower().replace("·", "").replace("•", "")


def domain_terms(corpus: Corpus | None = None) -> list[str]:
    """Terms jieba keeps whole: the shipped list plus quoted names, 《》 titles and 简称 found in the corpus."""
    shipped = resources.files("caseqa.corpus").joinpath("terms.txt").read_text(encoding="utf-8")
    terms = [t.strip() for t in shipped.splitlines() if t.strip() and not t.startswith("#")]
    if corpus is not None:
        for pattern in (_QUOTED, _TITLED, _ABBR):
            terms.extend(m.group(1) for m in pattern.finditer(corpus.text))
        for case in corpus.cases:
            for unit in case.units:
                terms.extend(unit_names(unit))
    seen: dict[str, None] = {}
    for t in terms:
        n = normalize(t).strip()
        if len(n) >= 2 and not re.search(r"[，。；：、\s]", n):
            seen.setdefault(n, None)
    return list(seen)


def unit_names(unit: str) -> list[str]:
    """Names a unit goes by: 市前海管理局 → 前海管理局, 前海 (so jieba never cuts 跟前|海)."""
    core = re.sub(r"^(深圳市|深圳|市)", "", unit)
    names = [core]
    bare = re.sub(r"(管理局|局|委员会|委)$", "", core)
    if bare != core and len(bare) >= 2:
        names.append(bare)
    return [n for n in names if len(n) >= 2]


# The usual short forms of Chinese government bodies (general usage, not drawn from any question): each group
# holds names of one body that a text or a question may use for one another.
ORG_FORMS = (
    ("中级人民法院", "中级法院", "中院"),
    ("高级人民法院", "高级法院", "高院"),
    ("人民检察院", "检察院"),
    ("发展和改革委员会", "发展改革委", "发改委"),
    ("市场监督管理局", "市场监管局", "市监局"),
    ("政务服务和数据管理局", "政务服务数据管理局", "政数局"),
    ("医疗保障局", "医保局"),
    ("工商业联合会", "工商联"),
    ("统一战线工作部", "统战部"),
    ("互联网信息办公室", "网信办"),
    ("住房和城乡建设局", "住房城乡建设局", "住建局"),
    ("人力资源和社会保障局", "人力资源社会保障局", "人社局"),
    ("国有资产监督管理委员会", "国资委"),
)


def org_variants(name: str) -> list[str]:
    """``name`` and its spellings with each body's other usual forms: 市发展改革委 → 市发展和改革委员会,
    市发改委. Longer forms are tried first so 中级人民法院 is not read as 人民法院 plus 中级."""
    out = [name]
    for group in ORG_FORMS:
        for form in sorted(group, key=len, reverse=True):
            if form in name:
                out += [name.replace(form, other) for other in group if other != form]
                break
    return list(dict.fromkeys(out))


class Tokenizer:
    """A jieba tokenizer of its own (not the global one) that knows the domain terms."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        # jieba loads its 5 MB dictionary when first used; importing it here keeps `caseqa --help` instant.
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict…" chatter is noise for users
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        self.terms = tuple(terms)
        for t in self.terms:
            self._jieba.add_word(t, freq=20000)

    @property
    def jieba(self) -> Any:  # jieba ships no type hints
        """The underlying ``jieba.Tokenizer`` with the domain terms (for part-of-speech tagging)."""
        return self._jieba

    def words(self, text: str) -> list[str]:
        """Plain jieba words of ``text`` as written (no normalising, no stopword removal, no sub-words):
        for cutting names and list items out of a sentence at the offsets it has."""
        return self._jieba.lcut(text)

    def __call__(self, text: str) -> list[str]:
        """Search-mode tokens of ``text`` (a long word also yields its shorter words), minus stopwords."""
        out = []
        for tok in self._jieba.cut_for_search(normalize(text)):
            tok = tok.strip()
            if tok and tok not in STOPWORDS and not _SKIP.match(tok):
                out.append(tok)
        return out


@lru_cache(maxsize=4)
def tokenizer_for(terms: tuple[str, ...]) -> Tokenizer:
    """One shared tokenizer per term list (jieba's setup costs about a second)."""
    return Tokenizer(terms)
