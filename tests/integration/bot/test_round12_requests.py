"""Round-12 requests through the real ChatService over the sample organisation (paraphrased, general forms): a rule
every course has asked after one's progress, "what about me?" after a team view, a correction of a report's period,
one's own completion rate, and whether a department's rate costs it points."""

from __future__ import annotations

from bot.messages import IncomingMessage


def say(chat, who: str, text: str, thread: str):
    return chat.handle(IncomingMessage(employee_id=who, text=text, channel="web", thread_id=thread))


def test_a_pass_mark_question_after_ones_progress_is_a_rule_not_the_progress_again(chat):
    say(chat, "E0022", "帮我看看我的培训进度", "r12-rule")
    reply = say(chat, "E0022", "那及格线多少分？", "r12-rule")
    assert reply.act == "answer" and "及格" in reply.text, (reply.act, reply.text)


def test_what_about_me_after_a_team_view_is_the_askers_own_progress(chat):
    say(chat, "E0005", "which of my people are overdue on CS-101?", "r12-me")
    reply = say(chat, "E0005", "what about me?", "r12-me")
    assert reply.act == "progress" and reply.subject.get("employee") == "E0005", (reply.act, reply.subject)
    chinese = say(chat, "E0005", "我呢", "r12-me")
    assert chinese.act == "progress" and chinese.subject.get("employee") == "E0005"


def test_make_that_a_month_corrects_the_reports_period(chat):
    say(chat, "E0169", "Completion rates by department for Q2 2026", "r12-fix")
    say(chat, "E0169", "and by course?", "r12-fix")
    reply = say(chat, "E0169", "make that July only", "r12-fix")
    assert reply.act == "completion_report" and reply.subject.get("period") == "2026-07", (reply.act, reply.text)
    assert "by course" in reply.text


def test_ones_own_completion_rate_is_ones_kpi_for_an_employee_and_a_manager(chat):
    for who, text in (("E0081", "what's my training completion rate for Q3?"), ("E0081", "我这季度的培训完成率是多少"),
                      ("E0003", "我自己的完成率")):
        reply = say(chat, who, text, f"r12-own-{who}-{len(text)}")
        assert reply.act == "kpi" and reply.subject.get("employee") == who, (text, reply.act, reply.text)
    team = say(chat, "E0003", "我的团队完成率", "r12-own-team")
    assert team.act == "completion_report"
    wants = say(chat, "E0003", "我想看各部门的完成率", "r12-own-wants")
    assert wants.act == "completion_report"


def test_whether_a_departments_rate_costs_it_points_is_its_kpi(chat):
    reply = say(chat, "E0009", "IT部这季度培训完成率多少？会不会被扣分", "r12-standing")
    assert reply.act == "department_kpi" and reply.subject == {"department": "it", "period": "2026Q3"}, reply.subject
    assert "84.2" in reply.text
    plain = say(chat, "E0168", "研发部完成率多少", "r12-standing-plain")
    assert plain.act == "completion_report"


def test_a_team_view_of_one_course_leads_with_that_courses_rate(chat, hr_service):
    reply = say(chat, "E0005", "which of my people are overdue on CS-101?", "r12-team-course")
    expected = hr_service.team_progress(hr_service.caller_for("E0005"), course_code="CS-101").completion
    first = reply.text.splitlines()[0]
    assert "CS-101" in first and f"({expected.numerator}/{expected.denominator})" in first, first


def test_a_position_in_the_catalogue_or_recommendations_names_that_course(chat):
    catalogue = say(chat, "E0060", "我能报名哪些课程？", "r12-ordinal")
    second = [line for line in catalogue.text.splitlines() if line.startswith("- ")][1].split()[1]
    reply = say(chat, "E0060", "帮我报名第二门", "r12-ordinal")
    assert reply.act == "enroll_preview" and reply.subject.get("course") == second, (second, reply.text)
    say(chat, "E0060", "取消", "r12-ordinal")
    picks = say(chat, "E0060", "what should I take next?", "r12-ordinal-en")
    first = picks.text.split("**")[1].split()[0]
    english = say(chat, "E0060", "the first one, please enroll me", "r12-ordinal-en")
    assert english.act == "enroll_preview" and english.subject.get("course") == first, (first, english.text)


def test_the_prerequisite_named_in_a_refusal_is_what_a_question_about_the_prerequisite_is_about(chat):
    refused = say(chat, "E0053", "我想报名SEC-201安全开发进阶", "r12-prereq")
    assert refused.act == "enroll_refused" and "SEC-101" in refused.text
    reply = say(chat, "E0053", "行吧，那我先把那门先修课学完，它规定多少天内完成？", "r12-prereq")
    assert reply.act == "answer" and reply.subject.get("course") == "SEC-101" and "30" in reply.text, reply.text


def test_a_colleague_named_with_whose_team_they_are_in_is_that_colleague(chat):
    say(chat, "E0010", "who on my team is behind on training?", "r12-two-names")
    other_team = say(chat, "E0010", "what about 刘平 on 孙勇洋's team?", "r12-two-names")
    assert other_team.act == "refused" and other_team.subject.get("employee") == "E0013", other_team.text
    say(chat, "E0010", "send them a reminder", "r12-two-names-nudge")
    after_nudge = say(chat, "E0010", "what about 刘平?", "r12-two-names-nudge")
    assert after_nudge.act == "refused" and after_nudge.subject.get("employee") == "E0013", after_nudge.text
    head = say(chat, "E0002", "孙勇洋团队的刘平进度怎么样", "r12-two-names-head")
    assert head.act == "progress" and head.subject.get("employee") == "E0013" and "刘平" in head.text



def test_a_course_named_by_a_shared_word_after_ones_progress_is_the_one_listed(chat):
    say(chat, "E0022", "帮我看看我的培训进度", "r12-shared-word")
    reply = say(chat, "E0022", "那门安全课及格线多少分？", "r12-shared-word")
    assert reply.act == "answer" and reply.subject.get("course") == "SEC-101" and "80" in reply.text, reply.text


def test_a_colleague_named_by_name_is_routed_as_the_person_they_are(chat):
    """"Enroll 林悦 from Operations in …" read as a question (a Chinese name in English blurred the classifier);
    "what did 马博艳 score on the CMP-101 exam?" from a colleague is her record, which HR refuses (blind round 13)."""
    enroll = say(chat, "E0176", "Enroll 林悦 from Operations in Data Analysis Basics", "r13-name-enroll")
    assert enroll.act == "enroll_preview" and enroll.subject == {"course": "DATA-101", "employee": "E0146"}, enroll.text
    record = say(chat, "E0153", "what did 马博艳 score on the CMP-101 exam?", "r13-name-score")
    assert record.act == "refused" and record.subject.get("employee") == "E0154", record.text


def test_the_quarter_before_is_the_previous_quarter(chat):
    say(chat, "E0174", "completion by course this quarter", "r13-quarter-before")
    reply = say(chat, "E0174", "what about the quarter before", "r13-quarter-before")
    assert reply.act == "completion_report" and reply.subject.get("period") == "2026Q2", reply.subject


def test_the_threshold_itself_is_a_rule_and_a_units_standing_is_its_kpi(chat):
    rule = say(chat, "E0003", "部门完成率低于多少会被扣绩效？", "r13-threshold")
    assert rule.act in ("answer", "abstain"), (rule.act, rule.text)
    standing = say(chat, "E0009", "IT部这季度培训完成率多少？会不会被扣分", "r13-standing")
    assert standing.act == "department_kpi"
