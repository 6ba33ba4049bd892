"""Chinese names written in pinyin inside English questions: "Geti Shenxindai" → 个体深信贷.

English-speaking users write the programmes and platforms of the cases as they hear them: Qi·Hang (企·航),
Shenpotong (深破通), Qianhai (前海). No dictionary translates such names, and the embedding model does not
read pinyin as Chinese, so an English question about "the Geti Shenxindai loans" finds nothing. This module
maps the corpus's own domain terms (index/tokenize.py: quoted names, 《》 titles, 简称, unit names) to their
toneless pinyin with ``pypinyin`` (a PyPI package with its own data; nothing is downloaded at run time) and
finds the terms that a capitalised run of Latin words spells; the answerer adds them to the search query.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]{2,}")
# a capitalised word of Latin letters, possibly joined by · or - (Qi·Hang, Shen-Po-Tong)
_NAME_WORD = re.compile(r"[A-Z][a-z]*(?:[·\-][A-Za-z][a-z]*)*")
MIN_KEY = 5  # shorter spellings (Qian, Hang) are too likely to be something else


def spelling(text: str) -> str:
    """Letters only, lower-cased: the key both a pinyin reading and a typed name reduce to."""
    return re.sub(r"[^a-z]", "", text.lower())


class Transliterator:
    """Finds the corpus terms a question spells in pinyin."""

    def __init__(self, terms: Iterable[str]) -> None:
        from pypinyin import lazy_pinyin  # its dictionaries load on import: only when a corpus is loaded

        self.by_key: dict[str, str] = {}
        for term in terms:
            if not _HAN_ONLY.fullmatch(term):
                continue
            key = spelling("".join(lazy_pinyin(term)))
            if len(key) >= MIN_KEY:
                self.by_key.setdefault(key, term)

    def names(self, question: str) -> list[str]:
        """Corpus terms that runs of capitalised words in ``question`` spell, longest run first."""
        words = list(_NAME_WORD.finditer(question))
        found: list[str] = []
        i = 0
        while i < len(words):
            for n in range(min(4, len(words) - i), 0, -1):
                run = words[i : i + n]
                # the words must be adjacent: only spaces between them
                if any(question[a.end() : b.start()].strip() for a, b in itertools.pairwise(run)):
                    continue
                term = self.by_key.get(spelling("".join(w.group(0) for w in run)))
                if term:
                    found.append(term)
                    i += n
                    break
            else:
                i += 1
        return list(dict.fromkeys(found))
