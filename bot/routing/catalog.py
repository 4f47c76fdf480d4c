"""The names people use for courses and departments, so slot filling can map free text to codes and ids."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import fuzz

# Words that say "a course" rather than which course; stripped before fuzzy matching.
_GENERIC_ZH = ("基础", "入门", "进阶", "课程", "培训", "技巧", "概论")
_GENERIC_EN = {"basics", "basic", "fundamentals", "fundamental", "introduction", "intro", "for", "and", "the", "of",
               "course", "skills", "new", "advanced", "to", "in", "a"}
_LATIN_WORD = re.compile(r"[a-z][a-z0-9\-]+")
_EN_DEPARTMENT_ALIASES = {"headquarters": ("hq", "head office"), "research and development": ("r&d",)}
_SHORT_BUT_CLEAR = {"hq"}  # two-letter names that never occur as ordinary words
_ABBREVIATIONS = {"info": "information", "infosec": "information", "mgmt": "management", "dev": "development", "intro": "introduction",
                  "comms": "communication", "svc": "service", "cust": "customer"}
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class CourseName:
    """One course as people name it: its code and its Chinese and English titles."""

    code: str
    title_zh: str = ""
    title_en: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class DepartmentName:
    """One department as people name it."""

    id: str
    name_zh: str = ""
    name_en: str = ""


@dataclass(frozen=True)
class Match:
    """A slot value found in text, how sure the match is (0-100) and the words that named it."""

    value: str
    score: float
    span: str = ""


def _strip_generic_zh(title: str) -> str:
    """A Chinese title without its generic words ("信息安全基础" -> "信息安全")."""
    core = title
    for word in _GENERIC_ZH:
        core = core.replace(word, "")
    return core


def _content_words(title: str) -> list[str]:
    """The distinctive English words of a title ("Prompt Engineering Fundamentals" -> prompt, engineering)."""
    return [w for w in _LATIN_WORD.findall(title.lower()) if w not in _GENERIC_EN and len(w) > 2]


def _word_hit(word: str, text_words: list[str]) -> str | None:
    """The text word that matches a title word, allowing typos and plurals."""
    for tw in text_words:
        typo = abs(len(tw) - len(word)) <= 1 and fuzz.ratio(word, tw) >= 80  # "enginering"; not "sure" for "secure"
        if tw == word or typo or _ABBREVIATIONS.get(tw) == word or (
                len(tw) >= 5 and (tw.startswith(word) or word.startswith(tw))):
            return tw
    return None


# what follows a title word when the text names the course by it ("the data course", "prompt engineering training")
_COURSE_CUE = r"(course|courses|class|classes|training|trainings|exam|test|quiz|workshop|module|modules|material|" \
              r"lesson|lessons|session|sessions|program|programme|one|basics|fundamentals|课)"


def _modifier_used_alone(title: str, word: str, text_word: str, lowered: str) -> bool:
    """A title word that only qualifies the next one ("prompt" of "Prompt Engineering", "data" of "Data Analysis")
    names the course alone only when a course word follows it in the text; otherwise it is the ordinary noun
    ("an MFA prompt i didnt start", "what counts as confidential data")."""
    title_words = _LATIN_WORD.findall(title.lower())
    at = title_words.index(word) if word in title_words else -1
    if at < 0 or word == _content_words(title)[-1] or title_words[at + 1] in ("and", "for", "of", "to", "in"):
        return False  # the head of the title ("onboarding", "leadership") or one of its coordinated parts
    return not re.search(rf"(?<![a-z]){re.escape(text_word)}\s+{_COURSE_CUE}(?![a-z])", lowered)


def _is_abbreviation(short: str, name: str) -> bool:
    """True when `short` keeps the first character of `name` and picks later ones in order (客服 of 客户服务)."""
    if not 2 <= len(short) < len(name) or short[0] != name[0]:
        return False
    rest = iter(name[1:])
    return all(char in rest for char in short[1:])


def _abbreviation_in(text: str, name: str) -> str:
    """A run of the text that abbreviates `name` (same first and last character, others in order), or ""."""
    for start in (i for i, char in enumerate(text) if char == name[0]):
        for size in range(3, len(name)):
            piece = text[start:start + size]
            if len(piece) == size and piece[-1] == name[-1] and _is_abbreviation(piece, name):
                return piece
    return ""


# the people of a unit: "everyone in customer service" names the department, not a course sharing its words
_PEOPLE_IN = r"\b(everyone|everybody|people|staff|employees|colleagues|folks|all|each person|anyone)\s+(in|from|at|of)\s+(the\s+)?"


def _initials(name: str) -> str:
    """"hr" for "Human Resources": the initials of a name of two or more words, else ""."""
    words = _LATIN_WORD.findall(name.lower())
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _code_body(code: str) -> str:
    """A course code as a regex body: "SEC-101" also matches "SEC101"."""
    return re.escape(code.upper()).replace(r"\-", "-?")


def _zh_segments(title: str) -> list[str]:
    """The parts of a Chinese title joined by 与/和/及/、 ("合规与商业道德" -> 合规, 商业道德)."""
    parts = [part for part in re.split(r"[与和及、]", _strip_generic_zh(title)) if len(part) >= 2]
    return parts + [part[:2] for part in parts if len(part) >= 4]  # 叉车 of 叉车安全操作


@dataclass
class Catalog:
    """Every course and department the organisation has, searchable by fuzzy name."""

    courses: list[CourseName] = field(default_factory=list)
    departments: list[DepartmentName] = field(default_factory=list)

    @cached_property
    def _distinct_zh_pieces(self) -> dict[str, list[str]]:
        """Per course, the 3+ character pieces of its Chinese names that no other course shares ("入职培训")."""
        pieces: dict[str, set[str]] = {}
        for course in self.courses:
            own = set()
            for name in filter(None, (course.title_zh, *[a for a in course.aliases if _HAN.search(a)])):
                for size in range(3, len(name) + 1):
                    own.update(name[i:i + size] for i in range(len(name) - size + 1))
            pieces[course.code] = {p for p in own if len(_strip_generic_zh(p)) >= 2}
        result = {}
        for code, own in pieces.items():
            others = set().union(*(p for c, p in pieces.items() if c != code)) if len(pieces) > 1 else set()
            result[code] = sorted(own - others, key=len, reverse=True)
        return result

    @cached_property
    def _distinct_zh_segments(self) -> dict[str, list[str]]:
        """Per course, the parts of its Chinese title no other title contains ("合规" of 合规与商业道德)."""
        titles = {c.code: c.title_zh for c in self.courses if c.title_zh}
        return {code: [seg for seg in _zh_segments(title)
                       if not any(seg in other for c, other in titles.items() if c != code)]
                for code, title in titles.items()}

    def find_course(self, text: str, prefer: tuple[str, ...] | list[str] = ()) -> Match | None:
        """The course the text names, by code, Chinese title, English title or alias; None when unsure. `prefer`: the
        courses just shown to the person ("那门安全课" after a list holding SEC-101 but not SEC-201 is SEC-101)."""
        for course, pattern in self._code_patterns:
            if m := pattern.search(text):
                return Match(course.code, 100.0, m.group(0))
        scored = sorted((self._course_score(c, text) + (c.code,) for c in self.courses), reverse=True)
        if not scored or scored[0][0] < 70:
            return self._named_among(text, prefer) if prefer else None
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - 3 and scored[0][0] < 95:
            tied = [s for s in scored if s[0] >= scored[0][0] - 3]
            shown = [s for s in tied if s[2] in prefer]
            if len(shown) == 1:
                return Match(shown[0][2], shown[0][0], shown[0][1])
            return None  # two courses fit equally well: better to ask than to guess
        return Match(scored[0][2], scored[0][0], scored[0][1])

    def _named_among(self, text: str, codes: tuple[str, ...] | list[str]) -> Match | None:
        """A course of `codes` named by a word of its title before 课/course ("那门安全课", "the security course")
        when exactly one of them fits: a word several courses share is enough among the few just shown."""
        lowered, hits = text.lower(), []
        for course in (c for c in self.courses if c.code in codes):
            core = _strip_generic_zh(course.title_zh or "")
            words = {core[i:i + 2] for i in range(len(core) - 1)}
            zh = next((w for w in words if re.search(re.escape(w) + r"的?(课|培训|那门|这门)", text)), None)
            en = next((w for w in _content_words(course.title_en or "")
                       if re.search(rf"\b{re.escape(w.lower())}\w*\s+(course|class|training)\b", lowered)), None)
            if zh or en:
                hits.append(Match(course.code, 80.0, zh or en))
        return hits[0] if len(hits) == 1 else None

    def _course_score(self, course: CourseName, text: str) -> tuple[float, str]:
        """How well the text names this course (0-100) and the words that did it."""
        best: tuple[float, str] = (0.0, "")
        for zh in filter(None, (course.title_zh, *[a for a in course.aliases if _HAN.search(a)])):
            core = _strip_generic_zh(zh)
            if zh in text:
                return 100.0, zh
            if len(core) >= 3 and core in text:
                best = max(best, (96.0, core))
            elif len(core) >= 3:
                alignment = fuzz.partial_ratio_alignment(core, text)
                if alignment and alignment.score * 0.97 > best[0]:
                    best = (alignment.score * 0.97, text[alignment.dest_start:alignment.dest_end])
            if len(core) >= 4 and (span := _abbreviation_in(text, core)):
                best = max(best, (88.0, span))  # 客服沟通 for 客户服务沟通
        for segment in self._distinct_zh_segments.get(course.code, []):
            if re.search(re.escape(segment) + r"(的|那门|这门|那个|这个)?(课|培训|题|练习|测试|测验|小测|小考|方面|知识|这门|相关|quiz|test|考)",
                         text) or re.search(r"(考|学|复习|报|上)" + re.escape(segment) + r"(?![\u4e00-\u9fff]{2})", text) \
                    or re.search(re.escape(segment) + r"(那门|这门)", text):  # "那合规那门呢"
                best = max(best, (85.0, segment))
        for piece in self._distinct_zh_pieces.get(course.code, []):
            if piece in text:
                best = max(best, (92.0 if len(piece) >= 4 else 85.0, piece))
                break
        lowered = text.lower()
        text_words = _LATIN_WORD.findall(lowered)
        for en in filter(None, (course.title_en, *[a for a in course.aliases if not _HAN.search(a)])):
            if en.lower() in lowered:
                return 100.0, en
            words = _content_words(en)
            hits = [_word_hit(w, text_words) for w in words]
            found = [h for h in hits if h]
            if words and len(found) == len(words):
                best = max(best, (94.0, " ".join(found)))
            elif words and len(words) >= 2 and (hits[0] or hits[words.index(max(words, key=len))]):
                if len(found) == 1 and _modifier_used_alone(en, words[hits.index(found[0])], found[0], lowered):
                    continue  # "an MFA prompt", "confidential data": the word, not the course it qualifies
                best = max(best, (75.0 + 10 * len(found) / len(words), " ".join(found)))
        return best

    def find_department(self, text: str) -> Match | None:
        """The department the text names ("销售部", "sales team", "R&D"); None when no department is named."""
        text = self._without_course_codes(text)  # "CS-101" names a course, not Customer Service
        lowered = text.lower()
        best: Match | None = None
        for dept in self.departments:
            score = self._department_score(dept, text, lowered)
            if score and (best is None or score > best.score):
                best = Match(dept.id, score, dept.name_zh or dept.name_en)
        return best

    @cached_property
    def _code_patterns(self) -> list[tuple[CourseName, re.Pattern]]:
        """Each course with the pattern of its code as people type it (any case, hyphen optional), built once."""
        return [(course, re.compile(rf"(?<![A-Za-z0-9]){_code_body(course.code)}(?![0-9])", re.IGNORECASE))
                for course in self.courses]

    @cached_property
    def _course_codes(self) -> re.Pattern | None:
        """Every course code (hyphen optional), longest first, as one pattern; None for an empty catalogue."""
        codes = sorted((_code_body(c.code) for c in self.courses), key=len, reverse=True)
        return re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(codes)})(?![0-9])", re.IGNORECASE) if codes else None

    def _without_course_codes(self, text: str) -> str:
        """The text with every course code blanked, so a department abbreviation inside one is not read."""
        return self._course_codes.sub(" ", text) if self._course_codes else text

    @staticmethod
    def _department_score(dept: DepartmentName, text: str, lowered: str) -> float:
        """How clearly the text names this department (0 when not at all)."""
        if dept.name_zh and dept.name_zh in text:
            return 100.0 + len(dept.name_zh)
        core = dept.name_zh.removeprefix("公司")  # 总部 for 公司总部
        if core != dept.name_zh and len(core) >= 2 and core in text:
            return 95.0 + len(core)
        short_zh = dept.name_zh.removesuffix("部")
        if len(short_zh) >= 2 and re.search(re.escape(short_zh) + r"(部门|团队|部|组)", text):
            return 95.0 + len(short_zh)
        if len(short_zh) >= 3 and any(_is_abbreviation(text[max(0, m.start() - size):m.start()], short_zh)
                                      for m in re.finditer(r"部门|部|团队", text) for size in (2, 3)):
            return 90.0  # 客服部 for 客户服务部: Chinese abbreviations keep characters in order
        for name in filter(None, (dept.name_en.lower(), dept.id.lower(), _initials(dept.name_en),
                                  *_EN_DEPARTMENT_ALIASES.get(dept.name_en.lower(), ()))):
            pattern = rf"(?<![a-z]){re.escape(name)}(?![a-z])"
            if re.search(pattern + r"\s*(department|dept|team|org|部门|部)", lowered) or re.search(
                    r"(department|dept|team)\s+(of\s+)?" + re.escape(name) + r"(?![a-z])", lowered) or re.search(
                    _PEOPLE_IN + re.escape(name) + r"(?![a-z])", lowered):  # "everyone in customer service"
                return 95.0 + len(name) / 10
            if (len(name) >= 3 or name in _SHORT_BUT_CLEAR) and re.search(pattern, lowered) and name not in _GENERIC_EN:
                return 80.0 + len(name) / 10
            if len(name) == 2 and re.search(rf"(?<![A-Za-z]){re.escape(name.upper())}(?![A-Za-z])", text):
                return 80.0  # "completion report for IT": written in capitals it is the department, not "it"
        return 0.0

    def department_names(self, department_id: str) -> tuple[str, str]:
        """The Chinese and English names of a department, for overlap checks and replies."""
        dept = next((d for d in self.departments if d.id == department_id), None)
        return (dept.name_zh, dept.name_en) if dept else ("", "")
