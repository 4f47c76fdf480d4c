"""The short help: what the mentor can do, in the reader's language."""

from __future__ import annotations

HELP_ZH = """我是 Mentor，你的学习助手。你可以这样问我：
- 政策或课程问题：“年假有几天？”“补考怎么安排？”（答案附出处）
- 报名：“帮我报名信息安全基础”
- 学习进度：“我的学习进度”
- KPI：“我的KPI是多少，为什么？”
- 推荐：“我接下来该学什么？”
- 测验：“考考我提示词工程，出5道题”，然后直接回复答案
- 经理：“我团队的进度”“提醒我的团队”
- HR：“销售部本季度培训完成率是多少？”“哪些课程完成率最低？”"""

HELP_EN = """I'm Mentor, your learning assistant. You can ask me:
- Policy or course questions: "How many days of annual leave do I get?" (answers cite their sources)
- Enroll: "Enroll me in Information Security Basics"
- Progress: "What's my progress?"
- KPI: "What's my KPI and why?"
- Recommendations: "What should I learn next?"
- Quizzes: "Quiz me on prompt engineering, 5 questions", then just reply with your answers
- Managers: "How is my team doing?", "Nudge my team"
- HR: "Completion rate of the sales department this quarter?", "Which courses have the lowest completion this year?\""""


def help_text(language: str) -> str:
    """The help message for the reader's language."""
    return HELP_ZH if language == "zh" else HELP_EN


SHORT_ZH = "我能做的：政策与课程问答、报名、学习进度、KPI 解释、课程推荐、测验、团队进度与提醒、完成率报表。说“帮助”看示例。"
SHORT_EN = ("I can answer policy and course questions, enroll you, show progress, explain your KPI, recommend courses, "
            "quiz you, show and nudge your team, and report completion. Say \"help\" for examples.")


def short_help(language: str) -> str:
    """One line of what the mentor can do, added when a message matched nothing it knows."""
    return SHORT_ZH if language == "zh" else SHORT_EN
