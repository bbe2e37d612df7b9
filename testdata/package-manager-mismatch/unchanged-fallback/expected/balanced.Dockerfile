FROM python:3.11
RUN apk add --no-cache gcc || apt-get update && apt-get install -y gcc
