FROM debian:bookworm
# whittle ignore=merge-runs
RUN echo a
RUN echo b
