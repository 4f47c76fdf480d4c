"""Builds every channel from settings plus a chat handler and a directory (the channels' part of the composition)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from adapters.dedupe import DedupeStore, build_dedupe_store
from adapters.feedback import FeedbackStore
from adapters.ports import ChatHandler, EmployeeDirectory
from adapters.settings import Settings
from adapters.tables import ensure_channel_tables
from adapters.worker.queue import INGEST_JOB, REMINDERS_JOB, InProcessQueue, JobRegistry, TaskQueue

log = logging.getLogger(__name__)


@dataclass
class Backends:
    """What the channels sit on: the chat handler, the identity directory and (optionally) the HR service."""

    chat: ChatHandler
    directory: EmployeeDirectory
    hr: Any = None  # hr.service.HRService: reports/KPI API, reminders job, channel notifier
    index: Any = None  # retrieval KnowledgeIndex the chat reads: ingestion jobs write into the same object


@dataclass
class Channels:
    """Everything the app, the worker and the notifier share; built once per process."""

    settings: Settings
    engine: Any
    chat: ChatHandler
    directory: EmployeeDirectory
    dedupe: DedupeStore
    queue: TaskQueue
    registry: JobRegistry
    feedback: FeedbackStore
    slack_app: Any = None
    slack_client: Any = None
    wecom_crypto: Any = None
    wecom_client: Any = None
    hr: Any = None
    index: Any = None
    status: dict[str, str] = field(default_factory=dict)

    def close(self) -> None:
        """Drain the queue and release clients."""
        self.queue.close()
        if self.wecom_client is not None:
            self.wecom_client.close()


def slack_missing(settings: Settings) -> list[str]:
    """Which Slack variables are unset (the channel mounts only when none are)."""
    s = settings.slack
    return [name for name, value in (("MENTOR_SLACK_BOT_TOKEN", s.bot_token),
                                     ("MENTOR_SLACK_SIGNING_SECRET", s.signing_secret)) if not value]


def wecom_missing(settings: Settings) -> list[str]:
    """Which WeCom variables are unset."""
    w = settings.wecom
    pairs = (("MENTOR_WECOM_CORP_ID", w.corp_id), ("MENTOR_WECOM_AGENT_ID", w.agent_id),
             ("MENTOR_WECOM_SECRET", w.secret), ("MENTOR_WECOM_TOKEN", w.token), ("MENTOR_WECOM_AES_KEY", w.aes_key))
    return [name for name, value in pairs if not value]


def make_channel_engine(settings: Settings):
    """The shared database engine; creates MENTOR_HOME first so a fresh SQLite file can be opened."""
    from hr.db import make_engine

    if settings.db_url.startswith("sqlite"):
        settings.home.mkdir(parents=True, exist_ok=True)
    return make_engine(settings.db_url)


def build_queue(settings: Settings, registry: JobRegistry) -> TaskQueue:
    """arq on Redis when MENTOR_REDIS_URL is set (run `mentor worker` too), else in-process threads."""
    if settings.redis_url:
        from adapters.worker.arq_queue import ArqQueue

        return ArqQueue(settings.redis_url, prefix=settings.api.redis_prefix)
    return InProcessQueue(registry, threads=settings.api.worker_threads)


def build_channels(settings: Settings, chat: ChatHandler, directory: EmployeeDirectory, *, hr=None, index=None,
                   engine=None,
                   queue: TaskQueue | None = None, slack_clock=None, wecom_http=None,
                   wecom_sleep: Callable[[float], None] = time.sleep) -> Channels:
    """Dedupe store, queue, and each configured channel; an unconfigured channel is skipped and says why."""
    engine = engine or make_channel_engine(settings)
    ensure_channel_tables(engine)
    from adapters.turn_guard import TurnGuard

    chat = TurnGuard(chat, max_chars=settings.api.max_message_chars, timeout_s=settings.api.turn_timeout_s,
                     threads=settings.api.turn_threads)  # every channel's turns are capped and time-boxed
    registry = JobRegistry()
    channels = Channels(settings=settings, engine=engine, chat=chat, directory=directory,
                        dedupe=build_dedupe_store(settings, engine), queue=queue or build_queue(settings, registry),
                        registry=registry, feedback=FeedbackStore(engine), hr=hr, index=index)
    _add_slack(channels, slack_clock)
    _add_wecom(channels, wecom_http, wecom_sleep)
    _add_hr_jobs(channels)
    _add_ingest_job(channels)
    for name, state in channels.status.items():
        log.info("%s: %s", name, state)
    return channels


def _add_slack(channels: Channels, clock) -> None:
    """Bolt app + responder, when the bot token and signing secret are set."""
    settings = channels.settings
    missing = slack_missing(settings)
    if missing:
        channels.status["slack"] = "not mounted (unset: " + ", ".join(missing) + ")"
        return
    from adapters.slack.bolt_app import build_bolt_app, make_web_client
    from adapters.slack.identity import SlackIdentity
    from adapters.slack.responder import HOME_JOB, REPLY_JOB, SlackResponder

    client = make_web_client(settings.slack.bot_token.get_secret_value(), settings.slack.api_url)
    responder = SlackResponder(client, channels.chat, SlackIdentity(channels.directory, client), channels.dedupe,
                               channels.feedback, hr=channels.hr)
    channels.registry.register(REPLY_JOB, responder.run_reply)
    channels.registry.register(HOME_JOB, responder.run_home)
    channels.slack_client = client
    channels.slack_app = build_bolt_app(settings.slack.signing_secret.get_secret_value(), client, channels.queue,
                                        channels.dedupe, clock=clock)
    channels.status["slack"] = "mounted at POST /slack/events"


def _add_wecom(channels: Channels, http, sleep) -> None:
    """Callback crypto, API client and responder, when all five WeCom variables are set."""
    settings = channels.settings
    missing = wecom_missing(settings)
    if missing:
        channels.status["wecom"] = "not mounted (unset: " + ", ".join(missing) + ")"
        return
    from adapters.wecom.client import WeComClient
    from adapters.wecom.crypto import WeComCrypto
    from adapters.wecom.ratelimit import MemberRateLimiter
    from adapters.wecom.responder import REPLY_JOB, WeComResponder

    w = settings.wecom
    channels.wecom_crypto = WeComCrypto(w.token.get_secret_value(), w.aes_key.get_secret_value(), w.corp_id)
    channels.wecom_client = WeComClient(w.api_url, w.corp_id, w.secret.get_secret_value(), w.agent_id, http=http)
    if settings.redis_url:  # several workers: the caps and the per-member order must hold across processes
        import redis

        from adapters.wecom.ratelimit import RedisMemberRateLimiter

        limiter = RedisMemberRateLimiter(redis.Redis.from_url(settings.redis_url), settings.api.redis_prefix,
                                         w.rate_per_minute, w.rate_per_hour, sleep=sleep)
    else:
        limiter = MemberRateLimiter(w.rate_per_minute, w.rate_per_hour, sleep=sleep)
    responder = WeComResponder(channels.wecom_client, channels.chat, channels.directory, channels.feedback, limiter)
    channels.registry.register(REPLY_JOB, responder.run_reply)
    channels.status["wecom"] = "mounted at GET/POST /wecom/callback"


def _add_hr_jobs(channels: Channels) -> None:
    """With an HR service: nudges and reminders go out through the configured channels, on a schedule."""
    hr = channels.hr
    if hr is None:
        channels.status["reminders"] = "off (no HR service)"
        return
    if channels.slack_client is not None or channels.wecom_client is not None:
        from adapters.notifier import ChannelNotifier

        hr.notifier = ChannelNotifier(channels.slack_client, channels.wecom_client)

    def run_due(_payload: dict[str, Any]) -> None:
        """Session reminders and overdue notices due now (idempotent on HR's side)."""
        report = hr.run_due_jobs()
        log.info("reminders job done: %s", type(report).__name__)

    channels.registry.register(REMINDERS_JOB, run_due)
    channels.status["reminders"] = "scheduled every minute (" + (
        "arq cron in `mentor worker`" if channels.settings.redis_url else "in-process") + ")"


def _add_ingest_job(channels: Channels) -> None:
    """With the chat's knowledge index: `knowledge.ingest` jobs index files under the ingest root, one at a time."""
    index = channels.index
    if index is None:
        channels.status["ingestion"] = "off (no knowledge index)"
        return
    import threading
    from pathlib import Path

    lock = threading.Lock()

    def ingest(payload: dict[str, Any]) -> None:
        """Incremental ingest (unchanged files skipped); the report's counts go to the log."""
        from adapters.audience_tags import known_audience_tags
        from knowledge.ingest import Ingestor

        with lock:
            report = Ingestor(index, known_audience=known_audience_tags(channels.engine)).ingest(
                [Path(p) for p in payload["paths"]], prune=bool(payload.get("prune")))
        log.info("ingest job: added %d, updated %d, unchanged %d, removed %d, failed %d", len(report.added),
                 len(report.updated), len(report.unchanged), len(report.removed), len(report.failed))

    channels.registry.register(INGEST_JOB, ingest)
    channels.status["ingestion"] = "POST /api/admin/ingest"  # /ready is public: the folder goes to the log only
    log.info("ingestion reads files under %s", ingest_root(channels.settings))


def ingest_root(settings: Settings):
    """The only folder API-triggered ingestion may read (MENTOR_API_INGEST_ROOT, default MENTOR_HOME/kb)."""
    return (settings.api.ingest_root or settings.home / "kb").resolve()


def default_backends(settings: Settings) -> Backends:
    """The real bot and HR records from the composition root; one HR service shared by chat, identity and reports."""
    from adapters import wiring
    from adapters.hr_directory import HrEmployeeDirectory

    build_hr = getattr(wiring, "build_hr_service", None)
    if build_hr is not None:
        hr_service = build_hr(settings)
    else:
        from hr.policy import load_policy
        from hr.service import HRService

        hr_service = HRService(make_channel_engine(settings), load_policy(settings.hr_policy_file))
    index = wiring.build_index(settings)
    return Backends(chat=wiring.build_chat_service(settings, hr_service=hr_service, index=index),
                    directory=HrEmployeeDirectory(hr_service), hr=hr_service, index=index)
