#!/bin/sh
# Runs once, when the primary's data directory is created: a role for the replica to stream with, and the
# pg_hba line that lets it (the image's default file has none for replication).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role replicator with replication login password '${REPLICATION_PASSWORD}';
alter database "${POSTGRES_DB}" set jit = off;
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
