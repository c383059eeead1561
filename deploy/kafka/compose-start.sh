#!/bin/bash
# The Kafka container's command in docker-compose.yml: on the first start, format the storage with the
# SCRAM users (the admin and one per service), then hand over to the image's own start.
#
# The image formats the storage itself, but without users, and a broker that takes only SASL cannot be
# given its first user afterwards. Formatting needs the broker's settings, so they are written here from
# the KAFKA_* variables by the image's own rule (KafkaDockerWrapper): drop KAFKA_, lower case, then
# "___" becomes "-", "__" becomes "_" and "_" becomes ".". The image's start then finds the storage
# formatted, which it accepts.
set -euo pipefail

MECHANISM=SCRAM-SHA-512
SERVICES=(employers workers ethics matcher)
NOT_SETTINGS='^KAFKA_(VERSION|HEAP_OPTS|OPTS|LOG4J_OPTS|JMX_OPTS|JMX_HOSTNAME|JVM_PERFORMANCE_OPTS|GC_LOG_OPTS|LOG4J_ROOT_LOGLEVEL|LOG4J_LOGGERS|TOOLS_LOG4J_LOGLEVEL)='

broker_settings() {
    local line key name
    while IFS= read -r line; do
        key=${line%%=*}
        name=$(printf '%s' "${key#KAFKA_}" | tr '[:upper:]' '[:lower:]' | sed -e 's/_/./g' -e 's/\.\.\./-/g' -e 's/\.\./_/g')
        printf '%s=%s\n' "$name" "${line#*=}"
    done < <(env | grep '^KAFKA_' | grep -Ev "$NOT_SETTINGS")
}

if [ ! -f "${KAFKA_LOG_DIRS:?}/meta.properties" ]; then
    users=(--add-scram "$MECHANISM=[name=admin,password=${LP_KAFKA_ADMIN_PASSWORD:?}]")
    for service in "${SERVICES[@]}"; do
        variable="LP_KAFKA_${service^^}_PASSWORD"
        users+=(--add-scram "$MECHANISM=[name=$service,password=${!variable:?$variable is not set}]")
    done
    settings=$(mktemp)
    broker_settings > "$settings"
    echo "===> Formatting the storage with the SCRAM users: admin ${SERVICES[*]}"
    /opt/kafka/bin/kafka-storage.sh format --cluster-id="${CLUSTER_ID:?}" -c "$settings" "${users[@]}"
    rm -f "$settings"
fi

# The admin's client settings, for the health check and an operator's kafka-*.sh --command-config.
umask 077
cat > /tmp/lp-admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=$MECHANISM
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$LP_KAFKA_ADMIN_PASSWORD";
PROPERTIES

exec /etc/kafka/docker/run
