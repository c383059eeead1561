"""Kafka with SASL/SCRAM users and ACLs: the broker's settings, its users and their passwords.

The local stack uses this when started with ``LP_KAFKA_AUTH=scram``; the
compose file sets the same broker settings as KAFKA_* variables
(tests/unit/test_compose.py compares the two). Standard library only, like
deploy/stack.py.

- Clients (services, the administrator) talk SCRAM-SHA-512 on the CLIENT
  listener; each service has a user named like the service, ``admin`` is the
  super user. The users are written into the storage when it is formatted
  (``--add-scram``), so the broker knows them before it serves anyone.
- The controller listener takes PLAIN with the admin's password only: KRaft
  keeps SCRAM users in its metadata, which the controller cannot read before
  it is up. Unauthenticated, any client able to reach it could change ACLs.
- Every request is checked by KRaft's StandardAuthorizer; what has no ACL is
  denied. The ACLs themselves are services/kafka_acl.py's table.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

MECHANISM = "SCRAM-SHA-512"
ADMIN = "admin"
CLIENT_LISTENER = "CLIENT"
CONTROLLER_LISTENER = "CONTROLLER"


def security_properties(admin_password: str) -> dict[str, str]:
    """The broker's authentication and authorization settings (listener addresses apart)."""
    scram = f'org.apache.kafka.common.security.scram.ScramLoginModule required username="{ADMIN}" ' \
            f'password="{admin_password}";'
    plain = f'org.apache.kafka.common.security.plain.PlainLoginModule required username="{ADMIN}" ' \
            f'password="{admin_password}" user_{ADMIN}="{admin_password}";'
    return {
        "listener.security.protocol.map": f"{CONTROLLER_LISTENER}:SASL_PLAINTEXT,{CLIENT_LISTENER}:SASL_PLAINTEXT",
        "inter.broker.listener.name": CLIENT_LISTENER,
        "controller.listener.names": CONTROLLER_LISTENER,
        "sasl.enabled.mechanisms": MECHANISM,
        "sasl.mechanism.inter.broker.protocol": MECHANISM,
        "sasl.mechanism.controller.protocol": "PLAIN",
        "listener.name.controller.sasl.enabled.mechanisms": "PLAIN",
        "listener.name.controller.plain.sasl.jaas.config": plain,
        f"listener.name.client.{MECHANISM.lower()}.sasl.jaas.config": scram,
        "authorizer.class.name": "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
        "super.users": f"User:{ADMIN}",
        "allow.everyone.if.no.acl.found": "false",
    }


def scram_format_args(passwords: dict[str, str]) -> list[str]:
    """``kafka-storage format`` arguments that create every user of ``passwords``."""
    return [f"--add-scram={MECHANISM}=[name={user},password={password}]" for user, password in passwords.items()]


def client_env(user: str, password: str) -> dict[str, str]:
    """The LP_KAFKA_* variables that make a service (services.config) connect as ``user``."""
    return {
        "LP_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "LP_KAFKA_SASL_MECHANISM": MECHANISM,
        "LP_KAFKA_USERNAME": user,
        "LP_KAFKA_PASSWORD": password,
    }


def passwords(path: Path, users) -> dict[str, str]:
    """Each of ``users``' password: generated once, kept in ``path``, readable by its owner only."""
    stored = json.loads(path.read_text()) if path.exists() else {}
    missing = [user for user in users if user not in stored]
    if missing:
        stored.update({user: secrets.token_urlsafe(24) for user in missing})
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        # Created 0600: the file never exists with wider permissions, not even for a moment.
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as file:
            json.dump(stored, file, indent=1)
        partial.replace(path)
    return {user: stored[user] for user in users}
