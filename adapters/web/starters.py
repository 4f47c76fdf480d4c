"""`GET /api/starters`: the example requests for the token owner's role, which the chat page shows when it is empty."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from adapters.api.auth import current_employee

SHOWN = 10  # enough to show the range, few enough to read at a glance


class StarterOut(BaseModel):
    """One example request in both languages (the page shows the reader's and sends that text)."""

    zh: str
    en: str


class StartersOut(BaseModel):
    """Who is asking, their role (null when no HR records are connected) and what they might ask."""

    employee_id: str
    role: str | None
    examples: list[StarterOut]


def starters_for_role(role: str) -> list[tuple[str, str]]:
    """(zh, en) example requests from the tool registry: what only this role can do first, then what everyone can."""
    from bot.tools.registry import offered

    tools = sorted((t for t in offered(role) if t.examples), key=lambda t: len(t.roles))  # stable within a group
    return [t.examples[0] for t in tools][:SHOWN]


def starters_router() -> APIRouter:
    """One route under /api; the role comes from the HR records of the token's owner, never from the request."""
    router = APIRouter(prefix="/api", tags=["chat"])

    @router.get("/starters", response_model=StartersOut, summary="Example requests for your role")
    def starters(request: Request, employee_id: str = Depends(current_employee)) -> StartersOut:
        """Examples for employee / manager / hr / training_specialist; a 404 when HR no longer knows the person."""
        hr = request.app.state.channels.hr
        role = hr.caller_for(employee_id).role if hr is not None else None
        examples = [StarterOut(zh=zh, en=en) for zh, en in starters_for_role(role or "employee")]
        return StartersOut(employee_id=employee_id, role=role, examples=examples)

    return router
