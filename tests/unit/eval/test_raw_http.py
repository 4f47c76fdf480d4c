"""The load generator's HTTP client against a real loopback server: keep-alive, Content-Length and chunked bodies,
a server that closes, and a refused connection as an HttpError (counted as an error, never as a latency)."""

from __future__ import annotations

import asyncio

import pytest

from eval.benchmarks.raw_http import Connection, HttpError

RESPONSES = [b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
             b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
             b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"]


async def _serve(seen: list[bytes]):
    """Answers each request on a connection with the next canned response; records what it was sent."""
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for response in RESPONSES:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:
                break
            length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length")))
            seen.append(head + await reader.readexactly(length))
            writer.write(response)
            await writer.drain()
        writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


def test_statuses_bodies_and_keep_alive_on_one_connection():
    """Three requests, one connection: 200 (length), 201 (chunked), 500 with close; then a fresh connection."""
    seen: list[bytes] = []

    async def scenario():
        server = await _serve(seen)
        port = server.sockets[0].getsockname()[1]
        connection = Connection(f"http://127.0.0.1:{port}")
        statuses = [await connection.post("/slack/events", f"body{n}".encode(), {"X-Test": "1"}, 5) for n in range(4)]
        await connection.close()
        server.close()
        return statuses

    assert asyncio.run(scenario()) == [200, 201, 500, 200]
    assert seen[0].startswith(b"POST /slack/events HTTP/1.1\r\n") and seen[0].endswith(b"\r\n\r\nbody0")
    assert b"X-Test: 1" in seen[1] and seen[3].endswith(b"body3")


def test_a_refused_connection_is_an_http_error():
    """Nothing listening: HttpError, which the load generator counts as an error."""
    async def scenario():
        server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        server.close()
        await server.wait_closed()
        with pytest.raises(HttpError):
            await Connection(f"http://127.0.0.1:{port}").post("/", b"", {}, 2)

    asyncio.run(scenario())


def test_a_keep_alive_connection_the_server_closed_is_retried_once_on_a_new_one():
    """The server answers one request per connection and closes without saying so: every request still succeeds."""
    async def scenario():
        async def one_then_close(reader, writer):
            await reader.readuntil(b"\r\n\r\n")
            writer.write(RESPONSES[0])
            await writer.drain()
            writer.close()

        server = await asyncio.start_server(one_then_close, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        connection = Connection(f"http://127.0.0.1:{port}")
        statuses = []
        for _ in range(3):
            statuses.append(await connection.post("/", b"", {}, 5))
            await asyncio.sleep(0.05)  # the close reaches us before the next request
        await connection.close()
        server.close()
        return statuses

    assert asyncio.run(scenario()) == [200, 200, 200]
