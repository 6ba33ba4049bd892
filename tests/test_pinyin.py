"""Pinyin names in English questions: a user who writes "Geti Shenxindai" means 个体深信贷."""

from __future__ import annotations

from caseqa.index.pinyin import Transliterator


def test_names_spelled_in_pinyin_are_found_and_plain_english_is_not():
    t = Transliterator(["个体深信贷", "企航", "深破通", "前海", "快审", "scia"])
    assert t.names("Which bank lends through Geti Shenxindai?") == ["个体深信贷"]
    assert t.names("What does the Qi·Hang plan do?") == ["企航"]
    assert t.names("How many cases came through ShenPoTong and Qianhai?") == ["深破通", "前海"]
    # short spellings (Kuai Shen is five letters but two common syllables) and ordinary words stay English
    assert t.names("How fast is the kuaishen review?") == []  # not capitalised: an English word, or a typo
    assert t.names("What did Shenzhen do?") == []
