"""`/api/progress`, `/api/kpi`, `/api/reports/completion|trend|exams`: HR reports as JSON, for the token's owner (RBAC
in HR)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder

from adapters.api.auth import current_employee

PERIOD = Query(None, description="2026Q3 or 2026; default the current quarter.", max_length=8)
LANG = Query("zh", description="Language of the `text` field: zh or en.", pattern="^(zh|en)$")


def _hr(request: Request):
    """The HR service, or 503 when this deployment runs the channels without HR records."""
    hr = request.app.state.channels.hr
    if hr is None:
        raise HTTPException(503, "reports need the HR service, which this app was started without / 未接入HR服务")
    return hr


def _call(request: Request, employee_id: str, fn_name: str, **kwargs: Any) -> Any:
    """Run one HR service method as the token's owner (HR refusals reach the app's HRError handler)."""
    hr = _hr(request)
    return getattr(hr, fn_name)(hr.caller_for(employee_id), **kwargs)


def report_router() -> APIRouter:
    """Routes under /api/ that read HR records."""
    router = APIRouter(prefix="/api", tags=["reports"])

    @router.get("/progress", summary="My courses and completion")
    def progress(request: Request, period: str | None = PERIOD, lang: str = LANG,
                 employee_id: str = Depends(current_employee)):
        """The caller's own progress (a manager's team is in /api/reports/completion)."""
        result = _call(request, employee_id, "my_progress", period=period)
        return {"text": result.to_text(lang), "progress": jsonable_encoder(result)}

    @router.get("/kpi", summary="My KPI standing, with the working shown")
    def kpi(request: Request, period: str | None = PERIOD, lang: str = LANG,
            employee_id: str = Depends(current_employee)):
        """Each KPI with formula, inputs, thresholds and the policy clause."""
        result = _call(request, employee_id, "explain_employee_kpi", period=period)
        return {"text": result.to_text(lang), "kpi": result.model_dump(mode="json")}

    @router.get("/reports/completion", summary="Completion report (managers: their teams; HR: everyone)")
    def completion(request: Request, by: Literal["department", "course"] = "department",
                   period: str | None = PERIOD, lang: str = LANG, employee_id: str = Depends(current_employee)):
        """Rows with numerator and denominator; scope follows the caller's role."""
        result = _call(request, employee_id, "completion_report", by=by, period=period)
        return {"text": result.to_text(lang), "report": result.to_dict()}

    @router.get("/reports/trend", summary="Completion per month or quarter (managers: their teams; HR: everyone)")
    def trend(request: Request, step: Literal["month", "quarter"] = "month",
              last: int | None = Query(None, ge=1, le=36, description="Steps back, ending now."),
              period: str | None = PERIOD, department: str | None = Query(None, max_length=64),
              course: str | None = Query(None, max_length=32), lang: str = LANG,
              employee_id: str = Depends(current_employee)):
        """One completion rate per step (the step today falls in marked partial), with the text a chat reply shows."""
        from bot.present.trends import render_trend

        result = _call(request, employee_id, "completion_trend", step=step, period=period, points=last,
                       department_id=department, course_code=course)
        return {"text": render_trend(result, _names(request), lang), "trend": result.to_dict()}

    @router.get("/reports/exams", summary="Official exam results per course, lowest pass rate first")
    def exams(request: Request, period: str | None = PERIOD, department: str | None = Query(None, max_length=64),
              course: str | None = Query(None, max_length=32), lang: str = LANG,
              employee_id: str = Depends(current_employee)):
        """Pass rate, first-attempt pass rate and mean score per course (practice never counts)."""
        from bot.present.trends import render_exam_report

        result = _call(request, employee_id, "exam_report", period=period, department_id=department,
                       course_code=course)
        return {"text": render_exam_report(result, _names(request), lang), "exams": result.to_dict()}

    return router


def _names(request: Request):
    """Course and department names in both languages, for the text form."""
    from bot.tools.catalog_loader import load_catalog, names_of

    return names_of(load_catalog(_hr(request).engine))
