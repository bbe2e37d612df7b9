FROM debian:bookworm
ADD tool.tar.gz /tmp/
RUN tar -xzf /tmp/tool.tar.gz -C /opt/tool && chmod +x /opt/tool/bin/run
