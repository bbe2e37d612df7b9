#!/bin/sh
set -e
exec node server.js --port 3000
