#!/usr/bin/env bash
# Start the local PostgreSQL cluster if it is installed and down (tests skip PostgreSQL otherwise).
set -u
command -v pg_ctlcluster >/dev/null 2>&1 || exit 0
[ -d /etc/postgresql ] || exit 0
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start 2>/dev/null || true
  for _ in $(seq 1 20); do pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && break; sleep 0.5; done
fi
exit 0
