FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
# this RUN installs before its own update: it still reads the lists the RUN above left
RUN apt-get install -y unzip && apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*
