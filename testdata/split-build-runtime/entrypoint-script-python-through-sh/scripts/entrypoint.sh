#!/bin/sh
set -e
: "${APP_ENV:=production}"
export APP_ENV
exec "$@"
