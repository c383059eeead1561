// Run by the mongo:7 image once, on an empty volume, as the root user (docker-compose.yml mounts it into
// /docker-entrypoint-initdb.d). Each service gets a user named like it, in its own database lp_<service>,
// allowed to read and write that database and nothing else; its password comes from
// LP_MONGO_<SERVICE>_PASSWORD, the same the service's LP_MONGO_URL carries.
const services = ["employers", "workers", "ethics", "matcher"];

for (const service of services) {
  const variable = `LP_MONGO_${service.toUpperCase()}_PASSWORD`;
  const password = process.env[variable];
  if (!password) {
    throw new Error(`${variable} is not set`);
  }
  const name = `lp_${service}`;
  db.getSiblingDB(name).createUser({ user: service, pwd: password, roles: [{ role: "readWrite", db: name }] });
  print(`created MongoDB user ${service} for database ${name}`);
}
