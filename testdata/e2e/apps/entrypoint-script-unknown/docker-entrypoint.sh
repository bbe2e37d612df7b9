#!/bin/sh
set -e
envsubst < greeting.tmpl > greeting.txt
exec "$@"
