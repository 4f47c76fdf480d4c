"""The argument model of the report tools that take only a period, declared once for their LLM schemas."""

from __future__ import annotations

from pydantic import BaseModel, Field


class PeriodArgs(BaseModel):
    """Arguments naming a period."""

    period: str | None = Field(None, description='"2026Q3" or "2026"; omit for the current quarter.')
