FROM debian:bookworm
# whittle ignore=apt-lists-cleanup
RUN apt-get update && apt-get install -y curl
RUN rm -rf /var/lib/apt/lists/*
CMD ["bash"]
