FROM debian:bookworm-slim
RUN groupadd -r app \
    && useradd -r -g app app \
    # the data directory
    && mkdir -p /data \
    && chown app:app /data \
    && { echo one; echo two; } \
    && cd /data && touch a
RUN touch b

RUN echo after a blank line
RUN --network=none echo other flags
