"""The composition root: reads settings once and builds the object graph (nothing is built at import time)."""

from __future__ import annotations

from pathlib import Path

from adapters.settings import Settings
from retrieval.embedders.factory import make_embedder
from retrieval.index import KnowledgeIndex
from retrieval.tokenize import Tokenizer, read_glossary
from retrieval.types import Audience


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
    from hr.db import make_engine, session_scope
    from hr.services.directory import audience_tags, employee_by_id

    engine = make_engine(settings.db_url)
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


def build_chat_service(settings: Settings, hr_service=None, index=None):
    """The bot's ChatService: HR records, the knowledge index, and the LLM when MENTOR_LLM_BASE_URL is set."""
    from bot.assembly import assemble_chat_service
    from bot.store.quiz_sessions import create_bot_tables
    from hr.db import make_engine

    if hr_service is None:
        builder = globals().get("build_hr_service")
        if builder is not None:
            hr_service = builder(settings)
        else:
            from hr.policy import load_policy
            from hr.service import HRService

            hr_service = HRService(make_engine(settings.db_url), load_policy(settings.hr_policy_file))
    create_bot_tables(hr_service.engine)  # no-op when `mentor db upgrade` already made them
    chat_model = None
    if settings.llm.base_url:
        from bot.agent.model_factory import build_chat_model

        chat_model = build_chat_model(settings.llm.base_url, settings.llm.api_key.get_secret_value(),
                                      settings.llm.model, settings.llm.timeout_s)
    return assemble_chat_service(hr_service, index or build_index(settings), hr_service.engine, chat_model)
