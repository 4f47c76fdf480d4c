"""WeCom long answers: 10 KB Chinese replies arrive complete and in order, every part at most 2,048 UTF-8 bytes.

Several members ask at once (encrypted callbacks over real HTTP); the fake WeCom API records every message/send.
Run: `.venv/bin/python -m eval.benchmarks.channel_wecom_split` (writes eval/results/channel_wecom_split.json).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from adapters.api.app import create_app
from adapters.fakes.chat import StaticDirectory
from adapters.fakes.live_server import LiveServer
from adapters.fakes.wecom_api import FakeWeComApi
from adapters.wecom.crypto import WeComCrypto
from adapters.wecom.render import MAX_CONTENT_BYTES
from bot.messages import BotReply, IncomingMessage
from eval.benchmarks.channel_common import WECOM, bench_settings, channels_for, write_result

TARGET_BYTES = 10 * 1024


def long_answer(tag: str) -> str:
    """About 10 KB of numbered Chinese sentences, tagged so parts can be traced back to their reply."""
    lines, size, n = [], 0, 0
    while size < TARGET_BYTES:
        line = f"【{tag}】第{n:04d}句:新员工须在三十天内完成信息安全基础课程并通过考试。"
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
        n += 1
    return "\n".join(lines)


class LongAnswerChat:
    """A ChatHandler whose every answer is a 10 KB Chinese text named after the question."""

    def handle(self, msg: IncomingMessage) -> BotReply:
        """The question text is the tag."""
        return BotReply(text=long_answer(msg.text))


def callback(crypto: WeComCrypto, user: str, msg_id: str, content: str) -> tuple[str, bytes]:
    """An encrypted text-message callback: (query string, body)."""
    now = str(int(time.time()))
    inner = (f"<xml><ToUserName><![CDATA[{WECOM['corp_id']}]]></ToUserName><FromUserName><![CDATA[{user}]]>"
             f"</FromUserName><CreateTime>{now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
             f"{content}]]></Content><MsgId>{msg_id}</MsgId><AgentID>1000002</AgentID></xml>")
    encrypted, signature = crypto.encrypt(inner, now, msg_id)
    query = urllib.parse.urlencode({"msg_signature": signature, "timestamp": now, "nonce": msg_id})
    return query, f"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>".encode()


def check_user(parts: list[str], tags: list[str]) -> dict:
    """Each reply's parts are contiguous, in order, and rebuild the answer exactly."""
    rebuilt: dict[str, list[str]] = {}
    order: list[str] = []
    for part in parts:
        tag = part[1:part.index("】")]
        if not order or order[-1] != tag:
            order.append(tag)
        rebuilt.setdefault(tag, []).append(part)
    complete = all("\n".join(rebuilt.get(t, [])) == long_answer(t) for t in tags)
    return {"contiguous": len(order) == len(set(order)) == len(tags), "complete_and_in_order": complete}


def run(members: int = 4, messages_each: int = 2) -> dict:
    """Every member sends `messages_each` questions at once; verify what the fake WeCom received."""
    crypto = WeComCrypto(WECOM["token"], WECOM["aes_key"], WECOM["corp_id"])
    users = [f"member{i}" for i in range(members)]
    with tempfile.TemporaryDirectory() as home, FakeWeComApi(WECOM["corp_id"], WECOM["secret"]) as fake:
        settings = bench_settings(Path(home), wecom_url=fake.url)
        channels = channels_for(settings, LongAnswerChat(), StaticDirectory(wecom={u: f"E{u}" for u in users}))
        jobs = [(u, f"{u}-q{k}", f"{abs(hash((u, k))) % 10**12}") for u in users for k in range(messages_each)]
        with LiveServer(create_app(settings, channels)) as server, httpx.Client(base_url=server.url) as client:
            def post(job):
                """One encrypted callback; returns the HTTP status."""
                user, tag, msg_id = job
                query, body = callback(crypto, user, msg_id, tag)
                return client.post(f"/wecom/callback?{query}", content=body).status_code

            with ThreadPoolExecutor(max_workers=8) as pool:
                statuses = list(pool.map(post, jobs))
            channels.queue.wait_idle(timeout=120)
        sent = fake.sent_messages()
        channels.close()
    parts_by_user = {u: [m["markdown"]["content"] for m in sent if m["touser"] == u] for u in users}
    sizes = [len(m["markdown"]["content"].encode("utf-8")) for m in sent]
    checks = {u: check_user(parts_by_user[u], [t for uu, t, _ in jobs if uu == u]) for u in users}
    passed = (all(s == 200 for s in statuses) and max(sizes) <= MAX_CONTENT_BYTES
              and all(c["contiguous"] and c["complete_and_in_order"] for c in checks.values()))
    return {"members": members, "messages_each": messages_each,
            "answer_bytes": len(long_answer("member0-q0").encode("utf-8")), "parts_sent": len(sent),
            "max_part_bytes": max(sizes), "limit_bytes": MAX_CONTENT_BYTES, "per_member": checks,
            "passed": passed}


def main() -> None:
    """CLI entry."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=4)
    parser.add_argument("--messages-each", type=int, default=2)
    args = parser.parse_args()
    result = run(args.members, args.messages_each)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    print("wrote", write_result("channel_wecom_split", result))


if __name__ == "__main__":
    main()
