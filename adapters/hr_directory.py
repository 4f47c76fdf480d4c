"""EmployeeDirectory over the HR service's identity lookups (employee_by_slack_user / _wecom_user / _email)."""

from __future__ import annotations


class HrEmployeeDirectory:
    """Adapts `hr.service.HRService` (or anything with the same three lookups) to the channels' port."""

    def __init__(self, hr_service) -> None:
        """Keep the service built by the composition root."""
        self._hr = hr_service

    def by_slack_id(self, slack_user_id: str) -> str | None:
        """Stored Slack id -> employee id."""
        employee = self._hr.employee_by_slack_user(slack_user_id)
        return employee.id if employee else None

    def by_email(self, email: str) -> str | None:
        """Work email -> employee id."""
        employee = self._hr.employee_by_email(email)
        return employee.id if employee else None

    def by_wecom_userid(self, userid: str) -> str | None:
        """WeCom userid -> employee id."""
        employee = self._hr.employee_by_wecom_user(userid)
        return employee.id if employee else None
