"""Example utterances per intent: the router compares a message with these when cue phrases are not enough."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from bot.routing import intents as I

TRAINING_FILE = Path(__file__).with_name("training_utterances.jsonl")

EXAMPLES: dict[str, list[str]] = {
    I.SEARCH_KNOWLEDGE: [
        "年假有多少天", "补考怎么安排", "出差报销的标准是什么", "病假需要什么材料", "考试不及格可以补考几次",
        "试用期多长", "信息安全课程讲了什么", "密码多久要换一次", "加班可以调休吗",
        "how many days of annual leave do I get", "what is the expense policy for travel", "can I retake the exam",
        "what happens if I fail the final exam", "what is the passing score", "how do I report a phishing email",
        "what does the onboarding course cover", "is there a limit on hotel costs",
    ],
    I.ENROLL: [
        "帮我报名信息安全基础", "我要报名提示词工程", "给我报个名数据分析", "我想参加顾问式销售技巧", "选课新员工入职培训",
        "enroll me in information security basics", "sign me up for prompt engineering", "register me for SEC-101",
        "add me to the data analysis course", "I want to take the leadership workshop",
    ],
    I.MY_PROGRESS: [
        "我的学习进度", "我学到哪了", "我还有哪些课没完成", "我有逾期的课程吗", "我的必修课完成了吗", "看看我的课程情况",
        "my progress", "how am I doing on my training", "what have I completed", "which of my courses are overdue",
        "show my courses", "am I behind on anything",
    ],
    I.TEAM_PROGRESS: [
        "我团队的学习进度", "我的下属完成得怎么样", "我们组谁还没学完", "团队的培训完成情况",
        "how is my team doing", "my team's progress", "who on my team is behind", "show my direct reports' training",
    ],
    I.EXPLAIN_KPI: [
        "我的KPI是多少", "为什么我的培训积分这么低", "我能评优吗", "我有晋升资格吗", "解释一下我的绩效", "我的积分怎么来的",
        "what is my kpi", "why is my training score low", "am I eligible for promotion", "explain my kpi",
        "how many training points do I have",
    ],
    I.RECOMMEND_COURSES: [
        "推荐几门课", "我接下来该学什么", "有什么适合我的课程", "给我推荐点学习内容",
        "recommend some courses", "what should I learn next", "suggest a course for me", "which courses should I take",
    ],
    I.GENERATE_QUIZ: [
        "考考我信息安全", "出5道题", "给我出几道提示词工程的题", "来个小测验", "我想做练习题",
        "quiz me on information security", "give me 5 questions on sales fundamentals", "test me", "practice questions please",
    ],
    I.GRADE_ANSWER: [
        "我选B", "答案是C", "我的答案是对", "B", "第一题选A", "my answer is B", "I pick C", "I think it's true", "answer: A",
    ],
    I.COMPLETION_REPORT: [
        "销售部本季度培训完成率是多少", "全公司培训完成率", "各部门完成率排名", "哪些课程完成率最低",
        "研发部今年的完成情况", "company completion report", "which courses have the lowest completion this year",
        "completion rate by department", "what is the sales department completion rate this quarter",
    ],
    I.NUDGE_TEAM: [
        "提醒我的团队完成信息安全", "催一下没学完的同事", "帮我督促下属完成培训",
        "nudge my team", "remind my team to finish SEC-101", "chase the people who are behind",
    ],
    I.HELP: [
        "你好", "你能做什么", "帮助", "怎么用", "谢谢", "hello", "hi there", "what can you do", "help", "thanks",
    ],
}


@cache
def training_examples() -> dict[str, list[str]]:
    """Every labelled message per intent: EXAMPLES, the registry's example requests, and training_utterances.jsonl
    (earlier evaluation rounds, now training). Labels are the registry's routing labels."""
    from bot.tools.registry import registry, routing_labels

    labels = routing_labels()
    merged: dict[str, list[str]] = {label: [] for label in labels}

    def add(intent: str, text: str, where: str) -> None:
        """Keep one labelled line, refusing labels no tool answers to."""
        if intent not in merged:
            raise ValueError(f"{where}: unknown intent {intent!r}; known: {', '.join(labels)}")
        if text not in merged[intent]:
            merged[intent].append(text)

    for intent, texts in EXAMPLES.items():
        for text in texts:
            add(intent, text, "examples.py")
    for tool in registry().values():
        for pair in tool.examples if tool.routable else ():
            for text in pair:
                add(tool.name, text, f"registry entry {tool.name}")
    for number, line in enumerate(TRAINING_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            add(row["intent"], row["text"], f"{TRAINING_FILE.name}:{number}")
    return {intent: texts for intent, texts in merged.items() if texts}
