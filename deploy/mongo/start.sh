#!/bin/bash
# The mongo container's entrypoint in docker-compose.yml: write the replica set's key file, then start as
# the image does (its docker-entrypoint.sh, with the command given in the compose file).
#
# With authentication on, mongod takes --replSet only with a key file (the secret the members of a set
# share). It must be owned by mongod's user and readable by it alone. It is written from LP_MONGO_KEYFILE
# on every start, into the container's own /tmp, so the secret never lands on the data volume.
set -euo pipefail

KEYFILE=/tmp/mongo-keyfile
printf '%s\n' "${LP_MONGO_KEYFILE:?LP_MONGO_KEYFILE is not set}" > "$KEYFILE"
chmod 400 "$KEYFILE"
chown mongodb:mongodb "$KEYFILE"
unset LP_MONGO_KEYFILE
exec docker-entrypoint.sh "$@"
