"""The few fixed phrases the deterministic front answers without a model, in Chinese and English."""

from __future__ import annotations

import re

_END = r"[\s!！。.,，~～]*$"
CONFIRM = re.compile(r"^(确认|确定|是的?|好的?|好啊|可以|行|没问题|对|就这样|发吧|发送|报吧|yes|y|yep|yeah|ok|okay|sure|"
                     r"confirm(ed)?|go ahead|do it|please do|send it|yes please|sounds good)" + _END, re.IGNORECASE)
CANCEL = re.compile(r"^(取消|不用了?|算了|不要了?|否|先不了?|不了|别了|no|n|nope|cancel|stop|never ?mind|forget it|"
                    r"don'?t|no thanks|not now)" + _END, re.IGNORECASE)
QUIZ_EXIT = re.compile(
    r"^(算了|不做了|不想做了|先不做了|不玩了|不答了|不想答了|停|停止|结束|退出|取消|够了|下次再做|先这样|先到这|到此为止)(吧|了|啦)?" + _END
    + r"|^算了[\s,，、!！。.~～]"
    + r"|(退出|结束|停止|取消|不做|先不做|不想做|不想继续|放弃|跳出|不考)(了|一下)?\s*(这个|本次|这次|这套)?\s*"
      r"(测验|测试|练习|答题|小测|题目?|考试)"
    + r"|^(stop|quit|exit|end|cancel|enough|i'?m done|done for now|let'?s stop|no more( questions)?|i give up)"
      r"(\s+(the|this))?(\s+(quiz|test|questions?|practice))?(\s+(please|pls|now|for now))?" + _END
    + r"|\b(stop|quit|exit|end|cancel|leave)\s+(the|this|my)\s+(quiz|test|practice)\b", re.IGNORECASE)
DONT_KNOW = re.compile(r"^(我)?(也)?(不知道|不会|不清楚|不确定|没想法|想不出来|猜不出|忘了|不记得了?)(诶|呢|啊|耶)?" + _END
                       + r"|^(i )?(really )?(don'?t|do not) know|^no idea|^not sure|^i'?m not sure|^dunno|^idk|"
                         r"^(i )?(can'?t|cannot) remember|^pass" + _END, re.IGNORECASE)
GREETING = re.compile(r"^(你好|您好|嗨|哈喽|在吗|早上好|上午好|下午好|晚上好|hi|hello|hey|hiya|yo|good (morning|afternoon|"
                      r"evening)|帮助|菜单|help|menu|start|开始|谢谢|多谢|thanks?|thank you|thx|ty|cheers|再见|拜拜|bye)"
                      r"([\s,，!！。.~～]*(mentor|你好|there))?" + _END, re.IGNORECASE)


def is_confirm(text: str) -> bool:
    """A typed "yes" to a change awaiting confirmation."""
    return bool(CONFIRM.match(text.strip()))


def is_cancel(text: str) -> bool:
    """A typed "no" to a change awaiting confirmation."""
    return bool(CANCEL.match(text.strip()))


def is_quiz_exit(text: str) -> bool:
    """The learner wants out of the open quiz ("算了，不做了", "stop the quiz", "退出测验")."""
    return bool(QUIZ_EXIT.search(text.strip()))


def is_dont_know(text: str) -> bool:
    """"不知道" / "I don't know": an answer attempt that gets the hint, then the key."""
    return bool(DONT_KNOW.match(text.strip()))


def is_greeting(text: str) -> bool:
    """Hello, help, thanks, bye: answered with the help text."""
    return bool(GREETING.match(text.strip()))
