"""A minimal HTTP/1.1 keep-alive client on asyncio streams, for the load generator.

Why not httpx: on this 2-core machine the generator shares the cores with the servers it measures, and httpx spent
about 2.7 ms of CPU per request (more than the API process that answered it, 1.6 ms), so the measured latency was
largely the generator's own queue. Slack's senders do not run on our host; this client costs a fraction of that and
leaves the cores to the system under test. Only POST with a body, only to loopback, one request per connection at a
time; responses with Content-Length or chunked bodies. A connection idle longer than the server keeps it (uvicorn:
5 s) is reopened before use, and a reused connection the server closed under us is retried once on a new one, as
any HTTP client does; a failure on a fresh connection is an error.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from urllib.parse import urlparse

IDLE_REOPEN_S = 4.0  # below uvicorn's timeout_keep_alive (5 s)


class HttpError(Exception):
    """The connection failed or the response could not be read."""


class Connection:
    """One persistent connection to one origin; reopened when the server closes it."""

    def __init__(self, url: str) -> None:
        """Nothing is opened until the first request."""
        parsed = urlparse(url)
        self._host = parsed.hostname or "127.0.0.1"
        self._port = parsed.port or 80
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._used_at = 0.0

    async def post(self, path: str, body: bytes, headers: dict[str, str], timeout_s: float) -> int:
        """Send one POST and read the whole response; its status code."""
        if self._writer is not None and time.monotonic() - self._used_at > IDLE_REOPEN_S:
            await self.close()
        reused = self._writer is not None
        try:
            try:
                return await asyncio.wait_for(self._exchange(path, body, headers), timeout_s)
            except (ConnectionError, asyncio.IncompleteReadError):
                if not reused:
                    raise
                await self.close()  # the server closed the idle connection as we wrote: once more, on a new one
                return await asyncio.wait_for(self._exchange(path, body, headers), timeout_s)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            await self.close()
            raise HttpError(f"{type(error).__name__}: {error}") from error
        finally:
            self._used_at = time.monotonic()

    async def _exchange(self, path: str, body: bytes, headers: dict[str, str]) -> int:
        """Write the request, read status, headers and body; close when the server says so."""
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self._host, self._port)
        head = [f"POST {path} HTTP/1.1", f"Host: {self._host}:{self._port}", f"Content-Length: {len(body)}"]
        head += [f"{name}: {value}" for name, value in headers.items()]
        self._writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        status, fields = await self._read_head()
        await self._read_body(fields)
        if fields.get("connection", "").lower() == "close":
            await self.close()
        return status

    async def _read_head(self) -> tuple[int, dict[str, str]]:
        """Status code and lower-cased header fields."""
        assert self._reader is not None
        raw = await self._reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
            raise ValueError(f"not an HTTP/1.x status line: {lines[0][:80]!r}")
        fields = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                fields[name.strip().lower()] = value.strip()
        return int(parts[1]), fields

    async def _read_body(self, fields: dict[str, str]) -> bytes:
        """The body by Content-Length or chunked transfer coding."""
        assert self._reader is not None
        if "chunked" in fields.get("transfer-encoding", "").lower():
            chunks = []
            while True:
                size = int((await self._reader.readuntil(b"\r\n")).split(b";")[0].strip(), 16)
                chunk = await self._reader.readexactly(size + 2)
                if size == 0:
                    return b"".join(chunks)
                chunks.append(chunk[:-2])
        return await self._reader.readexactly(int(fields.get("content-length", "0")))

    async def close(self) -> None:
        """Drop the connection (the next request opens a new one)."""
        writer, self._reader, self._writer = self._writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
