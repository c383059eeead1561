"""Checks of the production deployment files: docker-compose.yml, the gateway's
nginx.conf and the image's Dockerfile.

The structure is read with PyYAML, so these run without Docker; the
`docker-compose config` checks need Debian's docker-compose (`make test` installs it) and the
replica-set script's check needs node: without them these skip, except under CI, where they fail
(``tests.tools.needed``).
"""

import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from deploy import kafka_auth, stack
from services import keys
from services.kafka_acl import SERVICES
from tests.tools import needed

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"

WEB_PORTS = {"employers": 8001, "workers": 8002, "ethics": 8003, "matcher": 8004}
ROUTED = ["employers", "workers", "ethics"]
# The matcher's two background processes share its consumer group, with no leader (deploy/stack.py runs two too).
WORKERS = [*(f"{name}-worker" for name in WEB_PORTS), "matcher-worker-2"]
APP_SERVICES = [*WEB_PORTS, *WORKERS]
KAFKA_START = ROOT / "deploy" / "kafka" / "compose-start.sh"
MONGO_USERS = ROOT / "deploy" / "mongo" / "create-users.js"
MONGO_START = ROOT / "deploy" / "mongo" / "start.sh"
MONGO_INIT = ROOT / "deploy" / "mongo" / "init-replica-set.sh"
# Every secret the operator must set; compose refuses to start without any of them.
SECRETS = [*(f"LP_{s.upper()}_SERVICE_SECRET" for s in SERVICES), "LP_MATCHER_TOKEN_KEY",
           "LP_MONGO_ROOT_USERNAME", "LP_MONGO_ROOT_PASSWORD", "LP_MONGO_KEYFILE", "LP_KAFKA_ADMIN_PASSWORD",
           *(f"LP_MONGO_{s.upper()}_PASSWORD" for s in SERVICES), *(f"LP_KAFKA_{s.upper()}_PASSWORD" for s in SERVICES),
           # Required too, without a default: where notifications are e-mailed through, and linked to.
           "LP_SMTP_URL", "LP_PUBLIC_URL"]
# The apache/kafka image's rule from KAFKA_* variables to settings (KafkaDockerWrapper).
NOT_SETTINGS = {"KAFKA_VERSION", "KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS",
                "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL", "KAFKA_LOG4J_LOGGERS",
                "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_JMX_HOSTNAME"}


@pytest.fixture(scope="module")
def compose():
    """The compose file as data (merge keys `<<` resolved by safe_load)."""
    return yaml.safe_load(COMPOSE_FILE.read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


@pytest.fixture(scope="module")
def nginx():
    return _strip_nginx(NGINX_CONF.read_text())


def _command(service):
    """A service's command as a list, whichever form the file uses."""
    command = service["command"]
    return shlex.split(command) if isinstance(command, str) else [str(part) for part in command]


def _healthcheck_text(service):
    test = service["healthcheck"]["test"]
    return test if isinstance(test, str) else " ".join(test)


def _strip_nginx(text):
    """Drop comments and blank out quoted strings, so braces can be counted."""
    text = re.sub(r"(^|\s)#[^\n]*", r"\1", text)
    return re.sub(r"'[^']*'|\"[^\"]*\"", '""', text)


def _block(conf, opener):
    """The body of the nginx block that starts with `opener {`."""
    match = re.search(re.escape(opener) + r"\s*\{", conf)
    assert match, f"no `{opener} {{` block in {NGINX_CONF.name}"
    depth, start = 1, match.end()
    for index in range(start, len(conf)):
        depth += {"{": 1, "}": -1}.get(conf[index], 0)
        if depth == 0:
            return conf[start:index]
    raise AssertionError(f"unterminated block `{opener}`")


def _compose_cli(*args, env):
    return subprocess.run(
        [needed("docker-compose"), *args, "-f", str(COMPOSE_FILE), "config", "-q"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _required(name):
    """How the compose file asks for a secret: no default, an error naming it."""
    return f"${{{name}:?set {name}}}"


def _interpolations(value):
    return re.findall(r"\$\{([^}]*)\}", str(value))


def _image_settings(environment):
    """What the apache/kafka image makes of a service's KAFKA_* variables: server.properties keys and values."""
    settings = {}
    for key, value in environment.items():
        if key.startswith("KAFKA_") and key not in NOT_SETTINGS:
            name = key.removeprefix("KAFKA_").lower().replace("_", ".").replace("...", "-").replace("..", "_")
            settings[name] = str(value)
    return settings


def test_docker_compose_accepts_the_file():
    env = {**os.environ, **{name: "test" for name in SECRETS}}
    result = _compose_cli(env=env)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", SECRETS)
def test_docker_compose_refuses_to_run_without_a_secret(tmp_path, missing):
    empty_env_file = tmp_path / "empty.env"
    empty_env_file.write_text("")
    env = {**{k: v for k, v in os.environ.items() if k not in SECRETS}, **{n: "test" for n in SECRETS if n != missing}}
    result = _compose_cli("--env-file", str(empty_env_file), env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_every_secret_is_required_and_none_has_a_default():
    interpolated = set(_interpolations(COMPOSE_FILE.read_text()))
    assert {name.split(":?")[0] for name in interpolated} == set(SECRETS)
    assert all(":?" in name for name in interpolated), "a ${VAR:-default} would let a stack start unprotected"


def test_mongo_runs_mongodb_7_as_a_replica_set_healthy_only_as_its_primary(services):
    mongo = services["mongo"]
    assert mongo["image"] == "mongo:7"
    assert "mongo-data:/data/db" in mongo["volumes"]
    assert _command(mongo) == ["mongod", "--replSet", "rs0", "--keyFile", "/tmp/mongo-keyfile", "--bind_ip_all"]
    health = _healthcheck_text(mongo)
    assert "mongosh" in health and "quit(db.hello().isWritablePrimary ? 0 : 1)" in health


def test_mongo_writes_its_replica_set_key_file_from_a_required_secret_then_starts_as_the_image_does(services):
    mongo = services["mongo"]
    assert mongo["entrypoint"] == ["/bin/bash", "/opt/lp/mongo-start.sh"]
    assert "./deploy/mongo/start.sh:/opt/lp/mongo-start.sh:ro" in mongo["volumes"]
    assert mongo["environment"]["LP_MONGO_KEYFILE"] == _required("LP_MONGO_KEYFILE")
    script = MONGO_START.read_text()
    assert "KEYFILE=/tmp/mongo-keyfile" in script and "chmod 400" in script and "chown mongodb:mongodb" in script
    assert script.rstrip().endswith('exec docker-entrypoint.sh "$@"')


def test_mongo_init_initiates_the_replica_set_once_mongo_runs_and_the_services_wait_for_it(services):
    init = services["mongo-init"]
    assert init["image"] == "mongo:7"
    assert init["command"] == ["/bin/bash", "/opt/lp/init-replica-set.sh"]
    assert "./deploy/mongo/init-replica-set.sh:/opt/lp/init-replica-set.sh:ro" in init["volumes"]
    assert init["depends_on"] == {"mongo": {"condition": "service_started"}}
    for variable in ("LP_MONGO_ROOT_USERNAME", "LP_MONGO_ROOT_PASSWORD"):
        assert init["environment"][variable] == _required(variable)
    for name in APP_SERVICES:
        assert services[name]["depends_on"]["mongo-init"] == {"condition": "service_completed_successfully"}


def _run_init_script(status: str) -> tuple[int, list, str]:
    """init-replica-set.sh's mongosh script under node, against a fake server whose replica set is ``status``
    ("new": never initiated, "made": initiated before, "refused": another error); the commands it ran."""
    script = re.search(r"^script=\$\(cat <<'JS'\n(.*?)^JS\n\)", MONGO_INIT.read_text(),
                       re.DOTALL | re.MULTILINE).group(1)
    fake = """
const calls = [];
let hellos = 0;
const fail = (code, codeName) => {
  const error = new Error(codeName);
  error.code = code;
  error.codeName = codeName;
  throw error;
};
const fakeAdmin = {
  auth: (user, password) => calls.push(["auth", user, password]),
  runCommand: (command) => {
    const name = Object.keys(command)[0];
    calls.push([name, command[name]]);
    if (name === "replSetGetStatus") {
      return STATUS === "new" ? fail(94, "NotYetInitialized") : STATUS === "refused" ? fail(13, "Unauthorized")
        : { ok: 1, set: "rs0" };
    }
    if (name === "replSetInitiate") return { ok: 1 };
    return { isWritablePrimary: ++hellos > 2 };
  },
};
globalThis.db = { getSiblingDB: (name) => (name === "admin" ? fakeAdmin : null) };
globalThis.print = () => {};
globalThis.sleep = () => {};
process.on("exit", () => console.log("CALLS " + JSON.stringify(calls)));
"""
    env = {"PATH": os.environ["PATH"], "LP_MONGO_ROOT_USERNAME": "root", "LP_MONGO_ROOT_PASSWORD": "secret"}
    result = subprocess.run(["node", "-e", f"const STATUS = {json.dumps(status)};" + fake + script],
                            capture_output=True, text=True, env=env, timeout=60)
    calls = json.loads(result.stdout.rsplit("CALLS ", 1)[1])
    return result.returncode, calls, result.stderr


def test_the_replica_set_is_initiated_once_and_the_script_waits_for_the_primary():
    needed("node")
    code, calls, _ = _run_init_script("new")
    assert code == 0
    assert calls[0] == ["auth", "root", "secret"]
    assert [call[0] for call in calls] == ["auth", "replSetGetStatus", "replSetInitiate", "hello", "hello", "hello"]
    assert calls[2][1] == {"_id": "rs0", "members": [{"_id": 0, "host": "mongo:27017"}]}

    code, calls, _ = _run_init_script("made")
    assert code == 0 and "replSetInitiate" not in [call[0] for call in calls]

    code, calls, stderr = _run_init_script("refused")
    assert code != 0 and "replSetInitiate" not in [call[0] for call in calls] and "Unauthorized" in stderr


def test_mongo_runs_with_a_root_user_and_creates_one_user_per_service_database(services):
    mongo = services["mongo"]
    env = mongo["environment"]
    assert env["MONGO_INITDB_ROOT_USERNAME"].startswith("${LP_MONGO_ROOT_USERNAME:?")
    assert env["MONGO_INITDB_ROOT_PASSWORD"].startswith("${LP_MONGO_ROOT_PASSWORD:?")
    assert "./deploy/mongo/create-users.js:/docker-entrypoint-initdb.d/create-users.js:ro" in mongo["volumes"]
    script = MONGO_USERS.read_text()
    listed = re.search(r"const services = \[([^\]]*)\]", script).group(1)
    assert re.findall(r'"(\w+)"', listed) == list(SERVICES)
    assert 'role: "readWrite", db: name' in script and "lp_${service}" in script
    for service in SERVICES:
        variable = f"LP_MONGO_{service.upper()}_PASSWORD"
        assert env[variable] == _required(variable)


KAFKA_NODES = ("kafka-1", "kafka-2", "kafka-3")
BOOTSTRAP = "kafka-1:9092,kafka-2:9092,kafka-3:9092"


@pytest.mark.parametrize("name", KAFKA_NODES)
def test_kafka_is_three_kraft_nodes_each_on_a_named_volume(services, name):
    """The shape of `LP_KAFKA_BROKERS=3 make up`: three nodes, each broker and controller, three replicas."""
    kafka, node = services[name], name.split("-")[1]
    assert re.fullmatch(r"apache/kafka:3\.9\.\d+", kafka["image"])
    env = kafka["environment"]
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert str(env["KAFKA_NODE_ID"]) == node
    assert env["KAFKA_LISTENERS"] == "CLIENT://:9092,CONTROLLER://:9093"
    assert env["KAFKA_ADVERTISED_LISTENERS"] == f"CLIENT://{name}:9092"
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093"
    for key in ("DEFAULT_REPLICATION_FACTOR", "OFFSETS_TOPIC_REPLICATION_FACTOR",
                "TRANSACTION_STATE_LOG_REPLICATION_FACTOR"):
        assert str(env[f"KAFKA_{key}"]) == "3"
    assert str(env["KAFKA_MIN_INSYNC_REPLICAS"]) == "2" and str(env["KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"]) == "2"
    failover = dict(setting.split("=") for setting in stack.Stack.kafka_failover_properties())
    assert {key: str(env["KAFKA_" + key.upper().replace(".", "_")]) for key in failover} == failover
    assert f"{name}-data:" + env["KAFKA_LOG_DIRS"] in kafka["volumes"]
    assert "kafka-broker-api-versions.sh --bootstrap-server localhost:9092" in _healthcheck_text(kafka)
    assert "--command-config /tmp/lp-admin.properties" in _healthcheck_text(kafka)
    assert services["kafka-1"]["environment"]["CLUSTER_ID"] == env["CLUSTER_ID"]


def test_kafka_authenticates_and_authorizes_as_the_local_scram_stack_does(services):
    """The same settings as deploy/kafka_auth.py (which `LP_KAFKA_AUTH=scram make up` runs and tests)."""
    settings = _image_settings(services["kafka-1"]["environment"])
    expected = kafka_auth.security_properties(_required("LP_KAFKA_ADMIN_PASSWORD"))
    assert {key: settings.get(key) for key in expected} == expected


def test_kafka_formats_its_storage_with_a_scram_user_per_service(services):
    kafka = services["kafka-1"]
    assert kafka["command"] == ["/bin/bash", "/opt/lp/compose-start.sh"]
    assert "./deploy/kafka/compose-start.sh:/opt/lp/compose-start.sh:ro" in kafka["volumes"]
    script = KAFKA_START.read_text()
    assert re.search(r"^SERVICES=\((.*)\)$", script, re.MULTILINE).group(1).split() == list(SERVICES)
    assert "--add-scram" in script and "exec /etc/kafka/docker/run" in script
    for user in ("ADMIN", *(s.upper() for s in SERVICES)):
        assert kafka["environment"][f"LP_KAFKA_{user}_PASSWORD"].startswith(f"${{LP_KAFKA_{user}_PASSWORD:?")


def test_the_start_script_writes_the_settings_the_image_does(services):
    """compose-start.sh formats with settings written by the image's own rule: run its function on the env."""
    needed("bash")
    environment = {key: str(value) for key, value in services["kafka-1"]["environment"].items()}
    function = re.search(r"^NOT_SETTINGS=.*?^}\n", KAFKA_START.read_text(), re.DOTALL | re.MULTILINE).group(0)
    result = subprocess.run(["bash", "-c", function + "broker_settings"], capture_output=True, text=True,
                            env={"PATH": os.environ["PATH"], **environment, "KAFKA_HEAP_OPTS": "-Xmx1g"}, check=True)
    written = dict(line.split("=", 1) for line in result.stdout.splitlines())
    assert written == _image_settings(environment)


def test_kafka_setup_creates_topics_and_acls_as_the_admin(services):
    setup = services["kafka-setup"]
    assert _command(setup) == ["python", "-m", "services.kafka_acl"]
    assert setup["image"] == "labour-pathways:latest"
    env = setup["environment"]
    assert env["LP_KAFKA_USERNAME"] == "admin"
    assert env["LP_KAFKA_PASSWORD"].startswith("${LP_KAFKA_ADMIN_PASSWORD:?")
    assert "LP_SECRET_KEY" not in env
    assert setup["depends_on"] == {node: {"condition": "service_healthy"} for node in KAFKA_NODES}
    assert env["LP_KAFKA_BOOTSTRAP"] == BOOTSTRAP


@pytest.mark.parametrize(("name", "port"), list(WEB_PORTS.items()))
def test_web_service_runs_gunicorn_and_checks_readiness(services, name, port):
    service = services[name]
    expected = f"gunicorn --bind 0.0.0.0:{port} --workers 2 --threads 4 {name}.app:create_app()"
    assert _command(service) == shlex.split(expected)
    assert f"http://127.0.0.1:{port}/readyz" in _healthcheck_text(service)
    assert "ports" not in service, "only the gateway is published"


@pytest.mark.parametrize("name", WORKERS)
def test_consumer_service_runs_its_worker_module(services, name):
    package = name.split("-")[0]
    assert _command(services[name]) == ["python", "-m", f"{package}.worker"]
    assert "ports" not in services[name]


def test_two_matcher_workers_run_alike_as_the_local_stack_runs_them(services):
    first, second = services["matcher-worker"], services["matcher-worker-2"]
    assert first == second
    assert stack.Stack().worker_names("matcher") == ["matcher-worker", "matcher-worker-2"]
    assert {n for n in services if n.startswith("matcher-worker")} == {"matcher-worker", "matcher-worker-2"}


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_service_uses_the_shared_image_and_settings(services, name):
    service = services[name]
    assert service["build"] == {"context": ".", "dockerfile": "deploy/Dockerfile"}
    assert service["image"] == "labour-pathways:latest"
    assert service["restart"] == "unless-stopped"
    env = service["environment"]
    assert env["LP_ENV"] == "prod"
    assert env["LP_KAFKA_BOOTSTRAP"] == BOOTSTRAP
    assert env["LP_MATCHER_URL"] == "http://matcher:8004"
    assert env["LP_ETHICS_URL"] == "http://ethics:8003"  # the employers' dry run asks ethics over HTTP
    assert str(env["LP_SECURE_COOKIES"]).lower() == "true"
    # Each container holds its own service's key, required from the operator, never the master key:
    # a break-in at one service cannot sign another's tokens.
    package = name.split("-")[0]
    assert "LP_SECRET_KEY" not in env
    assert env["LP_SERVICE_SECRET"].startswith(f"${{LP_{package.upper()}_SERVICE_SECRET:?")
    if package in keys.MATCHER_TOKEN_HOLDERS:
        assert env["LP_MATCHER_TOKEN_KEY"].startswith("${LP_MATCHER_TOKEN_KEY:?")
    else:
        assert "LP_MATCHER_TOKEN_KEY" not in env
    for dependency in ("mongo", *KAFKA_NODES):
        assert service["depends_on"][dependency] == {"condition": "service_healthy"}
    assert service["depends_on"]["mongo-init"] == {"condition": "service_completed_successfully"}
    assert service["depends_on"]["kafka-setup"] == {"condition": "service_completed_successfully"}


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_service_uses_its_own_database_user_and_kafka_user(services, name):
    service = name.split("-")[0]
    env = services[name]["environment"]
    mongo_password = _required(f"LP_MONGO_{service.upper()}_PASSWORD")
    assert env["LP_MONGO_URL"] == (f"mongodb://{service}:{mongo_password}@mongo:27017/lp_{service}"
                                   f"?authSource=lp_{service}&replicaSet=rs0")
    assert env["LP_KAFKA_SECURITY_PROTOCOL"] == "SASL_PLAINTEXT"
    assert env["LP_KAFKA_SASL_MECHANISM"] == kafka_auth.MECHANISM
    assert env["LP_KAFKA_USERNAME"] == service
    assert env["LP_KAFKA_PASSWORD"] == _required(f"LP_KAFKA_{service.upper()}_PASSWORD")


def test_gateway_publishes_8080_and_waits_for_the_routed_services(services):
    gateway = services["gateway"]
    assert gateway["image"].startswith("nginx:")
    assert "8080:8080" in [str(port) for port in gateway["ports"]]
    assert "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in gateway["volumes"]
    assert set(gateway["depends_on"]) == set(ROUTED)


def test_only_the_gateway_publishes_a_port(services):
    published = {name for name, service in services.items() if "ports" in service}
    assert published == {"gateway"}


def test_named_volumes_are_declared(compose):
    assert {"mongo-data", "kafka-1-data", "kafka-2-data", "kafka-3-data"} <= set(compose["volumes"])


@pytest.mark.parametrize("name", ROUTED)
def test_nginx_routes_prefix_to_its_service(nginx, name):
    location = _block(nginx, f"location /{name}/")
    upstream = re.search(r"proxy_pass\s+http://(\w+)/;", location)
    assert upstream, f"/{name}/ must proxy_pass to an upstream with a trailing / (strips the prefix)"
    assert f"server {name}:{WEB_PORTS[name]}" in _block(nginx, f"upstream {upstream.group(1)}")
    assert re.search(rf"proxy_set_header\s+X-Forwarded-Prefix\s+/{name};", location)
    for header in ("Host", "X-Forwarded-For", "X-Forwarded-Proto"):
        assert re.search(rf"proxy_set_header\s+{header}\s", location), header


def test_nginx_listens_on_8080_limits_bodies_and_keeps_the_matcher_internal(nginx):
    assert re.search(r"listen\s+8080;", nginx)
    assert re.search(r"client_max_body_size\s+1m;", nginx)
    assert re.search(r"location\s+=\s+/healthz\s*\{", nginx)
    assert "matcher" not in nginx and "8004" not in nginx


def test_dockerfile_builds_a_non_root_python_311_image():
    dockerfile = DOCKERFILE.read_text()
    assert re.search(r"^FROM python:3\.11-slim", dockerfile, re.MULTILINE)
    users = re.findall(r"^USER\s+(\S+)", dockerfile, re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert "-c constraints.txt" in dockerfile
    for package in ("services", "employers", "workers", "ethics", "matcher"):
        assert re.search(rf"^COPY {package} ", dockerfile, re.MULTILINE), package


def test_the_local_stack_tells_its_processes_where_ethics_is(monkeypatch, tmp_path):
    # The employers' dry run asks ethics over HTTP: on a moved port too.
    monkeypatch.setenv("LP_SECRET_KEY", "unit-secret")
    local = stack.Stack(var=tmp_path, ports={**stack.SERVICES, "ethics": 9103})
    assert local.service_env()["LP_ETHICS_URL"] == "http://127.0.0.1:9103"
