package dev.whittle.lsp;

/**
 * What the server analyses while it starts: a file that takes most passes through their work (package
 * managers, Go, the stage split, merging, modernisation, long RUN chains), so the classes are
 * loaded, the catalogs read and the code compiled before the first document arrives.
 */
final class WarmUp {
    private WarmUp() {}

    static final String SAMPLE = """
            # syntax=docker/dockerfile:1
            FROM golang:1.21 AS tools
            ENV GO111MODULE on
            RUN go get github.com/example/tool && go build -a -installsuffix cgo -o /out/tool .
            FROM python:3.11
            MAINTAINER someone@example.com
            LABEL version 1.0
            ARG PASSWORD=secret
            RUN apt-get update && apt-get install -y curl git build-essential libpq-dev \\
                && pip install flask gunicorn psycopg2 \\
                && npm install -g yarn && yarn install && gem install bundler
            RUN apk update && apk add curl; yum install -y make; dnf install -y gcc; zypper install -y vim
            RUN echo 'export PATH=$PATH:/opt/bin' >> /etc/profile
            RUN composer install && poetry install && pipenv install
            ADD requirements.txt /app/
            ADD . /app
            WORKDIR /app
            COPY --from=tools /out/tool /usr/local/bin/tool
            EXPOSE 8000
            CMD ["gunicorn", "app:app"]
            """;

    /** One analysis of the sample (more cost start-up time and gained little on the bench: bench/lsp-latency.sh). */
    static void run(Analyzer analyzer) {
        analyzer.analyze("warm-up", null, 0, SAMPLE);
    }
}
