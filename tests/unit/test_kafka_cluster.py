"""The three-broker local cluster's shape (issue 19), read from deploy/stack.py and the settings, no Kafka started."""

from __future__ import annotations

from deploy.stack import Stack
from services.config import Settings
from services.kafka import new_topic


def _properties(stack: Stack, node) -> dict:
    return dict(line.split("=", 1) for line in stack.write_kafka_properties(node).read_text().splitlines() if line)


def test_the_default_is_one_node_named_kafka_on_9092_and_9093(tmp_path):
    stack = Stack(var=tmp_path)
    assert [(n.name, n.port, n.controller_port) for n in stack.kafka_nodes()] == [("kafka", 9092, 9093)]
    assert stack.kafka_bootstrap == "127.0.0.1:9092"
    properties = _properties(stack, stack.kafka_nodes()[0])
    assert properties["default.replication.factor"] == "1" and properties["min.insync.replicas"] == "1"


def test_three_brokers_on_every_other_port_with_all_three_in_the_bootstrap_list():
    stack = Stack.from_env({"LP_KAFKA_BROKERS": "3"})
    nodes = stack.kafka_nodes()
    assert [(n.name, n.node_id, n.port, n.controller_port) for n in nodes] == [
        ("kafka-1", 1, 9092, 9093), ("kafka-2", 2, 9094, 9095), ("kafka-3", 3, 9096, 9097)]
    assert stack.kafka_bootstrap == "127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096"
    assert stack.service_env()["LP_KAFKA_BOOTSTRAP"] == stack.kafka_bootstrap
    assert [name for name in stack.process_names() if name.startswith("kafka")] == ["kafka-1", "kafka-2", "kafka-3"]


def test_lp_kafka_port_moves_brokers_and_controllers_together():
    stack = Stack.from_env({"LP_KAFKA_BROKERS": "3", "LP_KAFKA_PORT": "19792"})
    assert [(n.port, n.controller_port) for n in stack.kafka_nodes()] == [(19792, 19793), (19794, 19795),
                                                                           (19796, 19797)]


def test_each_node_is_broker_and_controller_of_one_quorum_with_three_replicas_two_in_sync(tmp_path):
    stack = Stack(var=tmp_path, kafka_brokers=3)
    for node in stack.kafka_nodes():
        properties = _properties(stack, node)
        assert properties["process.roles"] == "broker,controller"
        assert properties["node.id"] == str(node.node_id)
        assert properties["controller.quorum.voters"] == "1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097"
        assert properties["advertised.listeners"] == f"PLAINTEXT://127.0.0.1:{node.port}"
        assert properties["log.dirs"] == str(node.dir / "data")
        for key in ("default.replication.factor", "offsets.topic.replication.factor",
                    "transaction.state.log.replication.factor"):
            assert properties[key] == "3"
        assert properties["min.insync.replicas"] == "2" and properties["transaction.state.log.min.isr"] == "2"
        # A dead node fenced within 3 s, a dead controller replaced after 1.5 s (pauses under 10 s, e2e).
        assert properties["broker.session.timeout.ms"] == "3000"
        assert properties["controller.quorum.fetch.timeout.ms"] == "1500"


def test_topics_get_three_replicas_and_two_in_sync_when_the_bootstrap_list_has_three():
    cluster = Settings(service="t", secret_key="x" * 40, kafka_bootstrap="a:1,b:2,c:3")
    topic = new_topic(cluster, "vacancy.submitted")
    assert topic.replication_factor == 3 and topic.topic_configs == {"min.insync.replicas": "2"}
    single = new_topic(Settings(service="t", secret_key="x" * 40), "vacancy.submitted")
    assert single.replication_factor == 1 and single.topic_configs == {"min.insync.replicas": "1"}
    forced = Settings.from_env("employers", {"LP_SECRET_KEY": "x" * 40, "LP_KAFKA_REPLICATION": "1",
                                             "LP_KAFKA_BOOTSTRAP": "a:1,b:2,c:3"})
    assert forced.kafka_replication_factor == 1


class MetadataSoonerOrLater:
    """An admin client whose brokers learn of the topics after ``answers_before_known`` metadata requests."""

    def __init__(self, answers_before_known: int):
        self.asked = 0
        self.answers_before_known = answers_before_known

    def describe_topics(self, topics):
        self.asked += 1
        known = self.asked > self.answers_before_known
        return [{"name": t, "error_code": 0 if known else 3,
                 "partitions": [{"partition_index": 0, "leader_id": 1, "error_code": 9}] if known else []}
                for t in topics]


def test_a_starting_process_waits_until_its_topics_have_leaders():
    """Consumers that subscribe before the brokers know a new topic log one ERROR per topic."""
    from services.kafka import wait_for_leaders

    admin = MetadataSoonerOrLater(answers_before_known=2)
    assert wait_for_leaders(admin, ["vacancy.submitted", "offer.made"], timeout=30) is True
    assert admin.asked == 3  # a replica's error (9) on a led partition does not hold it back


def test_a_topic_that_never_gets_a_leader_stops_the_wait_at_its_timeout():
    from services.kafka import wait_for_leaders

    admin = MetadataSoonerOrLater(answers_before_known=10**9)
    assert wait_for_leaders(admin, ["vacancy.submitted"], timeout=0) is False
    assert wait_for_leaders(admin, [], timeout=0) is True
