FROM debian:bookworm
RUN set -eux; \
	mkdir -p /opt/app && \
	chmod 755 /opt/app
RUN apt-get update && apt-get install -y \
        curl \
        git && \
        rm -rf /var/lib/apt/lists/*
CMD ["bash"]
