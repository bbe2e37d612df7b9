FROM debian:bookworm
RUN apt-get update && apt-get install -y php php-mysql && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install --no-install-recommends -y php-cli php-fpm && rm -rf /var/lib/apt/lists/*
COPY . /var/www/html
