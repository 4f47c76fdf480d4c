"""Enrollment in chat: checks before confirmation, enroll and withdraw for oneself or (HR/managers) for others,
the catalogue a person may enroll in, and when and where the next session of a course runs."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from bot.present import numbers, words
from bot.tools.common import clarify, confirm_actions, given, hr_error
from bot.tools.context import TurnContext
from bot.tools.hr_refusal import HRRefusal
from bot.tools.registry import Tool
from bot.tools.result import ToolResult
from hr.plural import count

INSTRUCTOR_LED = ("live", "workshop")


class EnrollArgs(BaseModel):
    """enroll arguments: a course, and optionally who to enroll (default the person asking)."""

    course: str | None = Field(None, description="Course code, e.g. SEC-101.")
    employee: str | None = Field(None, description="Employee id to enroll someone else (HR, or their manager).")
    department: str | None = Field(None, description="Department id to enroll everyone in it (HR).")
    session: str | None = Field(None, description='A session picked by its day "MM-DD" or month "MM" (live courses).')


class WithdrawArgs(BaseModel):
    """withdraw arguments."""

    course: str | None = Field(None, description="Course code to drop.")
    employee: str | None = Field(None, description="Employee id when dropping someone else's enrollment.")


class PersonArgs(BaseModel):
    """Arguments naming one person (default the person asking)."""

    employee: str | None = Field(None, description="Employee id; omit for the person asking.")


class SessionArgs(BaseModel):
    """session_info arguments."""

    course: str | None = Field(None, description="Course code; omit for the person's own instructor-led courses.")
    employee: str | None = Field(None, description="Employee id; omit for the person asking.")


def _target(ctx: TurnContext, employee: str | None) -> str:
    """Who the request is for: a named employee id, else the caller."""
    return (employee or ctx.employee_id).upper()


def _who(deps, ctx: TurnContext, employee_id: str) -> str:
    """"你" / "you" for the caller, else "刘平（E0013）" / "刘平 (E0013)"."""
    if employee_id == ctx.employee_id:
        return ctx.say("你", "you")
    person = deps.hr.employee_by_id(employee_id)
    name = getattr(person, "name", employee_id)
    return ctx.say(f"{name}（{employee_id}）", f"{name} ({employee_id})")


def _cap(text: str) -> str:
    """First letter upper-cased, the rest kept ("刘平 (E0013)" stays as is)."""
    return text[:1].upper() + text[1:]


def _unknown_course(name: str, args: dict, ctx: TurnContext, course: str) -> ToolResult:
    """The course code names nothing in the catalogue."""
    return clarify(name, args, f"找不到课程“{course}”。说“我能报哪些课”可以看课程目录。",
                   f"I can't find a course called \"{course}\". Ask \"what courses can I take?\" to see the catalogue.",
                   ctx)


def _groups(deps, ctx: TurnContext, required_for: str) -> str:
    """Who a restricted course is for, in words ("研发部、信息技术部" / "R&D, IT", "经理" / "managers")."""
    seen: list[str] = []
    for tag in (t.strip() for t in (required_for or "").split(";") if t.strip()):
        label = deps.names.department(tag, ctx.language) if tag in deps.names.departments else words.role(tag, ctx.language)
        if label not in seen:
            seen.append(label)
    return ctx.say("、".join(seen), ", ".join(seen))


def _blocker(deps, ctx: TurnContext, offer, who: str) -> str | None:
    """Why this person cannot enroll, said plainly (None when nothing stands in the way)."""
    code = offer.course.code
    course = deps.names.course(code, ctx.language)
    if offer.status == "completed":
        return ctx.say(f"{who}已经完成了 {course}，不需要再报名。", f"{_cap(who)} already completed {course}.")
    if offer.status is not None:
        state = words.status(offer.status, ctx.language)
        return ctx.say(f"{who}已经报名了 {course}（{state}），不用重复报名。",
                       f"{_cap(who)} {'are' if who == 'you' else 'is'} already enrolled in {course} ({state}); "
                       "no need to enroll again.")
    if not offer.open_to_them and not ctx.caller.sees_everyone:
        groups = _groups(deps, ctx, offer.course.required_for)
        return ctx.say(f"{course} 只面向{groups}开放，{who}不在范围内。如确有需要，请联系 HR。",
                       f"{course} is only open to {groups}, and {who} {'are' if who == 'you' else 'is'} not among "
                       "them. Ask HR if it is really needed.")
    if offer.missing_prerequisites:
        missing = [deps.names.course(m, ctx.language) for m in offer.missing_prerequisites]
        return ctx.say(f"报名 {course} 需要先完成 {'、'.join(missing)}。", f"{course} needs {', '.join(missing)} "
                       "completed first.")
    return None


def enroll(deps, ctx: TurnContext, args: EnrollArgs) -> ToolResult:
    """Check everything HR checks, then ask for confirmation; nothing changes until the person confirms."""
    logged = given(course=args.course, employee=args.employee, department=args.department, session=args.session)
    if not args.course:
        return clarify("enroll", logged, "想报名哪门课？请告诉我课程名称或编号，例如 SEC-101。",
                       "Which course? Tell me its name or code, e.g. SEC-101.", ctx)
    code = args.course.strip().upper()
    if not deps.names.knows_course(code):
        return _unknown_course("enroll", logged, ctx, args.course)
    if args.department:
        return _enroll_department(deps, ctx, code, args.department, logged)
    target = _target(ctx, args.employee)
    subject = {"course": code, "employee": target}
    with HRRefusal("enroll", logged, ctx, subject, act="enroll_refused") as refusal:
        offer = next(o for o in deps.hr.offerings(ctx.caller, target) if o.course.code == code)
        who = _who(deps, ctx, target)
        if (reason := _blocker(deps, ctx, offer, who)) is not None:
            focus = {"course": offer.missing_prerequisites[0]} if offer.missing_prerequisites and offer.open_to_them \
                else {}
            return ToolResult("enroll", logged, False, reason, private=True, act="enroll_refused", subject=subject,
                              error="invalid", focus=focus)
        session_id = None
        if args.session and offer.course.format in INSTRUCTOR_LED:
            session_id, problem = _pick_session(deps, ctx, code, target, args.session)
            if problem:
                return ToolResult("enroll", logged, False, problem, private=True, act="enroll_refused",
                                  subject=subject, error="conflict")
        preview = deps.hr.preview_enroll(ctx.caller, code, target, session_id=session_id)
    if refusal.error is not None:
        return _not_theirs_to_change("enroll", logged, ctx, refusal.error, subject) or refusal.result
    if not preview.created:
        return ToolResult("enroll", logged, False, ctx.say(f"{who}已经报名了这门课，不用重复报名。",
                                                           "Already enrolled in that course; nothing to do."),
                          private=True, act="enroll_refused", subject=subject, error="conflict")
    course = deps.names.course(code, ctx.language)
    facts = [words.course_format(offer.course.format, ctx.language),
             ctx.say(f"{numbers.number(offer.course.hours, 'zh')} 小时", f"{numbers.number(offer.course.hours, 'en')} h"),
             ctx.say(f"截止 {numbers.day(preview.enrollment.due_on, 'zh')}",
                     f"due {numbers.day(preview.enrollment.due_on, 'en')}")]
    seat = _session_line(deps, ctx, code, target, preview.enrollment.session_id)
    pending = {"op": "enroll", "course": code, "employees": [target]}
    if session_id is not None:
        pending["session_id"] = session_id
    lead = ctx.say(f"我将为{who}报名 **{course}**（{'，'.join(facts)}）。", f"I'll enroll {who} in **{course}** "
                   f"({', '.join(facts)}).")
    text = lead + (("\n" + seat) if seat else "") + "\n" + ctx.say("确认吗？（回复“确认”或“取消”）",
                                                                   "Shall I go ahead? (reply \"confirm\" or \"cancel\")")
    return ToolResult("enroll", logged, True, text, private=True, actions=confirm_actions(ctx, pending),
                      pending=pending, act="enroll_preview", subject=subject)


def _not_theirs_to_change(name: str, logged: dict, ctx: TurnContext, exc: Exception, subject: dict) -> ToolResult | None:
    """HR refused to let an employee (who may act for nobody) act for a colleague: a matter of permission (only HR or
    that person's manager may enroll or withdraw someone else), said as such, not as an enrollment check. None for
    any other refusal (a manager reaching outside their team keeps HR's own refusal, act enroll_refused)."""
    if getattr(exc, "code", "") != "forbidden" or ctx.caller.role != "employee" \
            or subject.get("employee", ctx.employee_id) == ctx.employee_id.upper():
        return None
    verb_zh, verb_en = ("报名", "enroll") if name == "enroll" else ("退课", "withdraw")
    text = ctx.say(f"只有人力资源部或这位同事的直属经理可以替 TA {verb_zh}，我不能替你为同事{verb_zh}。"
                   f"可以请 TA 自己来{verb_zh}，或者联系 TA 的经理。",
                   f"Only HR or that colleague's own manager can {verb_en} someone else, so I can't do it for you. "
                   f"They can {verb_en} themselves, or ask their manager.")
    return ToolResult(name, logged, False, text, private=True, act="refused", subject=subject, error="forbidden")


def _pick_session(deps, ctx: TurnContext, code: str, employee_id: str, day: str) -> tuple[int | None, str]:
    """The session on the asked-for day ("MM-DD") or in the month ("MM"), or why it cannot be booked (full, none)."""
    _course, slots = deps.hr.course_sessions(ctx.caller, code, employee_id, limit=12)
    matching = [s for s in slots if _local(deps, s.session.starts_at).strftime("%m-%d" if "-" in day else "%m") == day]
    others = [s for s in slots if s not in matching and s.seats_left > 0]
    offer = ctx.say("可选的场次：", "Sessions with seats: ") + ("；" if ctx.language == "zh" else "; ").join(
        numbers.moment(_local(deps, s.session.starts_at), ctx.language) + f" {s.session.venue}" for s in others) \
        if others else ctx.say("目前没有其他有空位的场次，请联系 HR。", "No other session has seats; ask HR.")
    name = deps.names.course(code, ctx.language)
    if not matching:
        return None, ctx.say(f"{name} 在你说的日期没有场次。", f"{name} has no session on that date. ") + offer
    with_seats = [s for s in matching if s.seats_left > 0]
    if not with_seats:
        when = numbers.moment(_local(deps, matching[0].session.starts_at), ctx.language)
        return None, ctx.say(f"{name} {when} 的场次已满（{matching[0].session.capacity} 人）。",
                             f"The {when} session of {name} is full ({count(matching[0].session.capacity, 'seat')} taken). ") \
            + offer
    return with_seats[0].session.id, ""


def _session_line(deps, ctx: TurnContext, code: str, employee_id: str, session_id: int | None,
                  booked: bool = False) -> str:
    """The session of an instructor-led course: to be booked on confirmation (a preview) or `booked` (done)."""
    if session_id is None:
        return ""
    _course, slots = deps.hr.course_sessions(ctx.caller, code, employee_id)
    chosen = next((s for s in slots if s.session.id == session_id), None)
    if chosen is None:
        return ""
    when = numbers.moment(_local(deps, chosen.session.starts_at), ctx.language)
    if booked:
        return ctx.say(f"已预约场次：{when}，{chosen.session.venue}。", f"Session booked: {when}, {chosen.session.venue}.")
    return ctx.say(f"将预约场次：{when}，{chosen.session.venue}。",
                   f"Session to be booked: {when}, {chosen.session.venue}.")


def _enroll_department(deps, ctx: TurnContext, code: str, department: str, logged: dict) -> ToolResult:
    """Preview enrolling everyone in a department: who would be enrolled and who is skipped, and why."""
    subject = {"course": code, "department": department}
    with HRRefusal("enroll", logged, ctx, subject, act="enroll_refused") as refusal:
        members = deps.hr.department_member_ids(ctx.caller, department)
    if refusal.result:
        return refusal.result
    would, already, blocked = [], 0, 0
    for member in members:
        try:
            if deps.hr.preview_enroll(ctx.caller, code, member).created:
                would.append(member)
            else:
                already += 1
        except Exception as exc:
            if not hr_error(exc):
                raise
            blocked += 1
    place = deps.names.department(department, ctx.language)
    course = deps.names.course(code, ctx.language)
    counts = ctx.say(f"已报名 {already} 人，不符合条件 {blocked} 人", f"{already} already enrolled, {blocked} not eligible")
    if not would:
        return ToolResult("enroll", logged, False, ctx.say(f"{place}没有可以新报名 {course} 的人（{counts}）。",
                                                           f"Nobody in {place} can be newly enrolled in {course} ({counts})."),
                          private=True, act="enroll_refused", subject=subject, error="conflict")
    pending = {"op": "enroll", "course": code, "employees": would, "department": department}
    text = ctx.say(f"我将为{place}的 {len(would)} 人报名 **{course}**（{counts}）。确认吗？",
                   f"I'll enroll {count(len(would), 'person')} in {place} in **{course}** ({counts}). Shall I go ahead?")
    return ToolResult("enroll", logged, True, text, private=True, actions=confirm_actions(ctx, pending),
                      pending=pending, act="enroll_preview", subject=subject)


def confirm_enroll(deps, ctx: TurnContext, pending: dict) -> ToolResult:
    """Make the confirmed enrollments through the HR service, which checks everything again."""
    code = str(pending.get("course", "")).upper()
    people = pending.get("employees") or [ctx.employee_id]
    if not code or not isinstance(people, list) or not all(isinstance(p, str) for p in people):
        return ToolResult("enroll", {"confirmed": True}, False, ctx.say("这个确认无效，没有做任何更改。",
                                                                       "That confirmation is not valid; nothing changed."),
                          act="clarify")
    people = [p.upper() for p in people]
    done, failed = [], []
    for person in people:
        try:
            result = deps.hr.enroll(ctx.caller, code, person, session_id=pending.get("session_id"))
            done.append((person, result))
        except Exception as exc:
            if not hr_error(exc):
                raise
            failed.append((person, exc.message(ctx.language)))
    subject = {"course": code} | ({"employee": people[0]} if len(people) == 1 and not pending.get("department")
                                  else {"department": pending["department"]} if pending.get("department") else {})
    course = deps.names.course(code, ctx.language)
    if len(people) == 1 and done and not pending.get("department"):
        person, result = done[0]
        who = _who(deps, ctx, person)
        due = numbers.day(result.enrollment.due_on, ctx.language)
        seat = _session_line(deps, ctx, code, person, result.enrollment.session_id, booked=True)
        text = ctx.say(f"已为{who}报名 {course}，截止 {due}。", f"Done: {who} {'are' if who == 'you' else 'is'} "
                       f"enrolled in {course}, due {due}.") + (("\n" + seat) if seat else "")
        return ToolResult("enroll", {"course": code, "confirmed": True}, True, text, private=True, act="enroll_done",
                          subject=subject)
    lines = [ctx.say(f"已为 {len(done)} 人报名 {course}。", f"Enrolled {count(len(done), 'person')} in {course}.")]
    lines += [f"- {who}: {why}" for who, why in failed]
    ok = bool(done)
    return ToolResult("enroll", {"course": code, "confirmed": True, "count": len(done)}, ok, "\n".join(lines),
                      private=True, act="enroll_done" if ok else "enroll_refused", subject=subject)


def withdraw(deps, ctx: TurnContext, args: WithdrawArgs) -> ToolResult:
    """Check the drop is allowed (HR rules: not completed, required courses only by HR), then ask to confirm."""
    logged = given(course=args.course, employee=args.employee)
    if not args.course:
        return clarify("withdraw", logged, "想退哪门课？请告诉我课程名称或编号。", "Which course do you want to drop?", ctx)
    code = args.course.strip().upper()
    if not deps.names.knows_course(code):
        return _unknown_course("withdraw", logged, ctx, args.course)
    target = _target(ctx, args.employee)
    subject = {"course": code, "employee": target}
    course = deps.names.course(code, ctx.language)
    with HRRefusal("withdraw", logged, ctx, subject) as refusal:
        deps.hr.preview_drop(ctx.caller, code, target)
    if refusal.error is not None:
        if refusal.error.code == "not_found" and getattr(refusal.error, "details", {}).get("kind") == "enrollment":
            return ToolResult("withdraw", logged, False, ctx.say(f"没有找到 {course} 的报名记录，不需要退课。",
                                                                 f"There's no enrollment in {course} to drop."),
                              private=True, act="refused", subject=subject, error="not_found")
        return _not_theirs_to_change("withdraw", logged, ctx, refusal.error, subject) or refusal.result
    who = _who(deps, ctx, target)
    pending = {"op": "withdraw", "course": code, "employee": target}
    text = ctx.say(f"确认为{who}退出 **{course}** 吗？退课后进度不再计入，之后可以重新报名。（回复“确认”或“取消”）",
                   f"Drop **{course}** for {who}? It stops counting; you can enroll again later. "
                   "(reply \"confirm\" or \"cancel\")")
    return ToolResult("withdraw", logged, True, text, private=True, actions=confirm_actions(ctx, pending),
                      pending=pending, act="withdraw_preview", subject=subject)


def confirm_withdraw(deps, ctx: TurnContext, pending: dict) -> ToolResult:
    """Drop the enrollment through the HR service (seat released there)."""
    code, target = pending["course"], pending.get("employee") or ctx.employee_id
    deps.hr.drop(ctx.caller, code, target)
    course = deps.names.course(code, ctx.language)
    return ToolResult("withdraw", {"course": code, "confirmed": True}, True,
                      ctx.say(f"已退出 {course}。", f"Done: {course} is dropped."), private=True, act="withdraw_done",
                      subject={"course": code, "employee": target})


def course_catalog(deps, ctx: TurnContext, args: PersonArgs) -> ToolResult:
    """The courses this person may enroll in now, then those waiting on a prerequisite, then their current ones."""
    target = _target(ctx, args.employee)
    subject = {"employee": target}
    with HRRefusal("course_catalog", given(employee=args.employee), ctx, subject) as refusal:
        offers = deps.hr.offerings(ctx.caller, target)
    if refusal.result:
        return refusal.result
    sep = ctx.say("、", ", ")

    def line(offer) -> str:
        """One catalogue entry: code, title, format, hours, required or optional."""
        kind = ctx.say("必修", "required") if offer.required else ctx.say("选修", "optional")
        hours = numbers.number(offer.course.hours, ctx.language)
        return (f"- {deps.names.course(offer.course.code, ctx.language)}（{words.course_format(offer.course.format, 'zh')}，"
                f"{hours} 小时，{kind}）" if ctx.language == "zh" else
                f"- {deps.names.course(offer.course.code, ctx.language)} ({words.course_format(offer.course.format, 'en')}, "
                f"{hours} h, {kind})")

    open_now = [o for o in offers if o.can_enroll]
    waiting = [o for o in offers if o.open_to_them and o.status is None and o.missing_prerequisites]
    current = [o for o in offers if o.status not in (None, "completed")]
    lines = [ctx.say("你现在可以报名的课程：", "Courses you can enroll in now:") if target == ctx.employee_id else
             ctx.say(f"{_who(deps, ctx, target)}现在可以报名的课程：", f"Courses {_who(deps, ctx, target)} can enroll in now:")]
    lines += [line(o) for o in open_now] or [ctx.say("- 暂时没有", "- none right now")]
    if waiting:
        lines.append(ctx.say("先修课完成后可报名：", "After a prerequisite:"))
        lines += [f"- {deps.names.course(o.course.code, ctx.language)}"
                  + ctx.say(f"（需先完成 {sep.join(o.missing_prerequisites)}）",
                            f" (needs {sep.join(o.missing_prerequisites)} first)") for o in waiting]
    if current:
        lines.append(ctx.say("已在学：", "Already enrolled: ") + sep.join(deps.names.course(o.course.code, ctx.language)
                                                                       for o in current))
    lines.append(_enroll_hint(ctx, target))
    return ToolResult("course_catalog", given(employee=args.employee), True, "\n".join(lines), private=True,
                      act="catalog", subject=subject, listed=tuple(o.course.code for o in open_now + waiting))


def session_info(deps, ctx: TurnContext, args: SessionArgs) -> ToolResult:
    """Date, time and place of the next session(s) of an instructor-led course (the booked one first)."""
    target = _target(ctx, args.employee)
    logged = given(course=args.course, employee=args.employee)
    with HRRefusal("session_info", logged, ctx, {"employee": target}) as refusal:
        if args.course:
            codes = [args.course.strip().upper()]
            if not deps.names.knows_course(codes[0]):
                return _unknown_course("session_info", logged, ctx, args.course)
        else:
            codes = [o.course.code for o in deps.hr.offerings(ctx.caller, target)
                     if o.course.format in INSTRUCTOR_LED and o.status not in (None, "completed")]
            if not codes:
                return clarify("session_info", logged, "你目前没有报名需要到场的课程。想查哪门课的场次？",
                               "You're not enrolled in any live course or workshop right now. Which course do you mean?",
                               ctx, {"employee": target})
        blocks = [_sessions_block(deps, ctx, code, target) for code in codes]
    if refusal.result:
        return refusal.result
    subject = {"employee": target} | ({"course": codes[0]} if len(codes) == 1 else {})
    return ToolResult("session_info", logged, True, "\n\n".join(blocks), private=False, act="session_info",
                      subject=subject)


def _sessions_block(deps, ctx: TurnContext, code: str, employee_id: str) -> str:
    """One course's upcoming sessions, or why it has none."""
    course, slots = deps.hr.course_sessions(ctx.caller, code, employee_id)
    name = deps.names.course(code, ctx.language)
    if course.format not in INSTRUCTOR_LED:
        return ctx.say(f"{name} 是{words.course_format(course.format, 'zh')}，随时可以学，没有固定场次。",
                       f"{name} is a {words.course_format(course.format, 'en')} course: no sessions, take it any time.")
    if not slots:
        return ctx.say(f"{name} 目前没有排期的场次，请留意 HR 的通知。", f"{name} has no scheduled session right now; "
                       "HR will announce the next one.")
    lines = [f"**{name}**"]
    for slot in slots:
        session = slot.session
        when = numbers.moment(_local(deps, session.starts_at), ctx.language)
        hours = numbers.number(session.hours, ctx.language)
        mine = ctx.say("（你已预约）", " (your booking)") if slot.booked else ""
        seats = "" if slot.booked else ctx.say("，已满", ", full") if slot.seats_left <= 0 else \
            ctx.say(f"，剩余 {slot.seats_left} 个名额", f", {count(slot.seats_left, 'seat')} left")
        trainer = ctx.say(f"，讲师 {session.instructor}", f", trainer {session.instructor}") if session.instructor else ""
        lines.append(ctx.say(f"- {when}，{session.venue}，{hours} 小时{trainer}{seats}{mine}",
                             f"- {when}, {session.venue}, {hours} h{trainer}{seats}{mine}"))
    return "\n".join(lines)


def _enroll_hint(ctx: TurnContext, target: str) -> str:
    """How to enroll from here: oneself ("enroll me in …"), or the colleague the list is about ("enroll E0013 in …")."""
    if target == ctx.employee_id:
        return ctx.say("想报名的话，说“帮我报名 + 课程名”。", "To enroll, say \"enroll me in <course>\".")
    return ctx.say(f"要为其报名的话，说“帮 {target} 报名 + 课程名”。", f"To enroll them, say \"enroll {target} in <course>\".")


def recommend_courses(deps, ctx: TurnContext, args: PersonArgs) -> ToolResult:
    """Required-but-missing first, then skill gaps, then the learner's preferred format, each with its reason."""
    target = _target(ctx, args.employee)
    logged = given(employee=args.employee)
    with HRRefusal("recommend_courses", logged, ctx, {"employee": target}) as refusal:
        picks = deps.hr.recommend_courses(ctx.caller, target)
    if refusal.result:
        return refusal.result
    if not picks:
        text = ctx.say("目前没有需要推荐的课程，必修课都安排好了。👍", "Nothing to recommend right now: the required "
                       "courses are all on track. 👍")
        return ToolResult("recommend_courses", logged, True, text, private=True, act="recommend",
                          subject={"employee": target})
    lines = [ctx.say("推荐的课程：", "Courses I recommend:") if target == ctx.employee_id else
             ctx.say(f"为{_who(deps, ctx, target)}推荐的课程：", f"Courses I recommend for {_who(deps, ctx, target)}:")]
    for pick in picks:
        reason = pick.reason_zh if ctx.language == "zh" else pick.reason_en
        lines.append(f"- **{deps.names.course(pick.course_code, ctx.language)}**{ctx.say('：', ': ')}{reason}")
    lines.append(_enroll_hint(ctx, target))
    return ToolResult("recommend_courses", logged, True, "\n".join(lines), private=True, act="recommend",
                      subject={"employee": target}, listed=tuple(pick.course_code for pick in picks))


def _local(deps, moment):
    """A stored UTC moment in the organisation's timezone (the HR policy's)."""
    from datetime import UTC

    zone = ZoneInfo(deps.hr.policy.notifications.timezone)
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(zone)


TOOLS = [
    Tool("enroll", EnrollArgs, enroll, "报名课程（先检查资格、先修课、名额和重复报名，确认后才生效）",
         "Prepare an enrollment in a course, after checking eligibility, prerequisites, seats and duplicates; "
         "it happens only after the person confirms.", act="enroll_preview", inherits_course=True,
         follow_up=True, confirm=confirm_enroll,
         slots=("course", "employee", "department", "session"),
         examples=(("帮我报名信息安全基础", "Enroll me in Information Security Basics"),
                   ("给 E0013 报名 AI-101", "Enroll E0013 in AI-101"))),
    Tool("withdraw", WithdrawArgs, withdraw, "退课（确认后才生效）", "Prepare dropping a course (after confirmation).",
         act="withdraw_preview", inherits_course=True, follow_up=True, confirm=confirm_withdraw,
         slots=("course", "employee"),
         examples=(("我想退掉数据分析基础", "Drop me from Data Analysis Basics"),)),
    Tool("course_catalog", PersonArgs, course_catalog, "可以报名的课程目录", "The courses the person may enroll in.",
         act="catalog", follow_up=True, slots=("employee",),
         examples=(("我能报名哪些课程？", "What courses can I sign up for?"),)),
    Tool("recommend_courses", PersonArgs, recommend_courses, "推荐接下来该学的课程", "Courses recommended for the "
         "person, with reasons.", act="recommend", follow_up=True, slots=("employee",),
         examples=(("我接下来该学什么？", "What should I learn next?"),)),
    Tool("session_info", SessionArgs, session_info, "线下/直播课的下一场时间和地点",
         "Date, time and place of the next session of a live course or workshop.", act="session_info",
         inherits_course=True, follow_up=True, private=False,
         slots=("course", "employee"), examples=(("安全开发进阶什么时候上课？在哪？", "When and where is my workshop?"),)),
]
