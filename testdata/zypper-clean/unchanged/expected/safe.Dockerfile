FROM opensuse/tumbleweed AS build
RUN zypper -n install gcc make

FROM opensuse/leap:15.6
RUN zypper -n install curl && zypper clean -a
RUN zypper -n in git && zypper cc
RUN zypper -n in tar && rm -rf /var/cache/zypp
RUN --mount=type=cache,target=/var/cache/zypp zypper -n install gzip
RUN zypper lr
COPY --from=build /usr/bin/make /usr/bin/make
