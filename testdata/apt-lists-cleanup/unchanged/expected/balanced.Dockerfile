FROM debian:bookworm-slim
# already clean
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# a cache mount keeps the lists out of the layer
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends git
# the lists are needed by the next RUN: reported, not changed
RUN apt-get update
RUN apt-get install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/*
# hadolint ignore=DL3009
RUN apt-get update && apt-get install -y --no-install-recommends jq
# a later purge by pattern is matched against the lists: reported, not changed
RUN apt-get update && apt-get install -y --no-install-recommends default-jre-headless
RUN apt-get purge -y mysql* && apt-get autoremove -y
# a later install behind sudo reads the lists too: reported, not changed
RUN apt-get update -qq
RUN sudo -E apt-get -y install -f
