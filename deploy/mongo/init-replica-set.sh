#!/bin/bash
# The mongo-init service of docker-compose.yml: make mongo a one-node replica set "rs0" (once: a later run
# finds it made and changes nothing), then wait until it is the primary, so the services, which wait for
# this to succeed, start on a database with transactions.
set -euo pipefail

shell=(mongosh --host mongo --port 27017 --quiet)

# On an empty volume mongo starts twice (the image first runs a private mongod to create the users):
# wait for the real one, which answers on the network.
for attempt in $(seq 1 90); do
    if "${shell[@]}" --eval 'db.adminCommand({ping: 1})' > /dev/null 2>&1; then
        break
    fi
    if [ "$attempt" = 90 ]; then
        echo "mongo-init: mongo did not answer in 3 minutes" >&2
        exit 1
    fi
    sleep 2
done

# In --eval (not on stdin, where a shell prints an error and goes on), so an error fails this service.
script=$(cat <<'JS'
const admin = db.getSiblingDB("admin");
admin.auth(process.env.LP_MONGO_ROOT_USERNAME, process.env.LP_MONGO_ROOT_PASSWORD);

// mongosh throws a command's error; an older shell returns it: read both the same way.
let status;
try {
  status = admin.runCommand({ replSetGetStatus: 1 });
} catch (error) {
  status = error;
}
if (status.code === 94 || status.codeName === "NotYetInitialized") {
  const initiated = admin.runCommand({ replSetInitiate: { _id: "rs0", members: [{ _id: 0, host: "mongo:27017" }] } });
  if (initiated.ok !== 1) {
    throw new Error(`replSetInitiate failed: ${initiated.errmsg}`);
  }
  print("mongo-init: replica set rs0 initiated with mongo:27017");
} else if (status.ok === 1) {
  print(`mongo-init: replica set ${status.set} was initiated before`);
} else {
  throw new Error(`replSetGetStatus failed: ${status.errmsg || status.message}`);
}

for (let waited = 0; !admin.runCommand({ hello: 1 }).isWritablePrimary; waited += 500) {
  if (waited >= 120000) {
    throw new Error("mongo:27017 is not the primary after 2 minutes");
  }
  sleep(500);
}
print("mongo-init: mongo:27017 is the primary of rs0");
JS
)
"${shell[@]}" --eval "$script"
