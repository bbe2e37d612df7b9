# The start program is tini, downloaded by ADD: not what make or go build made (review round 9)
FROM ubuntu:16.04
RUN apt-get update && apt-get install -y golang make
WORKDIR /tmp
RUN make
WORKDIR /root/app
RUN go build
ADD https://github.com/krallin/tini/releases/download/v0.9.0/tini /tini
RUN chmod +x /tini
ENTRYPOINT ["/tini", "--"]
CMD ["/usr/bin/supervisord"]
