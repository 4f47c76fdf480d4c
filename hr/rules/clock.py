"""Local time rules: quiet hours in the policy timezone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hr.policy.model import NotificationRules


def local_now(now: datetime, rules: NotificationRules) -> datetime:
    """The aware UTC moment in the policy timezone."""
    return now.astimezone(ZoneInfo(rules.timezone))


def local_day(now: datetime, rules: NotificationRules) -> date:
    """The calendar day in the policy timezone (nudge limits count per local day)."""
    return local_now(now, rules).date()


def in_quiet_hours(now: datetime, rules: NotificationRules) -> bool:
    """True inside [start, end) local time; a window crossing midnight (21:00-08:00) is handled."""
    current = local_now(now, rules).time()
    start, end = time.fromisoformat(rules.quiet_hours_start), time.fromisoformat(rules.quiet_hours_end)
    if start == end:
        return False
    if start < end:
        return start <= current < end
    return current >= start or current < end


def quiet_hours_end(now: datetime, rules: NotificationRules) -> datetime:
    """The next local moment quiet hours end after `now` (when a notice held through them goes out)."""
    local = local_now(now, rules)
    end = datetime.combine(local.date(), time.fromisoformat(rules.quiet_hours_end), tzinfo=local.tzinfo)
    return end if end > local else end + timedelta(days=1)


def event_time(today: date) -> datetime:
    """Timestamp for the progress log: now when 'today' is today, else 09:00 UTC of that day (tests, back-fills)."""
    now = datetime.now(UTC)
    return now if now.date() == today else datetime(today.year, today.month, today.day, 9, 0, tzinfo=UTC)
