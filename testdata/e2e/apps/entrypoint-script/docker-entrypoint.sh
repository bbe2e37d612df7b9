#!/bin/sh
set -e
export GREETING="${GREETING:-hello}"
exec "$@"
