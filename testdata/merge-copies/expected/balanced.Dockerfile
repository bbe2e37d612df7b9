# a builder stage does not ship: its COPYs keep their own cache steps
FROM golang:1.22 AS build
WORKDIR /workspace
COPY go.mod /workspace/
COPY go.sum /workspace/
RUN go mod download
COPY localcache/ /workspace/
COPY main.go /workspace/
RUN go build -o /app .

FROM debian:bookworm-slim
WORKDIR /srv
# same flags, same directory: one COPY, sources in order (a later source's file still wins)
COPY --from=build /app /workspace/config.yaml /usr/local/bin/
# `.` and `./` are the same directory; the merged COPY writes ./
COPY package.json package-lock.json ./
# three in a row, the first one's spacing kept
COPY  --chown=app:app conf/a.conf   conf/a2.conf conf/b.conf conf/c.conf /etc/app/
# directory sources give their contents in both forms; the destination alone on its line stays there
COPY static/ \
     assets/ \
     /srv/www/
# wildcards and variables are matched and expanded per source, as before
COPY *.txt ${NOTES} /docs/
# a long result: each merged COPY's sources on a line of their own
COPY a-very-long-directory-name/with/a/file.txt \
    another-very-long-directory-name/with/another/file.txt /opt/some/long/destination/dir/
CMD ["app"]
