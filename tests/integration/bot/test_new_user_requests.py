"""What a new user tried in zh and en (issue 11 audit) and got wrong before: team KPI, a rating with an English
comment, a list question that is not a quiz, quiz and withdraw phrasings, the catalogue, HR analytics and nudging one
person by id, each through the real ChatService in offline mode."""

from __future__ import annotations

from bot.messages import IncomingMessage


def say(chat, who: str, text: str, thread: str, shared: bool = True):
    """One typed message in a web thread (or a DM when shared is False)."""
    return chat.handle(IncomingMessage(employee_id=who, text=text, channel="web", thread_id=thread, shared=shared))


def test_a_team_kpi_is_the_teams_figures_not_the_managers_own_kpi(chat):
    """E0010 manages part of R&D (not its head): "my team's KPI" shows the team, in both languages."""
    for text, language_word in (("what's the KPI for my team this quarter", "Your team"), ("我们团队的KPI", "你的团队")):
        reply = say(chat, "E0010", text, thread=f"team-kpi-{language_word}")
        assert reply.act == "team_progress" and reply.subject.get("team") == "E0010", (text, reply.act, reply.text)
        assert language_word in reply.text and "林明 (E0010) ·" not in reply.text and "林明（E0010）·" not in reply.text


def test_a_department_kpi_refusal_points_a_manager_to_their_team(chat):
    reply = say(chat, "E0010", "Show me the KPI for my department", thread="dept-kpi")
    assert reply.act == "refused" and "my team's progress" in reply.text
    zh = say(chat, "E0010", "我们部门的KPI", thread="dept-kpi-zh")
    assert zh.act == "refused" and "我的团队进度" in zh.text and "my team" not in zh.text
    own = say(chat, "E0010", "my KPI", thread="own-kpi")
    assert own.act == "kpi" and own.subject.get("employee") == "E0010"


def test_a_rating_with_an_english_comment_is_recorded(chat, hr_service):
    """The prompt's own example ('4 clear, but too few exercises') and '5 really clear' are ratings with comments."""
    asked = say(chat, "E0012", "I'd like to rate the compliance course", thread="rate-en", shared=False)
    assert asked.act == "survey_prompt"
    done = say(chat, "E0012", "5 really clear", thread="rate-en", shared=False)
    assert done.act == "survey_recorded" and "5 out of 5" in done.text and "really clear" in done.text, done.text


def test_a_question_about_types_is_searched_not_turned_into_a_quiz(chat):
    for text in ("What are the four SPIN question types?", "SPIN提问法有哪几类问题"):
        reply = say(chat, "E0056", text, thread=f"spin-{text[:4]}")
        assert reply.act in ("answer", "abstain") and [t.name for t in reply.tools] == ["search_knowledge"], \
            (text, reply.act)
        assert chat.deps.quiz_sessions.current("web", f"spin-{text[:4]}", "E0056") is None


def test_quiz_on_a_long_chinese_title_and_giving_up_twice(chat):
    start = say(chat, "E0056", "考考我新员工入职培训", thread="onb-quiz")
    assert start.act == "quiz_start" and start.subject.get("course") == "ONB-101", (start.act, start.text)
    hint = say(chat, "E0056", "还是不知道", thread="onb-quiz")
    assert hint.act == "quiz_feedback" and "提示" in hint.text, hint.text
    key = say(chat, "E0056", "直接告诉我答案吧", thread="onb-quiz")
    assert key.act == "quiz_feedback" and "正确答案" in key.text, key.text


def test_withdraw_and_catalogue_phrasings(chat):
    assert say(chat, "E0056", "帮我报名提示词工程入门", thread="wd").act == "enroll_preview"
    assert say(chat, "E0056", "确认", thread="wd").act == "enroll_done"
    dropping = say(chat, "E0056", "我想取消报名提示词工程", thread="wd")
    assert dropping.act == "withdraw_preview" and dropping.subject.get("course") == "AI-101", dropping.text
    for text in ("what else can I take", "我这学期还能报什么课"):
        assert say(chat, "E0056", text, thread=f"cat-{text[:3]}").act == "catalog", text


def test_hr_analytics_phrasings_and_nudging_one_person(chat):
    assert say(chat, "E0168", "what do learners think of the compliance course", thread="hr1").act == "satisfaction"
    assert say(chat, "E0168", "哪门课评价最差", thread="hr2").act == "satisfaction"
    assert say(chat, "E0168", "该推广哪些课", thread="hr3").act == "course_health"
    nudge = say(chat, "E0054", "remind E0058 to finish his courses", thread="mgr")
    assert nudge.act == "nudge_preview" and nudge.subject.get("employee") == "E0058", (nudge.act, nudge.text)


def test_a_team_list_says_behind_and_overdue_in_words(chat):
    reply = say(chat, "E0010", "who on my team is behind?", thread="behind")
    assert reply.act == "team_progress" and "People behind on courses" in reply.text and "behind courses" not in \
        reply.text, reply.text


def test_a_seniority_row_that_holds_the_asked_years_is_a_direct_answer(chat):
    """"How many days of annual leave after 12 years?" quoted the 10-to-20-year row under the "no rule answers this
    directly" hedge: the row holds the asked number, so the answer is direct."""
    reply = say(chat, "E0013", "How many days of annual leave after 12 years?", thread="leave-12")
    assert reply.act == "answer" and "10天" in reply.text, reply.text
    assert "closest material" not in reply.text
