"""The few fixed phrases the deterministic front answers without a model, in Chinese and English."""

from __future__ import annotations

import re

_END = r"[\s!！。.,，~～]*$"
CONFIRM = re.compile(r"^(?:(确认|确定|是的?|好的?|好啊|好吧|可以|行|没问题|对|就这样|发吧|发送|报吧|嗯)|(yes|y|yep|yeah|yup|ok|okay|"
                     r"sure|confirm(ed)?|go ahead|do it|please do|send it|sounds good|correct|right)(?![A-Za-z]))",
                     re.IGNORECASE)
CANCEL = re.compile(r"^(?:(还是|那|那就|那还是|等等[，,\s]*|等一下[，,\s]*|呃[，,\s]*|嗯[，,\s]*)?(取消|不用了?|算了|不要了?|否|先不了?|不了|别了|先别|别发|别报|不发了)|(no|n|nope|nah|cancel|stop|"
                    r"never ?mind|forget it|don'?t|no thanks|not now|actually,? no|actually,? don'?t|wait,? no|"
                    r"hold on,? no)(?![A-Za-z]))", re.IGNORECASE)
_YES_FILLER = re.compile(r"^(的|吧|啊|呀|了|啦|嗯|好|的吧|确认|确定|可以|没问题|就这样|发吧|发送|发|报吧|报名|报名吧|退课|退吧|提醒|提醒吧|谢谢|go|ahead|please|pls|do|it|then|"
                         r"send|that|that'?s|is|fine|sounds|good|thanks|thank|you|lgtm|confirm|yes|sure|ok|okay|"
                         r"correct|right|proceed|enroll|them|him|her|me)*$", re.IGNORECASE)
_NEGATION = re.compile(r"不|别|没|\b(no|not|don'?t|cancel|stop|never|wait)\b|n't\b", re.IGNORECASE)
_ASKING = re.compile(r"[?？]|吗|呢|什么|怎么|\b(what|how|why|when|which|who)\b", re.IGNORECASE)
_LEAD_ZH = r"^(?:(算了|好了|行了|那|嗯|唉|哎)(吧)?[\s,，、!！。.~～]*)?(我)?(就|还是|今天|今天就)?"
_LEAD_EN = r"^(?:(nah|no|nope|ok|okay|ugh|meh|hmm+|um+|well|actually|alright|fine|sorry|ok then|yeah)[\s,!.]+)?"
QUIZ_EXIT = re.compile(
    _LEAD_ZH + r"(算了|不做了|不想做了|先不做了|不玩了|不答了|不想答了|停|停止|结束|退出|退了|取消|够了|下次再做|先这样|"
    r"先到这|到此为止|到这吧|到这里吧|要退出|想退出|不想玩了|不想继续了)(吧|了|啦)?" + _END
    + r"|^算了[\s,，、!！。.~～]"
    + r"|^(算了|好了|行了|够了)?(吧)?[\s,，、!！。.~～]*(先)?(不做|不想做|不玩|不答|不想答|不考|不练|不测)了"
    + r"|^(这个|这次|本次)?(测验|测试|练习|小测|题目?)(就|先|还是)?(不做|不想做|不答|不考|不练|不测|不玩)了"
    + r"|(退出|结束|停止|取消|不做|先不做|不想做|不想继续|放弃|跳出|不考)(了|一下)?\s*(这个|本次|这次|这套)?\s*"
      r"(测验|测试|练习|答题|小测|题目?|考试)"
    + "|" + _LEAD_EN + r"(stop|quit|exit|end|cancel|enough|i'?m done|i am done|done for now|let'?s stop|no more( questions)?|"
      r"i give up|that'?s enough|i'?ll stop|(i )?(want|wanna|would like|'?d like) to (stop|quit|exit)|"
      r"let me (stop|quit|out)|let'?s (quit|end|call it)|i'?m out|get me out)\b(?!.*\?)"
    + r"|^(can|could) we (stop|quit|end)( (it|here|now|the quiz))?\s*\??$"
    + r"|\b(stop|quit|exit|end|cancel|leave)\s+(the|this|my)\s+(quiz|test|practice)\b"
    + r"|\b(stop|end) (it )?(here|now)\b", re.IGNORECASE)
# "继续" / "continue the quiz" mid-quiz: show the open question again; starting a new quiz would lose the progress
QUIZ_RESUME = re.compile(
    r"^(?:(好|好的|行|嗯|那|ok|okay)[\s,，、!！。.~～]*)?(我们)?(继续|接着(做|来|答|考)?|回到(测验|练习|题目|刚才的题))"
    r"(做|答|考)?(测验|练习|答题|题目|吧|呀|啦|哈)*" + _END
    + r"|^(?:(ok|okay|alright|right|sure|so|fine)[\s,!.]+)?(let'?s\s+)?(continue|resume|go on|carry on|keep going|"
      r"get back to (it|the quiz)|back to the quiz)( with)?( the| my)?( quiz| questions?| practice)?( please| then)?[\s.!]*$",
    re.IGNORECASE)
DONT_KNOW = re.compile(r"^(我)?(也|还是|真的|实在|确实|完全)?(不知道|不会|不清楚|不确定|没想法|没头绪|想不出来|想不起来|猜不出|忘了|"
                       r"不记得了?)(诶|呢|啊|耶|呀|欸)?" + _END
                       + r"|^(直接)?(告诉我|给我|公布|说)(一下)?(正确)?答案(吧|呗)?" + _END
                       + r"|^(i )?(still |really |honestly )?(don'?t|do not) know|^no (idea|clue)|^not a clue|"
                         r"^not sure|^i'?m not sure|^dunno|^idk|^(just )?(tell|show|give) me the answer|"
                         r"^(i )?(can'?t|cannot) remember|^pass" + _END, re.IGNORECASE)
GREETING = re.compile(r"^(你好|您好|嗨|哈喽|在吗|早上好|上午好|下午好|晚上好|hi|hello|hey|hiya|yo|good (morning|afternoon|"
                      r"evening)|帮助|菜单|help|menu|start|开始|谢谢|多谢|thanks?|thank you|thx|ty|cheers|再见|拜拜|bye)"
                      r"([\s,，!！。.~～]*(mentor|你好|there))?" + _END, re.IGNORECASE)


THANKS = re.compile(r"^(好的?|ok|okay|great|cool|nice|got it|明白了?|收到|了解)?[\s,，!！。.~～]*(谢谢|多谢|谢了|谢啦|感谢|"
                    r"thanks?|thank you|thx|ty|cheers|再见|拜拜|bye)([\s,，!！。.~～]*(mentor|你|啦|了|a lot|so much|"
                    r"very much))?" + _END, re.IGNORECASE)
# a bare "退出" / "quit" / "stop": leaving something, with nothing named to leave
BARE_EXIT = re.compile(r"^(退出|退了|结束|停|停止|不做了|不玩了|quit|exit|stop|end|i'?m done)" + _END, re.IGNORECASE)


_NAMES_QUIZ = re.compile(r"测验|练习|测试|答题|小测|\b(quiz|test|practice|questions)\b", re.IGNORECASE)


def leaves_a_named_quiz(text: str) -> bool:
    """"stop the quiz please" / "退出测验": a way of leaving that names the quiz it leaves."""
    return is_quiz_exit(text) and bool(_NAMES_QUIZ.search(text))


# asking the mentor to change a recorded result ("把我的SEC-101成绩改成100分", "mark me as completed on CMP-101"):
# nobody may do that in chat; results come from the exam, completion from the course
CHANGE_RECORD = re.compile(r"把.{0,12}(成绩|分数|进度|完成状态|学习记录).{0,6}(改|调|设|标)|"
                           r"(成绩|分数|进度|完成状态|学习记录).{0,6}(改成|改为|改到|调成|调到|调高|提到|设为|设成|标成|标为)|"
                           r"(修改|更改)(一下)?.{0,6}(成绩|分数|学习记录|完成状态)|"
                           r"(标记|标成|标为|记为)(成|为)?(已完成|通过|及格)|"
                           r"\b(change|edit|update|raise|bump|set|adjust)\b.{0,24}\b(score|grade|mark|result|progress)s?\b"
                           r".{0,20}\bto\b|\bmark (me|him|her|them|it)\b.{0,20}\b(as )?(completed?|passed|done|finished)\b",
                           re.IGNORECASE)


def asks_to_change_record(text: str) -> bool:
    """A request to change an exam score, progress or completion by hand: refused, never searched or run."""
    return bool(CHANGE_RECORD.search(text.strip()))


def is_thanks(text: str) -> bool:
    """"谢谢" / "thx" / "ok thanks": a closing word, answered briefly (not with the whole help text)."""
    return bool(THANKS.match(text.strip()))


def _short(text: str) -> bool:
    """A reply short enough to be only a yes or a no ("yes, go ahead", "好的，发吧")."""
    return len(text) <= 12 if re.search(r"[\u4e00-\u9fff]", text) else len(text.split()) <= 6


def is_confirm(text: str) -> bool:
    """A typed "yes" to a change awaiting confirmation: short, no question, no negation after the yes."""
    stripped = text.strip()
    if not CONFIRM.match(stripped) or not _short(stripped) or _ASKING.search(stripped):
        return False
    rest = CONFIRM.sub("", stripped, count=1).lower()
    if _NEGATION.search(rest):
        return False
    words = re.sub(r"[\s,，。.!！~～、]+", " ", rest).split()
    return all(_YES_FILLER.match(word) for word in words)


def is_cancel(text: str) -> bool:
    """A typed "no" to a change awaiting confirmation ("cancel", "actually no, don't", "算了")."""
    stripped = text.strip()
    return bool(CANCEL.match(re.sub(r"^(wait|hold on|hmm|um|actually)[,\s]+", "", stripped, flags=re.IGNORECASE))) \
        and _short(stripped) and not _ASKING.search(stripped)


# a reason for leaving said with (or instead of) "let's stop": "我要去开会了", "有点事", "gotta go, meeting"
LEAVING = re.compile(r"^(我|那我)?(现在|马上|得|要|该|需要|先|这就)*(去|走|出门|下线|忙|开会|上课|吃饭|下班)|^(我)?(有|还有)(点|个)?(事|会)|"
                     r"^(回头|下次|晚点|待会儿?|等会儿?|明天|改天|之后)(再)?(做|来|继续|说|聊|答|见)?(吧|了|啦)?$|"
                     r"\b(got to|gotta|have to|need to|must) (go|run|leave|jump|head out)\b|\b(i'?ll|will) (continue|finish|"
                     r"come back|be back)( (it|this))? later\b|\bmeeting\b|\b(talk|see you) later\b|\blater\b",
                     re.IGNORECASE)
_ACK = re.compile(r"^(好的?|好吧|行|嗯|那|ok|okay|alright|fine|right)[.。!！]?$", re.IGNORECASE)  # "好的，…" leads in
_CLAUSES = re.compile(r"[,，。!！;；~～、]+|(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])")


def is_quiz_exit(text: str) -> bool:
    """The learner wants out of the open quiz ("算了，不做了", "stop the quiz", "退出测验"), also when they say why
    ("先这样吧 我要去开会了", "我得走了，下次再做"): every clause stops the quiz or gives a reason to leave."""
    stripped = text.strip()
    if QUIZ_EXIT.search(stripped):
        return True
    if _ASKING.search(stripped):
        return False
    clauses = [c.strip() for c in _CLAUSES.split(stripped) if c and c.strip()]
    return len(clauses) > 1 and all(QUIZ_EXIT.search(c) or LEAVING.search(c) or _ACK.match(c) for c in clauses) \
        and any(QUIZ_EXIT.search(c) for c in clauses)


def is_quiz_resume(text: str) -> bool:
    """"继续" / "ok continue the quiz": back to the open question, not a new quiz."""
    return bool(QUIZ_RESUME.match(text.strip()))


def is_dont_know(text: str) -> bool:
    """"不知道" / "I don't know": an answer attempt that gets the hint, then the key."""
    return bool(DONT_KNOW.match(text.strip()))


def is_greeting(text: str) -> bool:
    """Hello, help, thanks, bye: answered with the help text."""
    return bool(GREETING.match(text.strip()))


# "Can you say that in English?", "用中文再说一遍", "英文版发我": the last reply again, in the language asked for
_TO_EN = re.compile(r"\b(say|put|repeat|write|give|send|tell|explain|reply|answer|translate|have)\b[^?？。]{0,30}"
                    r"\b(in|to|into)\s+english\b|^\s*(in\s+)?english,?\s*(please|pls|plz)?\s*[.!?？]*\s*$|"
                    r"(用|换成|换|改成|改用|翻译成|翻成|译成|切换成|切换到)\s*(英文|英语)|(英文|英语)\s*(版|再说|说一遍|说一下|"
                    r"回答|回复|重说|讲一遍|发我|给我)", re.IGNORECASE)
_TO_ZH = re.compile(r"\b(say|put|repeat|write|give|send|tell|explain|reply|answer|translate|have)\b[^?？。]{0,30}"
                    r"\b(in|to|into)\s+(chinese|mandarin)\b|^\s*(in\s+)?(chinese|mandarin),?\s*(please|pls|plz)?\s*"
                    r"[.!?？]*\s*$|(用|换成|换|改成|改用|翻译成|翻成|译成|切换成|切换到)\s*(中文|汉语|普通话)|"
                    r"(中文|汉语)\s*(版|再说|说一遍|说一下|回答|回复|重说|讲一遍|发我|给我)", re.IGNORECASE)


def asks_for_language(text: str) -> str | None:
    """"en" or "zh" when the message asks for the last reply again in that language; None otherwise."""
    en, zh = _TO_EN.search(text or ""), _TO_ZH.search(text or "")
    if bool(en) == bool(zh):
        return None  # neither, or both at once: not a request for one language
    return "en" if en else "zh"
