"""A quiz on a topic asks about the passages that name it, not about everything the search ranked."""

from bot.quiz.generator import on_topic
from retrieval.types import Passage


def _p(chunk_id: str, text: str, heading: str = "") -> Passage:
    return Passage(chunk_id, text, 0.0, "courses/x.md", "Course", heading, language="en")


PHISHING = _p("a", "Report a phishing email within 1 hour.")
LINKS = _p("b", "Never click links in an unexpected email.", heading="Phishing")
AUTH = _p("c", "Check authorization on the server for every request.")
LOGS = _p("d", "Logs never contain passwords.")


def test_passages_naming_the_topic_are_kept_and_the_rest_dropped():
    assert on_topic([PHISHING, AUTH, LINKS, LOGS], "phishing") == [PHISHING, LINKS]


def test_with_too_few_named_passages_the_best_ranked_others_fill_up():
    assert on_topic([AUTH, PHISHING, LOGS, LINKS], "Phishing!", enough=3) == [PHISHING, LINKS, AUTH]
    assert on_topic([AUTH, PHISHING, LOGS, LINKS], "钓鱼邮件", ["phishing email", "phishing"]) == [PHISHING, LINKS]
    assert on_topic([AUTH, LOGS], "钓鱼邮件") == [AUTH, LOGS]


def test_chinese_topics_match_chinese_text():
    zh = _p("z", "收到钓鱼邮件应在1小时内报告。")
    assert on_topic([AUTH, zh, LOGS, LINKS], "钓鱼邮件") == [zh, AUTH, LOGS]
