"""Builds every channel from settings plus a chat handler and a directory (the channels' part of the composition
root: the engine and the platform clients come from adapters.wiring, never from here)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from adapters.dedupe import DedupeStore, build_dedupe_store
from adapters.feedback import FeedbackStore
from adapters.ports import ChatHandler, EmployeeDirectory
from adapters.settings import Settings
from adapters.worker.queue import INGEST_JOB, REMINDERS_JOB, InProcessQueue, JobRegistry, TaskQueue

if TYPE_CHECKING:
    import httpx
    from slack_bolt import App
    from slack_sdk import WebClient
    from sqlalchemy.engine import Engine

    from adapters.intake import Intake
    from adapters.wecom.client import WeComClient
    from adapters.wecom.crypto import WeComCrypto
    from adapters.wiring import PlatformClients
    from hr.service import HRService
    from retrieval.index import KnowledgeIndex

log = logging.getLogger(__name__)


@dataclass
class Backends:
    """What the channels sit on: the chat handler, the identity directory and (optionally) the HR service."""

    chat: ChatHandler
    directory: EmployeeDirectory
    hr: HRService | None = None  # reports/KPI API and the reminders job (its notifier was built by wiring)
    index: KnowledgeIndex | None = None  # the index the chat reads: ingestion jobs write into the same object
    engine: Engine | None = None  # the process's one engine (wiring.build_engine); built from settings when absent
    clients: PlatformClients | None = None  # Slack/WeCom clients shared with the HR notifier


@dataclass
class Channels:
    """Everything the app, the worker and the notifier share; built once per process."""

    settings: Settings
    engine: Engine
    chat: ChatHandler
    directory: EmployeeDirectory
    dedupe: DedupeStore
    queue: TaskQueue
    registry: JobRegistry
    feedback: FeedbackStore
    clients: PlatformClients
    slack_app: App | None = None
    wecom_crypto: WeComCrypto | None = None
    hr: HRService | None = None
    index: KnowledgeIndex | None = None
    status: dict[str, str] = field(default_factory=dict)
    intake: Intake | None = None  # claim + enqueue on the server's event loop (acks); built with dedupe and queue

    @property
    def slack_client(self) -> WebClient | None:
        """The Slack Web API client (None when Slack is not configured)."""
        return self.clients.slack if self.slack_app is not None else None

    @property
    def wecom_client(self) -> WeComClient | None:
        """The WeCom API client (None when WeCom is not configured)."""
        return self.clients.wecom if self.wecom_crypto is not None else None

    def close(self) -> None:
        """Drain the queue and release clients."""
        self.queue.close()
        self.clients.close()


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


def make_channel_engine(settings: Settings) -> Engine:
    """The shared, migrated engine (kept for callers that predate adapters.wiring.build_engine; it builds it)."""
    from adapters import wiring

    return wiring.build_engine(settings)


def build_queue(settings: Settings, registry: JobRegistry) -> TaskQueue:
    """arq on Redis when MENTOR_REDIS_URL is set (run `mentor worker` too), else in-process threads."""
    if settings.redis_url:
        from adapters.worker.arq_queue import ArqQueue

        return ArqQueue(settings.redis_url, prefix=settings.api.redis_prefix)
    return InProcessQueue(registry, threads=settings.api.worker_threads)


def build_channels(settings: Settings, chat: ChatHandler, directory: EmployeeDirectory, *, hr: HRService | None = None,
                   index: KnowledgeIndex | None = None, engine: Engine | None = None,
                   clients: PlatformClients | None = None, queue: TaskQueue | None = None, slack_clock=None,
                   wecom_http: httpx.Client | None = None,
                   wecom_sleep: Callable[[float], None] = time.sleep) -> Channels:
    """Dedupe store, queue, and each configured channel; an unconfigured channel is skipped and says why. The engine
    and the platform clients come from the composition root (adapters.wiring), given or built there."""
    from adapters import wiring
    from adapters.intake import build_intake

    engine = engine or (hr.engine if hr is not None else wiring.build_engine(settings))
    clients = clients or wiring.build_platform_clients(settings, wecom_http=wecom_http)
    from adapters.turn_guard import TurnGuard

    chat = TurnGuard(chat, max_chars=settings.api.max_message_chars, timeout_s=settings.api.turn_timeout_s,
                     threads=settings.api.turn_threads)  # every channel's turns are capped and time-boxed
    registry = JobRegistry()
    channels = Channels(settings=settings, engine=engine, chat=chat, directory=directory,
                        dedupe=build_dedupe_store(settings, engine), queue=queue or build_queue(settings, registry),
                        registry=registry, feedback=FeedbackStore(engine), clients=clients, hr=hr, index=index)
    channels.intake = build_intake(settings.redis_url, settings.api.redis_prefix, settings.api.dedupe_ttl_s,
                                   channels.dedupe, channels.queue)
    _add_slack(channels, slack_clock)
    _add_wecom(channels, wecom_sleep)
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
    from adapters.slack.bolt_app import build_bolt_app
    from adapters.slack.identity import SlackIdentity
    from adapters.slack.responder import HOME_JOB, REPLY_JOB, SlackResponder

    client = channels.clients.slack
    responder = SlackResponder(client, channels.chat, SlackIdentity(channels.directory, client), channels.dedupe,
                               channels.feedback, hr=channels.hr)
    channels.registry.register(REPLY_JOB, responder.run_reply)
    channels.registry.register(HOME_JOB, responder.run_home)
    channels.slack_app = build_bolt_app(settings.slack.signing_secret.get_secret_value(), client, channels.queue,
                                        channels.dedupe, clock=clock)
    channels.status["slack"] = "mounted at POST /slack/events"


def _add_wecom(channels: Channels, sleep) -> None:
    """Callback crypto, API client and responder, when all five WeCom variables are set."""
    settings = channels.settings
    missing = wecom_missing(settings)
    if missing:
        channels.status["wecom"] = "not mounted (unset: " + ", ".join(missing) + ")"
        return
    from adapters.wecom.crypto import WeComCrypto
    from adapters.wecom.ratelimit import MemberRateLimiter
    from adapters.wecom.responder import REPLY_JOB, WeComResponder

    w = settings.wecom
    channels.wecom_crypto = WeComCrypto(w.token.get_secret_value(), w.aes_key.get_secret_value(), w.corp_id)
    if settings.redis_url:  # several workers: the caps and the per-member order must hold across processes
        import redis

        from adapters.wecom.ratelimit import RedisMemberRateLimiter

        limiter = RedisMemberRateLimiter(redis.Redis.from_url(settings.redis_url), settings.api.redis_prefix,
                                         w.rate_per_minute, w.rate_per_hour, sleep=sleep)
    else:
        limiter = MemberRateLimiter(w.rate_per_minute, w.rate_per_hour, sleep=sleep)
    responder = WeComResponder(channels.clients.wecom, channels.chat, channels.directory, channels.feedback, limiter)
    channels.registry.register(REPLY_JOB, responder.run_reply)
    channels.status["wecom"] = "mounted at GET/POST /wecom/callback"


def _add_hr_jobs(channels: Channels) -> None:
    """With an HR service: reminders and overdue notices are queued and delivered on a schedule; when no channel can
    deliver, say so once at start (notices then wait as pending until Slack or WeCom is configured)."""
    hr = channels.hr
    if hr is None:
        channels.status["reminders"] = "off (no HR service)"
        return

    def run_due(_payload: dict[str, Any]) -> None:
        """Queue what is due now and deliver everything pending (idempotent on HR's side)."""
        report = hr.run_due_jobs()
        log.info("reminders job: queued %s, sent %s, pending %s", sum(report.queued.values()),
                 sum(report.sent.values()), report.pending)

    channels.registry.register(REMINDERS_JOB, run_due)
    schedule = "arq cron in `mentor worker`" if channels.settings.redis_url else "in-process"
    if hr.delivery_off is not None:
        channels.status["reminders"] = f"scheduled every minute ({schedule}); delivery OFF: notices stay pending"
        log.warning("notification delivery is off: %s", hr.delivery_off.reason_en)
    else:
        via = " and ".join(name for name, client in (("Slack", channels.clients.slack),
                                                     ("WeCom", channels.clients.wecom)) if client is not None)
        channels.status["reminders"] = f"scheduled every minute ({schedule}); delivered via {via}"


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
            report = Ingestor(index, known_audience=known_audience_tags(channels.engine),
                              ignored_keys=channels.settings.ingest.keys).ingest(
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
    """The real bot and HR records, built by the composition root (the default `--services` factory)."""
    from adapters import wiring

    return wiring.build_backends(settings)
