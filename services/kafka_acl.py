"""Who may write and read each Kafka topic: the one ACL table, and the step that applies it.

Each service has a SCRAM user named like the service. It may write only the
topics it is the source of, read the topics its worker handles (in its own
consumer group, named like the service) and write those topics' dead-letter
topics, which its consumer loop fills. Nothing else: another service's
credentials cannot forge ``vacancy.reviewed``. The administrator (a super
user, see deploy/kafka_auth.py and docker-compose.yml) creates the topics and
these ACLs:

    python -m services.kafka_acl     # with LP_KAFKA_* of the admin user

Both the local stack (``LP_KAFKA_AUTH=scram make up``) and compose's
``kafka-setup`` container run exactly that.
"""

from __future__ import annotations

import logging
import os
import sys
import time

from kafka.admin import (
    ACL,
    ACLFilter,
    ACLOperation,
    ACLPermissionType,
    ACLResourcePatternType,
    KafkaAdminClient,
    ResourcePattern,
    ResourcePatternFilter,
    ResourceType,
)
from kafka.errors import KafkaError

from services import events as ev
from services.config import SERVICE_PORTS, ConfigError, Settings, kafka_from_env
from services.kafka import client_options, ensure_topics

log = logging.getLogger(__name__)

SERVICES = tuple(SERVICE_PORTS)

# topic: (the service that writes it, the services that read it). The writer is the event's `source`
# (docs/events.md); the readers are the keys of each `<service>/worker.py` HANDLERS and the topics its
# web processes follow without a group (`FOLLOWED` of `<service>/app.py`, a `services.tail.TopicTail`);
# tests/unit/test_kafka_acl.py holds both to that.
ROUTES = {
    ev.VACANCY_SUBMITTED: ("employers", ("ethics", "matcher", "workers")),
    ev.VACANCY_REVIEWED: ("ethics", ("employers", "matcher", "workers")),
    ev.VACANCY_CLOSED: ("employers", ("matcher", "workers")),
    ev.OFFER_SUBMITTED: ("employers", ("ethics",)),
    ev.OFFER_REVIEWED: ("ethics", ("employers", "workers")),
    ev.OFFER_RESPONDED: ("workers", ("employers", "matcher")),
    ev.OFFER_WITHDRAWN: ("employers", ("workers",)),
    ev.WORKER_PROFILE_UPDATED: ("workers", ("matcher",)),
    ev.PLACEMENT_COMPLETED: ("employers", ("matcher", "workers")),
    # workers reads its own: the named worker is told the grievance reached the auditors (workers.notices).
    ev.GRIEVANCE_FILED: ("workers", ("ethics", "workers")),
    ev.GRIEVANCE_DECIDED: ("ethics", ("workers",)),
    ev.MATCHES_UPDATED: ("matcher", ("workers",)),
    ev.EMPLOYER_REGISTERED: ("employers", ("ethics",)),
    ev.EMPLOYER_VERIFIED: ("ethics", ("employers", "matcher")),
    ev.PLACEMENT_RATED: ("workers", ("ethics", "matcher", "workers")),
    ev.WORKER_ERASED: ("workers", ("employers", "ethics", "matcher", "workers")),
    ev.CANDIDATES_SHOWN: ("employers", ("workers",)),
    ev.FAIRNESS_TALLIED: ("workers", ("ethics",)),
}


def grants(service: str) -> list[tuple[str, str, str]]:
    """What ``service`` may do, as (resource type, name, operation): its topics, its DLQs, its group."""
    rows = []
    for topic, (writer, readers) in ROUTES.items():
        if writer == service:
            rows.append(("TOPIC", topic, "WRITE"))
        if service in readers:
            rows += [("TOPIC", topic, "READ"), ("TOPIC", ev.dlq_topic(topic), "WRITE")]
    if any(service in readers for _, readers in ROUTES.values()):
        rows.append(("GROUP", service, "READ"))
    return rows


def acls(services=SERVICES) -> list[ACL]:
    """Every service's grants as kafka-python ACLs: allowed for its user, from any host, literal names."""
    return [
        ACL(principal=f"User:{service}", host="*", operation=ACLOperation[operation],
            permission_type=ACLPermissionType.ALLOW,
            resource_pattern=ResourcePattern(ResourceType[kind], name))
        for service in services for kind, name, operation in grants(service)
    ]


def apply(settings: Settings) -> int:
    """Create the topics and the ACLs with the administrator's ``settings``; returns how many ACLs.

    Idempotent: an ACL that exists already is created again without effect.
    """
    ensure_topics(settings)
    admin = KafkaAdminClient(**client_options(settings), client_id="lp-kafka-setup")
    try:
        wanted = acls()
        result = admin.create_acls(wanted)
        if result["failed"]:
            raise RuntimeError(f"could not create ACLs: {result['failed']}")
        _wait_until_enforced(admin, len(wanted))
    finally:
        admin.close()
    return len(wanted)


def _wait_until_enforced(admin: KafkaAdminClient, count: int, attempts: int = 100) -> None:
    """Wait until the broker's authorizer lists ``count`` ACLs: the controller commits them first and the
    broker applies them a moment later (1.5 s measured), and a service started in between would be refused."""
    every = ACLFilter(principal=None, host=None, operation=ACLOperation.ANY, permission_type=ACLPermissionType.ANY,
                      resource_pattern=ResourcePatternFilter(ResourceType.ANY, None, ACLResourcePatternType.ANY))
    for _ in range(attempts):
        listed, _error = admin.describe_acls(every)
        if len(listed) >= count:
            return
        time.sleep(0.2)
    raise RuntimeError(f"the broker lists {len(listed)} ACLs, not the {count} created")


def main(environ=os.environ, attempts: int = 60, delay: float = 2.0) -> None:
    """Apply the table with the admin credentials of ``environ``, waiting for the broker to answer."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s kafka-setup %(message)s")
    logging.getLogger("kafka").setLevel(logging.WARNING)
    try:
        settings = Settings(service="kafka-setup", **kafka_from_env(environ))
    except ConfigError as exc:
        sys.exit(f"kafka-setup: {exc}")
    for attempt in range(1, attempts + 1):
        try:
            count = apply(settings)
        except KafkaError as exc:
            # Compose starts this once the broker's health check passes; locally right after start.
            log.info("waiting for Kafka (%s), attempt %d of %d", exc, attempt, attempts)
            time.sleep(delay)
            continue
        log.info("topics and %d ACLs are in place for %s", count, ", ".join(SERVICES))
        return
    sys.exit("kafka-setup: Kafka did not answer; see the messages above")


if __name__ == "__main__":
    main()
