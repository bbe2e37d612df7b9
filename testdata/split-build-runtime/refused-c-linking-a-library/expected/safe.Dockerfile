# the Makefile links libevent, which the gcc image has from buildpack-deps and debian-slim does not
FROM gcc:13
WORKDIR /src
COPY . .
RUN make
ENTRYPOINT ["./swift"]
