#!/bin/sh
# defaults for the service
set -eu
export GREETING="${GREETING:-hello}"
if [ -z "${PORT:-}" ]; then
  echo "PORT not set, using 3000" >&2
  export PORT=3000
fi
exec "$@"
