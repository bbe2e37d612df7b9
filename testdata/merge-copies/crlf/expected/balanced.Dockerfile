FROM debian:bookworm-slim
COPY a \
     b \
     c \
     /opt/
COPY d e ./
CMD ["x"]
