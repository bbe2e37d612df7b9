FROM phusion/baseimage:0.11
RUN apt-get update && apt-get install --no-install-recommends -y curl nginx && rm -rf /var/lib/apt/lists/*
CMD ["/sbin/my_init"]
