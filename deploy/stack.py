#!/usr/bin/env python3
"""The local stack without Docker: Apache Kafka, a MongoDB-wire database (SecantusDB), services, consumers.

    python deploy/stack.py fetch    # Kafka jars (cached); checks the database server is installed
    python deploy/stack.py up       # start what is not running; wait for /readyz
    python deploy/stack.py run      # up, seed demo data, stay in the foreground
    python deploy/stack.py status
    python deploy/stack.py down     # stop everything

Standard library only, so ``down`` works even without the virtualenv. The services e-mail through a local
SMTP server (deploy/mailbox.py, process "mail") that keeps every message under var/mail/.
Everything listens on 127.0.0.1; data and logs live under ``var/``; the
Kafka jars are cached outside the work tree.

Kafka is plaintext on loopback unless ``LP_KAFKA_AUTH=scram`` (chosen when
its storage is first formatted, kept afterwards): then, as in production, each
service connects as its own SCRAM user and the ACLs of services/kafka_acl.py
decide what it may write and read (deploy/kafka_auth.py).

``LP_KAFKA_BROKERS=3`` (chosen when Kafka's storage is first formatted, kept
afterwards) runs three KRaft nodes, each broker and controller: brokers on
9092, 9094, 9096 and controllers on 9093, 9095, 9097 (moved together by
``LP_KAFKA_PORT``), processes kafka-1..kafka-3; topics then get replication
factor 3 and ``min.insync.replicas=2``. The default is the single node "kafka".
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

try:
    from deploy import kafka_auth
except ImportError:  # run as `python deploy/stack.py`: deploy/ itself is on the path
    import kafka_auth

ROOT = Path(__file__).resolve().parent.parent
KAFKA_VERSION = "3.9.1"
SERVICES = {"employers": 8001, "workers": 8002, "ethics": 8003, "matcher": 8004}
# Background processes per service (1 when not named): the matcher's share its consumer group and send
# notices with no leader, so two run side by side, as in docker-compose.yml.
WORKER_PROCESSES = {"matcher": 2}
CACHE = Path(os.environ.get("LP_CACHE_DIR", Path.home() / ".cache" / "labour-pathways"))
# The Python processes' malloc arenas (as in deploy/Dockerfile): each gunicorn thread that hashes a password
# (argon2id, 19 MiB) would otherwise keep that block in an arena of its own for good.
MALLOC_ARENA_MAX = "2"
# The local database runs standalone, without an oplog: nothing here reads one (no change streams, no
# transactions; Kafka carries the events). As a one-node replica set, SecantusDB 0.7.0b3 writes every change
# to its oplog as well and, once the oplog is at its bound, trims it every 1,000 writes by walking its oldest
# rows. Measured alone (python -m tests.bench.database_probe): a round of insert, find and update took 10.5 ms
# at any size without an oplog; with one, 16 ms, then 64-71 ms from 7,500 documents on.
DATABASE_TOPOLOGY = "--standalone"


def say(message: str) -> None:
    print(f"[stack] {message}", flush=True)


# --------------------------------------------------------------------- fetch


def kafka_libs() -> Path:
    """The cached broker jars, fetched with Maven on first use."""
    libs = CACHE / f"kafka-{KAFKA_VERSION}" / "libs"
    if (libs / ".complete").exists():
        return libs
    say(f"fetching Apache Kafka {KAFKA_VERSION} jars from Maven Central (first run only, about a minute)")
    tmp = libs.with_name("libs.partial")
    shutil.rmtree(tmp, ignore_errors=True)
    subprocess.run(
        ["mvn", "-B", "-f", str(ROOT / "deploy/kafka/pom.xml"), f"-Dkafka.version={KAFKA_VERSION}",
         "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies",
         "-DincludeScope=runtime", f"-DoutputDirectory={tmp}"],
        check=True,
    )
    shutil.rmtree(libs, ignore_errors=True)
    tmp.rename(libs)
    (libs / ".complete").touch()
    say(f"Kafka jars cached in {libs}")
    return libs


def database_server() -> Path:
    """The SecantusDB server script installed in this Python environment (a development dependency).

    The project runs it as a separate process and never imports it (it is GPL-2.0).
    """
    server = Path(sys.executable).parent / "secantusd-py"
    if not server.exists():
        raise SystemExit(f"[stack] {server} is missing: run `make install` (SecantusDB is a dev dependency)")
    return server


# ----------------------------------------------------------------- processes


def write_private(path: Path, text: str) -> None:
    """Create ``path`` readable by its owner only, from the first byte (O_EXCL with mode 0o600, not a chmod
    after writing, which leaves a moment when the umask's permissions show the secret to others). If
    another process created it first, theirs is kept."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w") as file:
        file.write(text)


@dataclass(frozen=True)
class KafkaNode:
    """One KRaft node of the local stack (broker and controller): its process name, id, ports, files."""

    name: str
    node_id: int
    port: int
    controller_port: int
    dir: Path


@dataclass
class Stack:
    """One local stack: where its files live and which ports it uses."""

    var: Path = ROOT / "var"
    kafka_port: int = 9092
    controller_port: int = 9093
    mongo_port: int = 27017
    smtp_port: int = 8025
    ports: dict = field(default_factory=lambda: dict(SERVICES))
    gunicorn_workers: int = 2
    # gunicorn's line per request (in var/log); production keeps it at the gateway (deploy/nginx.conf).
    access_log: bool = True
    # "plaintext" (loopback only) or "scram": SASL/SCRAM users and ACLs, as in production (deploy/kafka_auth.py).
    kafka_auth: str = "plaintext"
    worker_processes: dict = field(default_factory=lambda: dict(WORKER_PROCESSES))
    # KRaft nodes, each broker and controller: 1, or 3 for a replicated cluster (see kafka_nodes).
    kafka_brokers: int = 1
    # The database's WiredTiger page cache, its memory's bound (SecantusDB's default is 1G).
    database_cache: str = field(default_factory=lambda: os.environ.get("LP_DB_CACHE_SIZE") or "256M")

    @classmethod
    def from_env(cls, environ=os.environ) -> Stack:
        """The developer's stack; ports overridable like the services' (LP_*_PORT)."""
        def port(name, default):
            return int(environ.get(name) or default)

        kafka_port = port("LP_KAFKA_PORT", 9092)
        return cls(
            kafka_port=kafka_port,
            # The controllers move with the brokers: 9093 beside 9092, 9095 beside 9094, ...
            controller_port=port("LP_KAFKA_CONTROLLER_PORT", kafka_port + 1),
            mongo_port=port("LP_MONGO_PORT", 27017),
            smtp_port=port("LP_SMTP_PORT", 8025),
            ports={s: port(f"LP_{s.upper()}_PORT", p) for s, p in SERVICES.items()},
            kafka_auth=environ.get("LP_KAFKA_AUTH") or cls.formatted_kafka_auth(ROOT / "var") or "plaintext",
            kafka_brokers=int(environ.get("LP_KAFKA_BROKERS") or cls.formatted_kafka_brokers(ROOT / "var") or 1),
        )

    def kafka_nodes(self) -> list[KafkaNode]:
        """The KRaft nodes of this stack: one "kafka", or kafka-1..kafka-N on every other port."""
        if self.kafka_brokers == 1:
            return [KafkaNode("kafka", 1, self.kafka_port, self.controller_port, self.var / "kafka")]
        return [KafkaNode(f"kafka-{n}", n, self.kafka_port + 2 * (n - 1), self.controller_port + 2 * (n - 1),
                          self.var / "kafka" / f"node-{n}") for n in range(1, self.kafka_brokers + 1)]

    @property
    def kafka_bootstrap(self) -> str:
        """Every broker's address: a client that loses one finds the others."""
        return ",".join(f"127.0.0.1:{node.port}" for node in self.kafka_nodes())

    @property
    def mongo_url(self) -> str:
        """The URL of this stack's database for its services and tests.

        directConnection: the driver keeps talking to this one server whatever it answers to `hello`
        while it stops and starts, so a running service reconnects after the database alone restarts.
        """
        return f"mongodb://127.0.0.1:{self.mongo_port}/?directConnection=true"

    @property
    def mail_dir(self) -> Path:
        """Where the local SMTP server keeps what it receives."""
        return self.var / "mail"

    @property
    def smtp_url(self) -> str:
        return f"smtp://127.0.0.1:{self.smtp_port}?from=notifications@labour-pathways.localhost"

    @property
    def run_dir(self) -> Path:
        return self.var / "run"

    @property
    def log_dir(self) -> Path:
        return self.var / "log"

    # -- environment

    def secret_key(self) -> str:
        if os.environ.get("LP_SECRET_KEY"):
            return os.environ["LP_SECRET_KEY"]
        path = self.var / "secret_key"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_private(path, secrets.token_urlsafe(48))
        return path.read_text().strip()

    def service_env(self) -> dict:
        """Environment of the Python processes: loopback addresses, the local secret."""
        env = {
            **os.environ,
            "LP_KAFKA_BOOTSTRAP": self.kafka_bootstrap,
            "LP_MONGO_URL": self.mongo_url,
            "LP_SECRET_KEY": self.secret_key(),
            "LP_MATCHER_URL": f"http://127.0.0.1:{self.ports['matcher']}",
            "LP_ETHICS_URL": f"http://127.0.0.1:{self.ports['ethics']}",
            "LP_SMTP_URL": self.smtp_url,
            "PYTHONUNBUFFERED": "1",
            "MALLOC_ARENA_MAX": MALLOC_ARENA_MAX,
        }
        env.update({f"LP_{name.upper()}_PORT": str(port) for name, port in self.ports.items()})
        return env

    # -- process table

    def process_names(self) -> list[str]:
        return (["database"] + [node.name for node in self.kafka_nodes()] + ["mail"] + [f"{s}-web" for s in SERVICES]
                + [name for s in SERVICES for name in self.worker_names(s)])

    def worker_names(self, service: str) -> list[str]:
        """The background processes of ``service``: ``matcher-worker``, ``matcher-worker-2``, ..."""
        count = self.worker_processes.get(service, 1)
        return [f"{service}-worker"] + [f"{service}-worker-{n}" for n in range(2, count + 1)]

    def pid(self, name: str) -> int | None:
        """The pid of a running process of ours called ``name``, else None."""
        path = self.run_dir / f"{name}.pid"
        try:
            pid = int(path.read_text())
            os.kill(pid, 0)
        except (OSError, ValueError):
            return None
        # A recycled pid belongs to someone else: check it is still ours.
        return pid if _tagged(pid, f"lp-stack={self.var}") else None

    def spawn(self, name: str, argv: list[str], env: dict | None = None, cwd: Path = ROOT) -> int:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        env = {**(env or os.environ), "LP_STACK_TAG": f"lp-stack={self.var}"}
        with open(self.log_dir / f"{name}.log", "ab") as log:
            # A session of its own, so stopping it also stops its children
            # (gunicorn's workers) and Ctrl-C in `make run` reaches only us.
            proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                    start_new_session=True, stdin=subprocess.DEVNULL)
        (self.run_dir / f"{name}.pid").write_text(str(proc.pid))
        return proc.pid

    def stop(self, name: str, sig: int = signal.SIGTERM, timeout: float = 20.0) -> None:
        """Stop ``name`` and its process group (SIGKILL after ``timeout``)."""
        pid = self.pid(name)
        if pid is None:
            (self.run_dir / f"{name}.pid").unlink(missing_ok=True)
            return
        _signal_group(pid, sig)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.1)
        if _alive(pid):
            say(f"{name} did not stop in {timeout:.0f}s: killing it")
            _signal_group(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.1)
        (self.run_dir / f"{name}.pid").unlink(missing_ok=True)

    # -- Kafka's users (LP_KAFKA_AUTH=scram)

    @staticmethod
    def formatted_kafka_auth(var: Path) -> str | None:
        """The mode the Kafka storage under ``var`` was formatted in, None before the first start."""
        path = var / "kafka" / "auth"
        return path.read_text().strip() if path.exists() else None

    @staticmethod
    def formatted_kafka_brokers(var: Path) -> int | None:
        """How many nodes the Kafka storage under ``var`` was formatted for, None before the first start."""
        path = var / "kafka" / "brokers"
        return int(path.read_text()) if path.exists() else None

    def kafka_passwords(self) -> dict:
        """The admin's and each service's SCRAM password, made on first use, kept in var/ (0600)."""
        return kafka_auth.passwords(self.var / "kafka-credentials.json", [kafka_auth.ADMIN, *SERVICES])

    def kafka_env(self, user: str) -> dict:
        """The LP_KAFKA_* variables of a process connecting as ``user`` (nothing in plaintext mode)."""
        if self.kafka_auth != "scram":
            return {}
        return kafka_auth.client_env(user, self.kafka_passwords()[user])

    def check_kafka_auth(self) -> None:
        """Refuse a mode other than the one Kafka's storage was formatted in (its users live there)."""
        formatted = self.formatted_kafka_auth(self.var)
        if formatted not in (None, self.kafka_auth):
            raise SystemExit(f"[stack] Kafka's data under {self.var} was made with LP_KAFKA_AUTH={formatted}; "
                             f"start with that, or `make clean` to begin again with {self.kafka_auth}")
        brokers = self.formatted_kafka_brokers(self.var)
        if brokers not in (None, self.kafka_brokers):
            raise SystemExit(f"[stack] Kafka's data under {self.var} was made with LP_KAFKA_BROKERS={brokers}; "
                             f"start with that, or `make clean` to begin again with {self.kafka_brokers}")

    def apply_kafka_acls(self) -> None:
        """Create the topics and the ACL table of services/kafka_acl.py, as the admin."""
        env = {**os.environ, "LP_KAFKA_BOOTSTRAP": self.kafka_bootstrap, **self.kafka_env(kafka_auth.ADMIN)}
        subprocess.run([sys.executable, "-m", "services.kafka_acl"], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)

    # -- infrastructure

    def start_database(self) -> None:
        """SecantusDB (MongoDB's wire protocol on WiredTiger) with its data under var/database.

        After a crash it replays its journal on start, so a killed database restarts on its own data.
        """
        if self.pid("database"):
            return
        data = self.var / "database"
        data.mkdir(parents=True, exist_ok=True)
        # --sync-on-commit: a write is acknowledged only once its journal record is on disk. Without
        # it the record may still sit in WiredTiger's buffer when the ack is sent, and a SIGKILL right
        # after lost the last acknowledged writes (measured: 3-20 of 100 updates). Production's
        # one-node replica set journals before it acknowledges too (w: majority implies j).
        argv = [str(database_server()), "--host", "127.0.0.1", "--port", str(self.mongo_port),
                "--storage-path", str(data), "--log-level", "WARNING", "--sync-on-commit",
                "--cache-size", self.database_cache, DATABASE_TOPOLOGY]
        ensure_port_free(self.mongo_port, "the database", "LP_MONGO_PORT")
        self.spawn("database", argv)
        wait_for(lambda: port_open(self.mongo_port), f"the database on 127.0.0.1:{self.mongo_port}", 60,
                 lambda: self.pid("database") is not None)

    def start_kafka(self) -> None:
        """Start every Kafka node that is not running, then wait for each (a cluster needs its quorum first)."""
        missing = [node for node in self.kafka_nodes() if not self.pid(node.name)]
        if not missing:
            return
        self.check_kafka_auth()
        libs = kafka_libs()
        offsets = {}
        for node in missing:
            properties = self.write_kafka_properties(node)
            self.format_kafka_storage(libs, node, properties)
            log_file = self.log_dir / f"{node.name}.log"
            offsets[node.name] = log_file.stat().st_size if log_file.exists() else 0
            ensure_port_free(node.port, f"Kafka ({node.name})", "LP_KAFKA_PORT")
            ensure_port_free(node.controller_port, f"Kafka's controller ({node.name})", "LP_KAFKA_CONTROLLER_PORT")
            self.spawn(node.name, self.java(libs) + ["kafka.Kafka", str(properties)])
        for node in missing:
            log_file = self.log_dir / f"{node.name}.log"
            wait_for(lambda n=node, f=log_file: "Kafka Server started" in _read_from(f, offsets[n.name])
                     and port_open(n.port),
                     f"Kafka on 127.0.0.1:{node.port}", 120, lambda n=node: self.pid(n.name) is not None)
        if self.kafka_auth == "scram":
            self.apply_kafka_acls()

    def start_mail(self) -> None:
        """The local SMTP server (aiosmtpd, deploy/mailbox.py) on loopback, keeping messages in var/mail/."""
        if self.pid("mail"):
            return
        ensure_port_free(self.smtp_port, "the SMTP server", "LP_SMTP_PORT")
        self.spawn("mail", [sys.executable, "-m", "deploy.mailbox", "--port", str(self.smtp_port),
                            "--directory", str(self.mail_dir)])
        wait_for(lambda: port_open(self.smtp_port), f"the SMTP server on 127.0.0.1:{self.smtp_port}", 30,
                 lambda: self.pid("mail") is not None)

    def java(self, libs: Path) -> list[str]:
        # The whole heap committed and touched at start (-Xms = -Xmx, AlwaysPreTouch), as Kafka is run in
        # production: RSS is then flat from the first minute, not climbing for an hour while G1 grows the heap.
        return ["java", "-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                f"-Dlog4j.configuration=file:{ROOT / 'deploy/kafka/log4j.properties'}",
                "-cp", f"{libs}/*"]

    def write_kafka_properties(self, node: KafkaNode) -> Path:
        data = node.dir / "data"
        data.mkdir(parents=True, exist_ok=True)
        path = node.dir / "server.properties"
        voters = ",".join(f"{n.node_id}@127.0.0.1:{n.controller_port}" for n in self.kafka_nodes())
        path.write_text("\n".join([
            "process.roles=broker,controller",
            f"node.id={node.node_id}",
            f"controller.quorum.voters={voters}",
            *self.kafka_listener_properties(node),
            f"log.dirs={data}",
            "num.partitions=3",
            *self.kafka_replication_properties(),
            "offsets.topic.num.partitions=1",
            "group.initial.rebalance.delay.ms=0",
            "auto.create.topics.enable=true",
            "log.retention.hours=168",
            "",
        ]))
        return path

    def active_kafka_controller(self) -> str | None:
        """The name of the node the KRaft quorum last elected its leader (the active controller), as the
        nodes' quorum-state files say (the newest epoch wins); None before any election."""
        newest = (-1, None)
        names = {node.node_id: node.name for node in self.kafka_nodes()}
        for node in self.kafka_nodes():
            try:
                state = json.loads((node.dir / "data" / "__cluster_metadata-0" / "quorum-state").read_text())
            except (OSError, ValueError):
                continue
            if state.get("leaderId", -1) in names and state.get("leaderEpoch", -1) > newest[0]:
                newest = (state["leaderEpoch"], names[state["leaderId"]])
        return newest[1]

    def kafka_replication_properties(self) -> list[str]:
        """One copy of everything on a single node; on a cluster three, two of which must take each write
        (with producers' acks=all a write is then on two nodes before it is acknowledged)."""
        replicas = min(3, self.kafka_brokers)
        in_sync = 2 if replicas >= 3 else 1
        return [f"default.replication.factor={replicas}",
                f"min.insync.replicas={in_sync}",
                f"offsets.topic.replication.factor={replicas}",
                f"transaction.state.log.replication.factor={replicas}",
                f"transaction.state.log.min.isr={in_sync}",
                *(self.kafka_failover_properties() if replicas > 1 else [])]

    @staticmethod
    def kafka_failover_properties() -> list[str]:
        """How fast a cluster notices a dead node. A SIGKILLed node is fenced, and its partitions led
        elsewhere, after broker.session.timeout.ms without its heartbeat; when it was the active controller,
        the others first wait controller.quorum.fetch.timeout.ms, then elect. Kafka's defaults (9 s and 2 s)
        paused review progress for more than 10 s; with 4 s and 2 s it paused 10.5 s when the controller died
        (measured, tests/e2e/test_cluster_faults.py)."""
        return ["broker.session.timeout.ms=3000", "broker.heartbeat.interval.ms=1000",
                "controller.quorum.fetch.timeout.ms=1500"]

    def kafka_listener_properties(self, node: KafkaNode | None = None) -> list[str]:
        """A node's (default: the first's) listeners and their security: plaintext, or SASL with the users
        and ACLs of deploy/kafka_auth.py."""
        node = node or self.kafka_nodes()[0]
        if self.kafka_auth != "scram":
            return [f"listeners=PLAINTEXT://127.0.0.1:{node.port},CONTROLLER://127.0.0.1:{node.controller_port}",
                    f"advertised.listeners=PLAINTEXT://127.0.0.1:{node.port}",
                    "inter.broker.listener.name=PLAINTEXT",
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"]
        client, controller = kafka_auth.CLIENT_LISTENER, kafka_auth.CONTROLLER_LISTENER
        security = kafka_auth.security_properties(self.kafka_passwords()[kafka_auth.ADMIN])
        return [f"listeners={client}://127.0.0.1:{node.port},{controller}://127.0.0.1:{node.controller_port}",
                f"advertised.listeners={client}://127.0.0.1:{node.port}",
                *(f"{key}={value}" for key, value in security.items())]

    def kafka_cluster_id(self) -> str:
        """The id every node of this stack's cluster is formatted with, made once."""
        path = self.var / "kafka" / "cluster-id"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("="))
        return path.read_text().strip()

    def format_kafka_storage(self, libs: Path, node: KafkaNode, properties: Path) -> None:
        """Format a node's KRaft storage once; later starts keep the data."""
        if (node.dir / "data" / "meta.properties").exists():
            return
        # "--cluster-id=ID": a base64 id may start with "-", which argparse
        # would read as an option if it were a separate argument.
        users = kafka_auth.scram_format_args(self.kafka_passwords()) if self.kafka_auth == "scram" else []
        subprocess.run(self.java(libs) + ["kafka.tools.StorageTool", "format",
                                          f"--cluster-id={self.kafka_cluster_id()}",
                                          f"--config={properties}", "--ignore-formatted", *users],
                       check=True, stdout=subprocess.DEVNULL)
        (self.var / "kafka" / "auth").write_text(self.kafka_auth)
        (self.var / "kafka" / "brokers").write_text(str(self.kafka_brokers))

    # -- services

    def start_service(self, service: str) -> None:
        # Each service's processes connect to Kafka as that service's user (in scram mode).
        env = {**self.service_env(), **self.kafka_env(service)}
        bin_dir = Path(sys.executable).parent
        if not self.pid(f"{service}-web"):
            ensure_port_free(self.ports[service], service, f"LP_{service.upper()}_PORT")
            # gunicorn's workers share their Prometheus counters through files.
            metrics_dir = self.run_dir / f"metrics-{service}"
            shutil.rmtree(metrics_dir, ignore_errors=True)
            metrics_dir.mkdir(parents=True)
            self.spawn(f"{service}-web", [
                str(bin_dir / "gunicorn"), "--bind", f"127.0.0.1:{self.ports[service]}",
                "--workers", str(self.gunicorn_workers), "--threads", "4", "--worker-class", "gthread",
                *(["--access-logfile", "-"] if self.access_log else []),
                "--graceful-timeout", "10", f"{service}.app:create_app()",
            ], {**env, "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)})
        for name in self.worker_names(service):
            if not self.pid(name):
                self.spawn(name, [sys.executable, "-m", f"{service}.worker"], env)

    def readyz(self, service: str) -> bool:
        try:
            # A fixed http://127.0.0.1 URL, so no file: or custom scheme can reach urlopen.
            with urllib.request.urlopen(f"http://127.0.0.1:{self.ports[service]}/readyz", timeout=3) as r:  # nosec B310
                return r.status == 200
        except OSError:
            return False

    def up(self, services=tuple(SERVICES)) -> None:
        """Start whatever is not running, then wait for every /readyz."""
        self.check_kafka_auth()
        self.start_database()
        self.start_kafka()
        self.start_mail()
        for service in services:
            self.start_service(service)
        for service in services:
            wait_for(lambda s=service: self.readyz(s), f"{service} /readyz", 90,
                     lambda s=service: self.pid(f"{s}-web") is not None)

    def down(self) -> None:
        # Services first, so they do not log the infrastructure vanishing.
        for name in reversed(self.process_names()):
            self.stop(name)
        # Then any other process of ours with a pid file: one a former version started under another
        # name (its FerretDB, "ferretdb") would otherwise keep its port and block the next `up`.
        for path in sorted(self.run_dir.glob("*.pid")):
            self.stop(path.stem)

    def status(self) -> dict:
        return {name: self.pid(name) for name in self.process_names()}


# ------------------------------------------------------------------- helpers


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def ensure_port_free(port: int, what: str, variable: str) -> None:
    """Refuse to start ``what`` on a port another program holds (it would look ready, wrongly)."""
    if port_open(port):
        raise SystemExit(f"[stack] port {port} for {what} is taken by a process this stack did not start; "
                         f"stop it or choose another port with {variable}")


def wait_for(check, what: str, timeout: float, still_running=lambda: True) -> None:
    """Poll ``check`` until true, printing progress; fail if the process died or time ran out."""
    started = time.monotonic()
    next_note = started + 5
    while not check():
        if not still_running():
            raise SystemExit(f"[stack] {what}: the process exited; see var/log/")
        if time.monotonic() - started > timeout:
            raise SystemExit(f"[stack] {what}: not ready after {timeout:.0f}s; see var/log/")
        if time.monotonic() > next_note:
            say(f"waiting for {what} ({time.monotonic() - started:.0f}s)")
            next_note += 5
        time.sleep(0.2)


def _tagged(pid: int, tag: str) -> bool:
    """True if process ``pid`` carries ``tag`` in its environment."""
    for _ in range(10):
        try:
            environ = Path(f"/proc/{pid}/environ").read_bytes()
        except OSError:
            return False
        # Right after exec the environment can read empty for a moment.
        if environ:
            return tag.encode() in environ
        time.sleep(0.05)
    return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    # A zombie (our own child, not yet reaped) is gone for our purposes, once all its threads are: a
    # killed process's main thread turns zombie while its other threads still hold its port for a
    # few milliseconds (measured on the database: 13 ms), and a restart then found the port taken.
    try:
        zombie = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
        return not zombie or len(os.listdir(f"/proc/{pid}/task")) > 1
    except OSError:
        return False


def _signal_group(pid: int, sig: int) -> None:
    try:
        os.killpg(pid, sig)
    except OSError:
        pass


def _read_from(path: Path, offset: int) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            return f.read().decode(errors="replace")
    except OSError:
        return ""


def print_urls(stack: Stack) -> None:
    for service, port in stack.ports.items():
        say(f"{service:<10} http://127.0.0.1:{port}/   (API: /openapi.json)")
    say(f"Kafka      {stack.kafka_bootstrap} ({stack.kafka_auth})   "
        f"database mongodb://127.0.0.1:{stack.mongo_port} (SecantusDB)")
    say(f"mail       SMTP 127.0.0.1:{stack.smtp_port}: every e-mail sent is a file in {stack.mail_dir}/ "
        f"(one line per delivery in {stack.mail_dir}/received.log)")
    say(f"logs in {stack.log_dir}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["fetch", "up", "run", "down", "status"])
    args = parser.parse_args(argv)
    stack = Stack.from_env()
    if args.command == "fetch":
        kafka_libs()
        database_server()
    elif args.command == "up":
        started = time.monotonic()
        stack.up()
        say(f"up in {time.monotonic() - started:.1f}s")
        print_urls(stack)
    elif args.command == "run":
        run_foreground(stack)
    elif args.command == "down":
        stack.down()
        say("stopped")
    else:
        for name, pid in stack.status().items():
            print(f"{name:<18} {'running, pid ' + str(pid) if pid else 'stopped'}")
        messages = len(list(stack.mail_dir.glob("*.eml"))) if stack.mail_dir.exists() else 0
        print(f"{'mail':<18} SMTP 127.0.0.1:{stack.smtp_port}, {messages} message(s) in {stack.mail_dir}")
        scram = stack.kafka_auth == "scram"
        print(f"{'kafka brokers':<18} {stack.kafka_brokers} ({stack.kafka_bootstrap})")
        print(f"{'kafka auth':<18} {stack.kafka_auth}"
              f"{' (SCRAM users and ACLs; passwords in var/kafka-credentials.json)' if scram else ''}")


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


def run_foreground(stack: Stack) -> None:
    """Up, seed, print the URLs, then wait; Ctrl-C (or SIGTERM) stops everything."""
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        stack.up()
        subprocess.run([sys.executable, "-m", "deploy.seed"], cwd=ROOT, env=stack.service_env(), check=True)
        print_urls(stack)
        say("running; press Ctrl-C to stop")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        say("stopping")
    finally:
        stack.down()
        say("stopped")


if __name__ == "__main__":
    main()
