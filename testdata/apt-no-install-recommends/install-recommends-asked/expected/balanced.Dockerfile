# The file asks for the recommends (before or after install): whittle leaves the choice alone (review round 11)
FROM debian:bookworm
RUN apt-get update && apt-get --install-recommends install -y xvfb
RUN apt-get install -y --install-recommends curl
