"""The English stemmer gives the stems lunr.js gives (test_search_browser checks it in lunr too)."""

from __future__ import annotations

import pytest

from vneid_site.search.en_stem import stem


@pytest.mark.parametrize(
    "word,expected",
    [
        # Porter's own examples, step by step
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("cats", "cat"),
        ("feed", "feed"),
        ("agreed", "agre"),
        ("plastered", "plaster"),
        ("motoring", "motor"),
        ("sing", "sing"),
        ("conflated", "conflat"),
        ("troubled", "troubl"),
        ("sized", "size"),
        ("hopping", "hop"),
        ("falling", "fall"),
        ("filing", "file"),
        ("happy", "happi"),
        ("relational", "relat"),
        ("conditional", "condit"),
        ("digitizer", "digit"),
        ("triplicate", "triplic"),
        ("hopeful", "hope"),
        ("goodness", "good"),
        ("revival", "reviv"),
        ("adjustment", "adjust"),
        ("adoption", "adopt"),
        ("controll", "control"),
        ("roll", "roll"),
        ("probate", "probat"),
        ("rate", "rate"),
        # words of this site
        ("linking", "link"),
        ("linked", "link"),
        ("links", "link"),
        ("accounts", "account"),
        ("registering", "regist"),
        ("services", "servic"),
        ("logging", "log"),
        ("yelling", "yell"),
        ("is", "is"),
    ],
)
def test_porter_stems(word, expected):
    assert stem(word) == expected


def test_forms_of_one_word_share_a_stem():
    assert len({stem(w) for w in ("link", "links", "linked", "linking")}) == 1
    assert len({stem(w) for w in ("apply", "applies", "applied", "applying")}) == 1
