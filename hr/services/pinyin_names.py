"""Colleagues written in pinyin ("Wang Chao", "wang chao's progress", "Zhang Mingwei"): Latin words of the text
matched against the organisation's Chinese names by their readings, asking the database only about people whose
surname could be written that way (one bounded query, never the whole organisation)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import product

from sqlmodel import Session

from hr.repositories import org_repo

# readings of common Chinese surnames: a Latin word is taken as a surname only if it is one of these, so ordinary
# English words ("show", "team") never cost a lookup
_SURNAMES = (
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han "
    "feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lv lu ding ren yao shen zhong cui "
    "tan fan liao shi jin jia xia fu fang zou xiong bai meng qin qiu hou yin xue yan duan lei long shao qian kong mao "
    "chang gu lai wan hao kang qi wen niu xing an hong ou bao mo kuang ning ruan geng zhan nie ji gong tao ling chai "
    "che bi yi qu mu shan dai zhuang ou-yang ouyang situ shangguan zhuge")
SURNAME_READINGS = frozenset(_SURNAMES.split() + ["lyu"])
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_POSSESSIVE = re.compile(r"['’]s?$", re.IGNORECASE)
MAX_WORDS = 3  # "Wang Chao", "Zhang Ming Wei": a surname and a given name of one or two syllables
MAX_READINGS = 16  # combinations of heteronym readings kept per name (单 shan/dan, 曾 zeng/ceng)


def _plain(reading: str) -> str:
    """A reading without tone marks, ü written as v ("lǚ" -> "lv")."""
    decomposed = unicodedata.normalize("NFD", reading.replace("ü", "v"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ü", "v")


def _key(text: str) -> str:
    """Latin letters only, lower-cased, ü/v and u kept apart only where pinyin does ("Lyu"/"Lv"/"Lu" all -> lu)."""
    return re.sub(r"[^a-z]", "", text.lower()).replace("yu", "v").replace("v", "u")


@cache
def _readings_of(char: str) -> tuple[str, ...]:
    """Every toneless reading of one character (its heteronyms included)."""
    from pypinyin.pinyin_dict import pinyin_dict

    found = pinyin_dict.get(ord(char))
    return tuple(dict.fromkeys(_plain(r) for r in found.split(","))) if found else ()


@cache
def name_keys(name: str) -> frozenset[str]:
    """The pinyin keys a Chinese name may be written as ("王超" -> {"wangchao"}; "单雪" -> {"danxue", "shanxue"})."""
    chars = [c for c in name.strip() if not c.isspace()]
    per_char = [_readings_of(c) for c in chars]
    if not chars or any(not r for r in per_char):
        return frozenset()
    keys = []
    for combo in product(*per_char):
        keys.append(_key("".join(combo)))
        if len(keys) >= MAX_READINGS:
            break
    return frozenset(keys)


@cache
def _surname_chars(reading: str) -> tuple[str, ...]:
    """The CJK characters one surname reading may stand for ("wang" -> 王, 汪, 望, ...; "lyu" -> 吕, ...)."""
    from pypinyin.pinyin_dict import pinyin_dict

    wanted = _key(reading)
    return tuple(chr(code) for code, readings in pinyin_dict.items() if 0x4E00 <= code <= 0x9FFF
                 and any(_key(_plain(r)) == wanted for r in readings.split(",")))


def latin_spans(text: str) -> list[tuple[str, str, str]]:
    """(span as written, key, surname reading) for every run of 2-3 Latin words that starts or ends with a surname
    reading: "Wang Chao" and "Chao Wang" both give key "wangchao"."""
    words = []
    for m in _WORD.finditer(text):
        word = _POSSESSIVE.sub("", m.group(0))  # "chao's" -> "chao"
        words.append((m.start(), m.start() + len(word), word.lower()))
    found = []
    for size in range(MAX_WORDS, 1, -1):
        for i in range(len(words) - size + 1):
            window = words[i:i + size]
            span = text[window[0][0]:window[-1][1]]
            parts = [w[2] for w in window]
            if parts[0] in SURNAME_READINGS:
                found.append((span, _key("".join(parts)), parts[0]))
            if size == 2 and parts[-1] in SURNAME_READINGS:
                found.append((span, _key(parts[-1] + parts[0]), parts[-1]))  # given name first: "Chao Wang"
    return found


def rows_written_in_pinyin(db: Session, text: str) -> list[tuple[str, tuple[str, str, str]]]:
    """(span as written, (id, name, department)) for every active employee whose Chinese name the text writes in
    pinyin; longer spans first, overlapping shorter ones dropped."""
    spans = latin_spans(text)
    if not spans:
        return []
    chars = {c for _span, _key_, surname in spans for c in _surname_chars(surname)}
    rows = org_repo.active_names_starting_with(db, chars)
    taken: list[tuple[int, int]] = []
    matched: list[tuple[str, tuple[str, str, str]]] = []
    for span, key, _surname in spans:
        hits = [r for r in rows if key in name_keys(r[1])]
        if not hits:
            continue
        start = text.find(span)
        if any(start < end and begin < start + len(span) for begin, end in taken):
            continue
        taken.append((start, start + len(span)))
        matched.extend((span, r) for r in hits)
    return matched
