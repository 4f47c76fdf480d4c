"""HR asks in plain words for completion over time and for the courses people fail, and gets tables, a chart and
the weakest line in the message's language; figures are the HR service's own (sample org, clock 2026-08-17)."""

from __future__ import annotations

import re

from bot.messages import IncomingMessage

CJK = re.compile(r"[\u4e00-\u9fff]")


def say(chat, who: str, text: str, thread: str):
    """One typed message in a web thread."""
    return chat.handle(IncomingMessage(employee_id=who, text=text, channel="web", thread_id=thread, shared=True))


def test_a_monthly_trend_in_chinese_has_every_month_its_figures_and_a_chart(chat, hr_service):
    reply = say(chat, "E0168", "近半年各月的培训完成率趋势怎么样", "trend-zh")
    assert reply.act == "completion_report", (reply.act, reply.text)
    expected = hr_service.completion_trend(hr_service.caller_for("E0168"), "month", points=6)
    assert [p.period for p in expected.points] == ["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"]
    for point in expected.points:
        assert f"| {point.period}" in reply.text and f"{point.completion.numerator}/{point.completion.denominator}" \
            in reply.text
    assert "2026-08（进行中）" in reply.text and "变化：" in reply.text and "范围：全公司" in reply.text
    assert reply.attachments and reply.attachments[0].content.startswith(b"\x89PNG")


def test_a_quarterly_trend_in_english_then_one_department(chat, hr_service):
    reply = say(chat, "E0168", "how has completion changed quarter by quarter this year?", "trend-en")
    assert reply.act == "completion_report" and "2026Q1" in reply.text and "2026Q3 (in progress)" in reply.text
    assert not CJK.search(reply.text), reply.text
    narrowed = say(chat, "E0168", "and just R&D?", "trend-en")
    assert narrowed.act == "completion_report" and narrowed.subject.get("department") == "rnd", narrowed.text
    assert "2026Q2" in narrowed.text and "Scope: R&D" in narrowed.text


def test_the_course_people_fail_most_leads_the_exam_results(chat, hr_service):
    weakest = hr_service.exam_report(hr_service.caller_for("E0168"), "2026").rows[0]
    zh = say(chat, "E0168", "今年哪门课考试挂的人最多？", "exams-zh")
    assert zh.act == "exam_results" and f"通过率最低：{weakest.course_code}" in zh.text, zh.text
    en = say(chat, "E0168", "Which courses have the lowest exam pass rates this year?", "exams-en")
    assert en.act == "exam_results" and f"Lowest pass rate: {weakest.course_code}" in en.text
    assert "practice quizzes never count" in en.text


def test_an_employee_is_told_who_may_see_trends(chat):
    reply = say(chat, "E0012", "公司完成率这几个月的趋势", "trend-employee")
    assert reply.act == "refused" and "经理、HR" in reply.text and not reply.attachments


def test_hr_without_reports_asking_who_has_not_finished_gets_the_company(chat, hr_service):
    """HR has no team: "how many people haven't done onboarding" is the whole company, not "you have no team"."""
    reply = say(chat, "E0168", "how many people haven't completed onboarding yet?", "hr-company-open")
    assert reply.act == "team_progress" and reply.subject.get("department") == "corp", (reply.act, reply.text)
    assert "no team members" not in reply.text and "Headquarters" in reply.text
    zh = say(chat, "E0168", "全公司还有谁没学完合规课", "hr-company-open-zh")
    assert zh.act == "team_progress" and "没有团队成员" not in zh.text and "公司总部" in zh.text


def test_satisfaction_ends_with_the_overall_average(chat):
    reply = say(chat, "E0168", "what's the average satisfaction score across all courses this year?", "sat-overall")
    assert reply.act == "satisfaction" and "All courses: average" in reply.text and "responses" in reply.text


def test_each_department_over_the_last_quarters_is_a_table_of_rates(chat, hr_service):
    reply = say(chat, "E0168", "最近三个季度各部门完成率的变化趋势", "matrix-zh")
    assert reply.act == "completion_report", (reply.act, reply.text)
    matrix = hr_service.completion_matrix(hr_service.caller_for("E0168"), "department", "quarter", points=3)
    assert matrix.periods == ["2026Q1", "2026Q2", "2026Q3"] and "2026Q3（进行中）" in reply.text
    assert "按部门" in reply.text and "| 研发部 |" in reply.text and "变化" in reply.text
    assert [a.filename for a in reply.attachments] == ["completion_by_period.png"], reply.attachments
    assert reply.attachments[0].content.startswith(b"\x89PNG") and reply.attachments[0].title == "各期完成率图"
    english = say(chat, "E0168", "show completion trends by department over the last 4 months", "matrix-en")
    assert english.act == "completion_report" and "by department (by month" in english.text and "| R&D |" in english.text
    assert not CJK.search(english.text), english.text
    assert english.attachments and english.attachments[0].title == "Completion per period chart"


def test_reminding_people_on_it_after_exam_results_is_about_the_weakest_course(chat, hr_service):
    """"nudge everyone overdue on it" right after the exam results: "it" is the course named as the weakest (it
    reminded everyone behind on anything)."""
    weakest = hr_service.exam_report(hr_service.caller_for("E0170"), "2026Q3").rows[0]
    say(chat, "E0170", "exam pass rates this quarter", "exams-it")
    reply = say(chat, "E0170", "nudge everyone overdue on it", "exams-it")
    assert reply.act == "nudge_preview" and reply.subject.get("course") == weakest.course_code, reply.text


def test_exam_results_for_one_course_and_narrowed_to_one_after_the_table(chat, hr_service):
    """"只看 SEC-101" after the exam table is that course's row (it was read as enrolling the asker)."""
    expected = hr_service.exam_report(hr_service.caller_for("E0169"), "2026", course_code="SEC-101").rows
    assert [r.course_code for r in expected] == ["SEC-101"]
    assert say(chat, "E0169", "今年各课程的考试通过率", "exam-narrow").act == "exam_results"
    narrowed = say(chat, "E0169", "只看 SEC-101", "exam-narrow")
    assert narrowed.act == "exam_results" and narrowed.subject == {"course": "SEC-101", "period": "2026"}, narrowed.text
    assert "SEC-101 信息安全基础 考试结果" in narrowed.text and "CMP-101" not in narrowed.text
    english = say(chat, "E0169", "exam results for CMP-101 this year", "exam-one-en")
    assert english.act == "exam_results" and english.subject.get("course") == "CMP-101" and "SEC-101" not in english.text


def test_naming_one_row_after_the_per_department_table_gives_that_rows_trend(chat, hr_service):
    say(chat, "E0168", "last 3 quarters completion by department", "matrix-narrow")
    narrowed = say(chat, "E0168", "just sales", "matrix-narrow")
    assert narrowed.act == "completion_report" and narrowed.subject.get("department") == "sales", narrowed.text
    expected = hr_service.completion_trend(hr_service.caller_for("E0168"), "quarter", points=3, department_id="sales")
    for point in expected.points:
        assert f"{point.completion.numerator}/{point.completion.denominator}" in narrowed.text, narrowed.text
    assert "Scope: Sales" in narrowed.text and "| R&D |" not in narrowed.text
