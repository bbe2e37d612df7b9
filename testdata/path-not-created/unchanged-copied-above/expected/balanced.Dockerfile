FROM debian:bookworm
COPY conf/ /etc/acme/
RUN chmod 0600 /etc/acme/secrets/key.pem
