"""`POST /api/admin/ingest`: HR and training specialists queue a knowledge-base ingestion job for the worker."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from adapters.api.auth import current_employee
from adapters.channels import ingest_root
from adapters.worker.queue import INGEST_JOB


class IngestIn(BaseModel):
    """Folders or files relative to the ingest root (MENTOR_API_INGEST_ROOT)."""

    paths: list[Annotated[str, Field(max_length=1000)]] = Field(..., min_length=1, max_length=100,
                                                                 description="e.g. [\"policies\", \"courses/sec.md\"]")
    prune: bool = Field(False, description="Remove indexed documents whose files are gone.")


class IngestAccepted(BaseModel):
    """The queued job."""

    job_id: str
    paths: list[str]


def resolve_under(root: Path, relative: str) -> Path:
    """A path inside the root, or a 422 (absolute paths, `..` escapes and missing files are refused)."""
    try:
        candidate = (root / relative).resolve()
        outside = Path(relative).is_absolute() or not candidate.is_relative_to(root)
        exists = not outside and candidate.exists()
    except (ValueError, OSError):  # a NUL byte, a name too long for the file system
        raise HTTPException(422, f"{relative[:100]!r} is not a usable path / 路径无效") from None
    if outside:
        raise HTTPException(422, f"{relative[:100]!r} is outside the ingest root / 路径超出允许的目录")
    if not exists:
        raise HTTPException(422, f"{relative[:100]!r} does not exist under the ingest root / 文件不存在")
    return candidate


def admin_router() -> APIRouter:
    """Routes for HR staff."""
    router = APIRouter(prefix="/api/admin", tags=["admin"])

    @router.post("/ingest", status_code=202, response_model=IngestAccepted,
                 summary="Queue ingestion of files under the ingest root (HR / training specialists)")
    def ingest(body: IngestIn, request: Request, employee_id: str = Depends(current_employee)) -> IngestAccepted:
        """Checks role and paths now; the worker indexes later (unchanged files are skipped)."""
        channels = request.app.state.channels
        if channels.hr is None or INGEST_JOB not in channels.registry.names():
            raise HTTPException(503, "ingestion needs the HR service and the knowledge index / 未接入知识库")
        if not channels.hr.caller_for(employee_id).sees_everyone:
            raise HTTPException(403, "only HR and training specialists may ingest / 仅HR与培训专员可导入")
        root = ingest_root(channels.settings)
        paths = [str(resolve_under(root, p)) for p in body.paths]
        job_id = f"ingest:{uuid.uuid4().hex}"
        channels.queue.enqueue(INGEST_JOB, {"paths": paths, "prune": body.prune}, job_id=job_id)
        return IngestAccepted(job_id=job_id, paths=body.paths)

    return router
