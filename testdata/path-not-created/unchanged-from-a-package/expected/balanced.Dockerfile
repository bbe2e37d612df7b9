FROM debian:bookworm
RUN apt-get update && apt-get install -y bind9 && rm -rf /var/lib/apt/lists/*
RUN chown bind:bind /etc/bind/named.conf.options
