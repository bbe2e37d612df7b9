FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
COPY setup.sh /setup.sh
# the script can install with apt without an update of its own: the lists stay
RUN /setup.sh
