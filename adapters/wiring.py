"""The composition root: reads settings once and builds every shared object of a process (the database engine, the
platform clients, the HR service with its notifier, the knowledge index, the chat service, the channels and their
queue) for the CLI, the server and the worker. Nothing else constructs the engine, HRService or a notifier
(tests/unit/test_composition_root.py checks); nothing is built at import time."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from adapters.settings import Settings
from retrieval.embedders.factory import make_embedder
from retrieval.index import KnowledgeIndex
from retrieval.tokenize import Tokenizer, read_glossary
from retrieval.types import Audience

if TYPE_CHECKING:
    import httpx
    from slack_sdk import WebClient
    from sqlalchemy.engine import Engine

    from adapters.channels import Backends, Channels
    from adapters.wecom.client import WeComClient
    from bot.chat_service import ChatService
    from hr.notify import Notifier
    from hr.service import HRService

log = logging.getLogger(__name__)


# database -------------------------------------------------------------------------------------------------------
def build_engine(settings: Settings, *, migrate: bool = True) -> Engine:
    """The process's one database engine, brought to the Alembic heads first (Alembic is the only schema source:
    a fresh or older database is upgraded under a lock, so processes starting together do it once)."""
    if settings.db_url.startswith("sqlite"):
        settings.home.mkdir(parents=True, exist_ok=True)
    return build_engine_at(settings.db_url, migrate=migrate)


def build_engine_at(url: str, *, migrate: bool = True) -> Engine:
    """An engine for a URL a tool holds (benchmarks, evaluation worlds), migrated the same way."""
    from adapters.migrations.runner import upgrade_engine
    from hr.db import make_engine

    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    if migrate:
        upgrade_engine(engine)
    return engine


def build_admin_engine(url: str) -> Engine:
    """An autocommit engine for database administration by tools (CREATE/DROP SCHEMA or DATABASE); never migrated."""
    from sqlalchemy import create_engine

    return create_engine(url, isolation_level="AUTOCOMMIT")


def migrate(settings: Settings) -> str:
    """`mentor db upgrade`: apply every migration branch up to its head; returns where (no password)."""
    engine = build_engine(settings, migrate=False)
    try:
        from adapters.migrations.runner import upgrade_engine

        upgrade_engine(engine)
    finally:
        engine.dispose()
    return settings.db_url.split("@")[-1]


# delivery -------------------------------------------------------------------------------------------------------
@dataclass
class PlatformClients:
    """The Slack Web API and WeCom API clients a process talks through (None when that channel is not configured);
    shared by the channels' responders and the HR notifier."""

    slack: WebClient | None = None
    wecom: WeComClient | None = None

    def close(self) -> None:
        """Release HTTP connections."""
        if self.wecom is not None:
            self.wecom.close()


def build_platform_clients(settings: Settings, *, wecom_http: httpx.Client | None = None) -> PlatformClients:
    """A client for each configured channel (the same variables decide whether the channel is mounted)."""
    from adapters.channels import slack_missing, wecom_missing

    clients = PlatformClients()
    if not slack_missing(settings):
        from adapters.slack.bolt_app import make_web_client

        clients.slack = make_web_client(settings.slack.bot_token.get_secret_value(), settings.slack.api_url)
    if not wecom_missing(settings):
        from adapters.wecom.client import WeComClient

        w = settings.wecom
        clients.wecom = WeComClient(w.api_url, w.corp_id, w.secret.get_secret_value(), w.agent_id, http=wecom_http)
    return clients


def build_notifier(clients: PlatformClients | None) -> Notifier | None:
    """HR's notifier over Slack DM / WeCom, or None when no channel can deliver (notices then wait as pending)."""
    if clients is None or (clients.slack is None and clients.wecom is None):
        return None
    from adapters.notifier import ChannelNotifier

    return ChannelNotifier(clients.slack, clients.wecom)


def build_hr_service(settings: Settings | None, engine: Engine, *, clients: PlatformClients | None = None,
                     policy_file: Path | None = None, clock: Callable[[], datetime] | None = None) -> HRService:
    """The HR service over the shared engine, the policy file (the settings', else the bundled default), and the
    notifier the configured channels allow; with none, delivery is off and says which settings would turn it on."""
    from adapters.notifier import delivery_off_reason
    from hr.policy import load_policy
    from hr.service import HRService, utc_now

    notifier = build_notifier(clients)
    policy = load_policy(policy_file or (settings.hr_policy_file if settings is not None else None))
    return HRService(engine, policy, notifier=notifier,
                     clock=clock or utc_now, delivery_off=None if notifier is not None else delivery_off_reason())


@dataclass
class HrCommandContext:
    """What the HR commands of the CLI need: the engine, the clients (to close) and the HR service."""

    engine: Engine
    clients: PlatformClients
    hr: HRService

    def close(self) -> None:
        """Release connections when the command ends."""
        self.clients.close()
        self.engine.dispose()


def build_hr_command_context(settings: Settings, policy_file: Path | None = None) -> HrCommandContext:
    """The HR side only (no index, no chat): `mentor kpi/report/enroll/progress/jobs ...`."""
    engine = build_engine(settings)
    clients = build_platform_clients(settings)
    return HrCommandContext(engine, clients, build_hr_service(settings, engine, clients=clients,
                                                              policy_file=policy_file))


# knowledge and chat ---------------------------------------------------------------------------------------------
def build_embedder(settings: Settings):
    """The configured embedding backend."""
    r = settings.retrieval
    return make_embedder(r.embedder, model_path=r.embedder_model_path, base_url=r.embeddings_base_url,
                         api_key=r.embeddings_api_key.get_secret_value(), model=r.embeddings_model)


def build_index(settings: Settings, embedder=None, directory: Path | None = None,
                namespace: str = "mentor") -> KnowledgeIndex:
    """The knowledge index under MENTOR_HOME (or against a Chroma server); `directory` for throw-away indexes."""
    glossary = read_glossary(settings.retrieval.glossary_file)
    return KnowledgeIndex(directory or settings.index_dir, embedder or build_embedder(settings),
                          chroma_url=settings.retrieval.chroma_url, tokenizer=Tokenizer(glossary),
                          namespace=namespace, embedding_cache=settings.home / "embedding_cache.sqlite3")


def reader_audience(settings: Settings, employee_id: str | None) -> Audience:
    """What a person may read: their HR record's audience tags; public material only for no one."""
    if not employee_id:
        return Audience.everyone()
    from hr.db import session_scope
    from hr.services.directory import audience_tags, employee_by_id

    engine = build_engine(settings)
    try:
        with session_scope(engine) as db:
            employee = employee_by_id(db, employee_id)
            if employee is None:
                raise UnknownEmployee(f"unknown employee id {employee_id!r}; check the id or load the organisation "
                                      "with `mentor org import DIR`")
            return Audience.of(*audience_tags(db, employee))
    finally:
        engine.dispose()


class UnknownEmployee(LookupError):
    """The --as / token identity names nobody in the HR records."""

    code = "unknown_employee"
    http_status = 404


def build_chat_service(settings: Settings, hr_service: HRService | None = None,
                       index: KnowledgeIndex | None = None) -> ChatService:
    """The bot's ChatService over the HR service, the index, and the LLM when MENTOR_LLM_BASE_URL is set (the HR
    service and index are built here when not given: `mentor chat`, `mentor ask`)."""
    from bot.assembly import assemble_chat_service

    if hr_service is None:
        hr_service = build_hr_service(settings, build_engine(settings), clients=build_platform_clients(settings))
    index = index or build_index(settings)
    chat_model = None
    if settings.llm.base_url:
        from bot.agent.model_factory import build_chat_model

        chat_model = build_chat_model(settings.llm.base_url, settings.llm.api_key.get_secret_value(),
                                      settings.llm.model, settings.llm.timeout_s)
    return assemble_chat_service(hr_service, index, hr_service.engine, chat_model, tool_mode=settings.llm.tool_mode)


# server and worker ----------------------------------------------------------------------------------------------
def build_backends(settings: Settings) -> Backends:
    """The real bot and HR records (`--services adapters.channels:default_backends`): one engine, one set of
    platform clients, one HR service shared by chat, identity, reports and the reminder job."""
    from adapters.channels import Backends
    from adapters.hr_directory import HrEmployeeDirectory

    engine = build_engine(settings)
    clients = build_platform_clients(settings)
    hr = build_hr_service(settings, engine, clients=clients)
    index = build_index(settings)
    return Backends(chat=build_chat_service(settings, hr, index), directory=HrEmployeeDirectory(hr), hr=hr,
                    index=index, engine=engine, clients=clients)


def build_channels_for(settings: Settings, backends: Backends, *, slack_clock=None,
                       wecom_http: httpx.Client | None = None,
                       wecom_sleep: Callable[[float], None] = time.sleep) -> Channels:
    """Every configured channel and the queue around the backends, reusing their engine and platform clients."""
    from adapters.channels import build_channels

    return build_channels(settings, backends.chat, backends.directory, hr=backends.hr, index=backends.index,
                          engine=backends.engine, clients=backends.clients, slack_clock=slack_clock,
                          wecom_http=wecom_http, wecom_sleep=wecom_sleep)
