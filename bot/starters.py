"""Example requests for each role, shown where a conversation starts (web page, help) so people see what to ask."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Starter:
    """One example request in both languages; a page shows the reader's language and sends that text when clicked."""

    zh: str
    en: str

    def text(self, language: str) -> str:
        """The example in the reader's language."""
        return self.zh if language == "zh" else self.en


_POLICY = Starter("年假有几天？", "How many days of annual leave do I get?")
_PROGRESS = Starter("我的学习进度", "What's my learning progress?")
_QUIZ = Starter("考考我信息安全基础，出3道题", "Quiz me on Information Security Basics, 3 questions")
_NEXT = Starter("我接下来该学什么？", "What should I learn next?")
_ENROLL = Starter("帮我报名提示词工程入门", "Enroll me in Prompt Engineering Fundamentals")
_KPI = Starter("我的KPI是多少，为什么？", "What's my KPI and why?")
_TEAM = Starter("我团队的学习进度", "How is my team doing on training?")
_OVERDUE = Starter("我团队谁的培训逾期了？", "Who on my team is overdue?")
_NUDGE = Starter("提醒我团队里没完成的同事", "Nudge my team members who are behind")
_DEPT_RATE = Starter("销售部本季度培训完成率是多少？", "What's the Sales department's completion rate this quarter?")
_SATISFACTION = Starter("各课程满意度怎么样？", "How satisfied are people with each course?")
_HEALTH = Starter("哪些课程需要重新设计？", "Which courses need a redesign?")
_ENROLL_OTHER = Starter("给E0013报名提示词工程入门", "Enroll E0013 in Prompt Engineering Fundamentals")
_KIRKPATRICK = Starter("信息安全基础的柯氏四级评估结果", "Kirkpatrick results for SEC-101")
_SPECIALIST_KPI = Starter("我的培训专员KPI", "My training specialist KPIs")
_RATE = Starter("我想给刚学完的课程打分", "I'd like to rate a course I finished")

# Order matters: the page shows them in this order, the most common request for that role first.
BY_ROLE: dict[str, tuple[Starter, ...]] = {
    "employee": (_POLICY, _PROGRESS, _QUIZ, _NEXT, _ENROLL, _KPI, _RATE),
    "manager": (_TEAM, _OVERDUE, _NUDGE, _POLICY, _PROGRESS, _KPI),
    "hr": (_DEPT_RATE, _SATISFACTION, _HEALTH, _ENROLL_OTHER, _POLICY, _KPI),
    "training_specialist": (_HEALTH, _KIRKPATRICK, _SATISFACTION, _SPECIALIST_KPI, _DEPT_RATE, _POLICY),
}


def starters_for_role(role: str) -> tuple[Starter, ...]:
    """The examples for a role; an unknown role gets the employee's (what anyone may ask)."""
    return BY_ROLE.get(role, BY_ROLE["employee"])
