#!/bin/bash
set -euo pipefail
export GREETING="${GREETING:-hello}"
exec "$@"
