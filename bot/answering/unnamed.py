"""Does the question name a kind of leave, allowance, fee or bonus the knowledge base never mentions?

"哺乳假有几个小时？", "年终奖几月份发？", "Is there a night-shift allowance?": such questions ask about a named benefit;
when the material never names it (nor names it in the other language through the lexicon), the nearest rule is about
another kind ("育儿假5天", "午餐补贴25元") and quoting it answers a question nobody asked. The check is corpus-relative
(is the name written anywhere in the material?), not a cosine, so it carries between collections
(eval/results/answer_tuning.txt §13)."""

from __future__ import annotations

import re
import threading

# the head words of a named kind; the word before it (or the rest of the same word) is the kind's name
_ZH_HEADS = ("补贴", "补助", "津贴", "奖金", "假", "奖", "费", "保险")
_EN_KIND = re.compile(r"\b([a-z][a-z-]{2,})\s+(leave|allowance|stipend|subsidy|insurance|bonus|fees?|memberships?)\b",
                      re.I)
_EN_NOT_NAMES = frozenset(("the", "any", "our", "your", "my", "their", "this", "that", "what", "which", "much",
                           "more", "extra", "special", "paid", "unpaid", "some", "company", "total", "such", "for",
                           "and", "get", "take", "days", "day", "weeks", "week", "hours", "of", "on", "annual", "one-off",
                           "one-time", "monthly", "daily", "weekly", "yearly", "big", "usual", "standard", "maximum",
                           "minimum", "full", "same", "other", "new", "current", "per", "regular", "basic"))
_ZH_NOT_NAMES = re.compile(r"[几多少每些天次个请休放度哪啥什么怎这那要能可会去了的]|\d")
_blobs: dict[int, tuple[object, str]] = {}
_lock = threading.Lock()


def named_kinds(tokens: list[str], question: str) -> list[tuple[str, str]]:
    """(kind, its name) for each kind the question names ("哺乳假", "哺乳"; "night-shift allowance", "night-shift"),
    from its keyword tokens (Chinese; the kind must be written as one word in the question, and a rate such as
    每公里补贴 names no kind) and its words (English)."""
    out: list[tuple[str, str]] = []
    for i, token in enumerate(tokens):
        for head in _ZH_HEADS:
            if not token.endswith(head):
                continue
            name = token[: -len(head)] or (tokens[i - 1] if i else "")
            kind = name + head
            at = question.find(kind)
            if (len(name) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", name) and not _ZH_NOT_NAMES.search(name)
                    and at >= 0 and question[max(0, at - 1):at] != "每"):
                out.append((kind, name))
            break
    for match in _EN_KIND.finditer(question):
        if match.group(1).lower() not in _EN_NOT_NAMES:
            out.append((match.group(0), match.group(1)))
    return out


def _normal(text: str) -> str:
    return " " + re.sub(r"[\s\-_]+", " ", text.lower()) + " "


def _material(index) -> str:
    """All indexed text, normalised, remembered per set of published document versions."""
    documents = index.catalog.documents()
    key = hash(frozenset((d.source, d.content_hash) for d in documents))
    with _lock:
        cached = _blobs.get(id(index))
        if cached is not None and cached[0] == key:
            return cached[1]
    chunks = index.catalog.chunks_of([d.source for d in documents])
    blob = _normal("\n".join([d.title for d in documents] + [f"{c.heading} {c.text}" for c in chunks]))
    with _lock:
        _blobs[id(index)] = (key, blob)
    return blob


def _written(blob: str, phrase: str) -> bool:
    """The phrase is in the material: Chinese as a substring, English as whole words (a plural 's' allowed)."""
    phrase = _normal(phrase).strip()
    if not phrase:
        return False
    if not phrase.isascii():
        return phrase in blob
    return re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(s|es)?(?![a-z0-9])", blob) is not None


def unknown_kinds(index, question: str) -> list[str]:
    """The named kinds the material never names: neither the kind nor its name as written, nor a lexicon
    translation or synonym of the whole kind."""
    blob = None
    unknown = []
    for kind, name in named_kinds(index.tokenizer.tokens(question), question):
        blob = blob if blob is not None else _material(index)
        if _written(blob, kind) or _written(blob, name):
            continue
        if any(_together(blob, *table(kind)) for table in (index.lexicon.translate_groups,
                                                            index.lexicon.synonym_groups)):
            continue
        unknown.append(kind)
    return unknown


def _together(blob: str, groups: list[list[str]], residual: str, window: int = 40) -> bool:
    """Every phrase of the kind (one of its lexicon alternatives, or an untranslated word as written) is in the
    material within `window` characters of the first: 网费补贴 is named by "internet allowance", 年终奖 is not named by
    "year-end review" and "bonus" in different places."""
    groups = [g for g in groups if g] + [[w] for w in re.findall(r"[a-z][a-z-]+|[\u4e00-\u9fff]+", residual.lower())]
    if not groups:
        return False
    for first in groups[0]:
        phrase = _normal(first).strip()
        start = blob.find(phrase)
        while start >= 0:
            near = blob[max(0, start - window):start + len(phrase) + window]
            if all(any(_written(near, alternative) for alternative in group) for group in groups[1:]):
                return True
            start = blob.find(phrase, start + 1)
    return False


def narrower_kind_quoted(tokens: list[str], question: str, quoted: str, lexicon) -> str | None:
    """The Chinese kind the question names when the quote names only a shorter kind written inside it (陪产假 asked,
    "98天产假" quoted), never the asked kind or one of its lexicon synonyms (年假 asked, 年休假 quoted is the same kind):
    the quote is about another benefit, however close its words. None otherwise.

    Only the question's language is checked (`quoted`: the quoted sentences in the question's language): an
    other-language quote names kinds through translations the cross-language agreement already weighs."""
    kinds = [kind for kind, _name in named_kinds(tokens, question) if not kind.isascii()]
    kinds += [term for term in lexicon.zh_synonyms if term in question and _kind_head(term)]  # 陪产假 split by jieba
    for kind in dict.fromkeys(kinds):
        if kind in quoted or any(s in quoted for s in lexicon.zh_synonyms.get(kind, ())):
            continue
        head = _kind_head(kind)
        for cut in range(1, len(kind) - len(head)):
            if kind[cut:] in quoted:  # 产假 of 陪产假: a named kind (a name before the head), not the bare head
                return kind
    return None


def _kind_head(term: str) -> str | None:
    """The head word a Chinese kind ends with when a name of two or more characters comes before it (陪产假 -> 假)."""
    head = next((h for h in _ZH_HEADS if term.endswith(h)), None)
    return head if head and len(term) - len(head) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", term) else None
