FROM debian:bookworm
RUN apt-get update && apt-get install -y ruby && rm -rf /var/lib/apt/lists/*
RUN gem install --no-document bundler
