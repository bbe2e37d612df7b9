#!/bin/sh
set -e
envsubst < config.tmpl > config.json
exec "$@"
