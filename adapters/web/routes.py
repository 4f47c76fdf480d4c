"""Serve the web chat page and its assets from the package (no build step, no CDN)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse

from adapters.web.starters import starters_router

STATIC_DIR = Path(__file__).resolve().parent / "static"
ASSETS = {"app.js": "text/javascript; charset=utf-8", "markdown.js": "text/javascript; charset=utf-8",
          "style.css": "text/css; charset=utf-8"}
# Only our own script and styles run; charts arrive as data: URLs; the page is never framed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def web_router() -> APIRouter:
    """`/` is the chat page; `/static/<name>` its assets; `/api/starters` the examples it shows when empty."""
    router = APIRouter(include_in_schema=False)
    router.include_router(starters_router())

    @router.get("/", response_class=HTMLResponse)
    def index() -> HTMLResponse:
        """The page (it reads the token from #token=... or asks for one)."""
        return HTMLResponse((STATIC_DIR / "index.html").read_text(encoding="utf-8"), headers=SECURITY_HEADERS)

    @router.get("/static/{name}")
    def asset(name: str) -> FileResponse:
        """Only the known assets; anything else is a 404 (no path traversal)."""
        if name not in ASSETS:
            raise HTTPException(404, "no such asset")
        return FileResponse(STATIC_DIR / name, media_type=ASSETS[name], headers=SECURITY_HEADERS)

    return router
