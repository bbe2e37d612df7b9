FROM debian:bookworm-slim AS build
# a builder stage: its lists never ship
RUN apt-get update && apt-get install -y gcc

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
    && apt-get install -y \
       ca-certificates \
       tzdata \
    && rm -rf /var/lib/apt/lists/*
RUN apt-get update && \
    apt-get install -y git && \
    git --version && \
    rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/bin/gcc /usr/local/bin/
# clean up
RUN apt-get autoremove -y
