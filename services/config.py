"""Settings read from the environment, in one place, with local defaults.

Every variable starts with ``LP_``. The defaults suit the local stack on
loopback; production sets them in ``docker-compose.yml``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

SERVICE_PORTS = {"employers": 8001, "workers": 8002, "ethics": 8003, "matcher": 8004}


class ConfigError(RuntimeError):
    """A required setting is missing or malformed."""


def _int(env: dict, name: str, default: int) -> int:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from exc


def _float(env: dict, name: str, default: float) -> float:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from exc


def _bool(env: dict, name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


# Seconds the ethics text rules may spend on one document (issue 12): past it the document is blocked
# with the manual-review flag. A real check takes about a millisecond, so this only stops pathological texts.
DEFAULT_CHECK_BUDGET_SECONDS = 2.0


def check_budget_seconds(environ: dict | None = None) -> float:
    """``LP_CHECK_BUDGET_SECONDS``: the time budget of one ethics check (API, dry run and consumer)."""
    env = os.environ if environ is None else environ
    budget = _float(env, "LP_CHECK_BUDGET_SECONDS", DEFAULT_CHECK_BUDGET_SECONDS)
    if budget <= 0:
        raise ConfigError(f"LP_CHECK_BUDGET_SECONDS must be positive, got {budget!r}")
    return budget


def _require_key_hex(env: dict, name: str) -> None:
    """A derived key (``python -m services.keys``) is 32 bytes in hex, if given at all."""
    raw = env.get(name, "")
    try:
        if raw and len(bytes.fromhex(raw)) == 32:
            return
    except ValueError:
        pass
    if raw:
        raise ConfigError(f"{name} must be 64 hexadecimal characters, as `python -m services.keys` prints")


@dataclass(frozen=True)
class Settings:
    """Everything a service process needs to know about its surroundings."""

    service: str
    env: str = "dev"
    secret_key: str = ""
    # Instead of the master key, a container may get only what it needs (``python -m services.keys``):
    # its own root key and, for the employers, workers and matcher, the key of the matcher's service tokens.
    service_secret: str = ""
    matcher_token_key: str = ""
    mongo_url: str = "mongodb://127.0.0.1:27017"
    mongo_db_prefix: str = "lp_"
    kafka_bootstrap: str = "127.0.0.1:9092"
    matcher_url: str = "http://127.0.0.1:8004"
    # The ethics service's public API, for the employers' dry run (services/ethics_client.py).
    ethics_url: str = "http://127.0.0.1:8003"
    token_ttl_seconds: int = 24 * 3600
    secure_cookies: bool = False
    trust_proxy: bool = False
    log_level: str = "INFO"
    outbox_poll_seconds: float = 0.2
    consumer_max_attempts: int = 3
    # Seconds without a message after which a worker asks the broker whether its consumer is still in the
    # group, and replaces it if the group has no member (services/consumer.py MembershipWatch).
    consumer_stuck_seconds: float = 120.0
    matcher_model: str = ""
    check_budget_seconds: float = DEFAULT_CHECK_BUDGET_SECONDS
    # Vacancy creations and edits per employer (employers/vacancies.py says why these numbers).
    vacancy_changes_per_hour: int = 30
    vacancy_changes_per_day: int = 120
    # Vacancies created by bulk import per employer and day (employers/imports.py says why).
    vacancy_import_rows_per_day: int = 2000
    # (ethics) Seconds between two publications of the open compliance data (ethics/open_data.py).
    open_data_seconds: int = 3600
    # (ethics) Seconds between two rounds of counting again what writes marked (ethics/recounts.py).
    recount_seconds: float = 2.0
    # The workers service's cache of /me/matches answers per web process (workers/match_cache.py): seconds an
    # answer is kept (0: never; at most the matcher's watch, 300 s, which is what sends the notice dropping
    # it) and how many workers' answers (measured: 10,000 answers of 5 KB gzipped take 74 MB per process).
    matches_cache_seconds: int = 300
    matches_cache_entries: int = 10000
    # (matcher) How long a worker stays watched after the matcher ranked them for a read: a change of their
    # first 20 within it sends ``matches.updated``. At least ``matches_cache_seconds``: the notice is what
    # drops that cache.
    matches_watch_seconds: int = 300
    # Seconds a web process reuses an account's token version it read (services/credentials.py): a token
    # revoked in another process stops working within this time (in the revoking process at once); 0: read
    # the database on every request.
    token_version_cache_seconds: float = 1.0
    # Only employers an auditor verified reach workers: their candidates, offers and matches (default on
    # in production, off in the local demo; LP_REQUIRE_EMPLOYER_VERIFICATION).
    require_employer_verification: bool = False
    # Notifications (services/notify.py): the SMTP server e-mails go through (none: in-app only), the public
    # address their links start with (none: this service on loopback), and how long a sender holds one.
    smtp_url: str = field(default="", repr=False)
    public_url: str = ""
    notify_lease_seconds: float = 60.0
    ports: dict = field(default_factory=lambda: dict(SERVICE_PORTS))
    # Kafka authentication (issue 12): SASL/SCRAM with this service's own user, or plaintext when
    # no user is set (the local stack's loopback default). See ``kafka_from_env``.
    kafka_security_protocol: str = "PLAINTEXT"
    kafka_sasl_mechanism: str = "SCRAM-SHA-512"
    kafka_username: str = ""
    kafka_password: str = field(default="", repr=False)
    # Copies of each topic the services create (``LP_KAFKA_REPLICATION``); 0: one per bootstrap server, at
    # most three, so the three-broker cluster's bootstrap list of three gives 3 (see kafka_replication_factor).
    kafka_replication: int = 0

    @property
    def mongo_db(self) -> str:
        """The database this service owns."""
        return f"{self.mongo_db_prefix}{self.service}"

    @property
    def port(self) -> int:
        return self.ports[self.service]

    @property
    def kafka_servers(self) -> list[str]:
        return [s.strip() for s in self.kafka_bootstrap.split(",") if s.strip()]

    @property
    def kafka_replication_factor(self) -> int:
        """Replicas of each topic created: ``kafka_replication``, else min(3, bootstrap servers)."""
        return self.kafka_replication or min(3, len(self.kafka_servers))

    @property
    def kafka_min_insync_replicas(self) -> int:
        """Replicas that must hold a write before an ``acks=all`` producer is answered: 2 of 3, else 1."""
        return 2 if self.kafka_replication_factor >= 3 else 1

    @classmethod
    def from_env(cls, service: str, environ: dict | None = None) -> Settings:
        """Read the settings of ``service`` from ``environ`` (default: os.environ)."""
        env = dict(os.environ if environ is None else environ)
        ports = {
            name: _int(env, f"LP_{name.upper()}_PORT", default)
            for name, default in SERVICE_PORTS.items()
        }
        stage = env.get("LP_ENV", "dev")
        secret, service_secret = env.get("LP_SECRET_KEY", ""), env.get("LP_SERVICE_SECRET", "")
        # Tokens and sessions are signed with keys derived from this one; a guessable default
        # would let anyone mint an auditor token, so there is none.
        if not secret and not service_secret:
            raise ConfigError("LP_SECRET_KEY is not set (the local stack writes one to var/secret_key)")
        if stage == "prod" and secret and len(secret) < 32:
            raise ConfigError("LP_SECRET_KEY must be at least 32 characters in production")
        for name in ("LP_SERVICE_SECRET", "LP_MATCHER_TOKEN_KEY"):
            _require_key_hex(env, name)
        return cls(
            service=service,
            env=stage,
            secret_key=secret,
            service_secret=service_secret,
            matcher_token_key=env.get("LP_MATCHER_TOKEN_KEY", ""),
            mongo_url=env.get("LP_MONGO_URL", cls.mongo_url),
            mongo_db_prefix=env.get("LP_MONGO_DB_PREFIX", cls.mongo_db_prefix),
            matcher_url=env.get("LP_MATCHER_URL", cls.matcher_url),
            ethics_url=env.get("LP_ETHICS_URL", cls.ethics_url),
            token_ttl_seconds=_int(env, "LP_TOKEN_TTL_SECONDS", cls.token_ttl_seconds),
            secure_cookies=_bool(env, "LP_SECURE_COOKIES", stage == "prod"),
            trust_proxy=_bool(env, "LP_TRUST_PROXY", False),
            log_level=env.get("LP_LOG_LEVEL", cls.log_level).upper(),
            outbox_poll_seconds=_float(env, "LP_OUTBOX_POLL_SECONDS", cls.outbox_poll_seconds),
            consumer_max_attempts=_int(env, "LP_CONSUMER_MAX_ATTEMPTS", cls.consumer_max_attempts),
            consumer_stuck_seconds=_float(env, "LP_CONSUMER_STUCK_SECONDS", cls.consumer_stuck_seconds),
            matcher_model=env.get("LP_MATCHER_MODEL", ""),
            check_budget_seconds=check_budget_seconds(env),
            vacancy_changes_per_hour=_int(env, "LP_VACANCY_CHANGES_PER_HOUR", cls.vacancy_changes_per_hour),
            vacancy_changes_per_day=_int(env, "LP_VACANCY_CHANGES_PER_DAY", cls.vacancy_changes_per_day),
            vacancy_import_rows_per_day=_int(env, "LP_VACANCY_IMPORT_ROWS_PER_DAY", cls.vacancy_import_rows_per_day),
            open_data_seconds=_int(env, "LP_OPEN_DATA_SECONDS", cls.open_data_seconds),
            recount_seconds=_float(env, "LP_RECOUNT_SECONDS", cls.recount_seconds),
            matches_cache_seconds=_int(env, "LP_MATCHES_CACHE_SECONDS", cls.matches_cache_seconds),
            matches_cache_entries=_int(env, "LP_MATCHES_CACHE_ENTRIES", cls.matches_cache_entries),
            matches_watch_seconds=_int(env, "LP_MATCHES_WATCH_SECONDS", cls.matches_watch_seconds),
            token_version_cache_seconds=_float(env, "LP_TOKEN_VERSION_CACHE_SECONDS",
                                               cls.token_version_cache_seconds),
            require_employer_verification=_bool(env, "LP_REQUIRE_EMPLOYER_VERIFICATION", stage == "prod"),
            smtp_url=env.get("LP_SMTP_URL", ""),
            public_url=_public_url(env, service),
            notify_lease_seconds=_float(env, "LP_NOTIFY_LEASE_SECONDS", cls.notify_lease_seconds),
            ports=ports,
            **kafka_from_env(env),
        )


def _public_url(env: dict, service: str) -> str:
    """Where this service's pages are reached from outside: ``LP_<SERVICE>_PUBLIC_URL``, else the gateway's
    ``LP_PUBLIC_URL`` and the service's path behind it (deploy/nginx.conf), else none."""
    if env.get(f"LP_{service.upper()}_PUBLIC_URL"):
        return env[f"LP_{service.upper()}_PUBLIC_URL"]
    gateway = env.get("LP_PUBLIC_URL", "").rstrip("/")
    return f"{gateway}/{service}" if gateway else ""


def kafka_from_env(env: dict) -> dict:
    """The Kafka settings of ``env`` (LP_KAFKA_*) as Settings fields: SASL when a user is set."""
    username = env.get("LP_KAFKA_USERNAME", "")
    protocol = env.get("LP_KAFKA_SECURITY_PROTOCOL") or ("SASL_PLAINTEXT" if username else "PLAINTEXT")
    if protocol.startswith("SASL") and not (username and env.get("LP_KAFKA_PASSWORD")):
        raise ConfigError(f"LP_KAFKA_SECURITY_PROTOCOL={protocol} needs LP_KAFKA_USERNAME and LP_KAFKA_PASSWORD")
    return {
        "kafka_bootstrap": env.get("LP_KAFKA_BOOTSTRAP", Settings.kafka_bootstrap),
        "kafka_security_protocol": protocol,
        "kafka_sasl_mechanism": env.get("LP_KAFKA_SASL_MECHANISM") or Settings.kafka_sasl_mechanism,
        "kafka_username": username,
        "kafka_password": env.get("LP_KAFKA_PASSWORD", ""),
        "kafka_replication": _int(env, "LP_KAFKA_REPLICATION", Settings.kafka_replication),
    }
