FROM alpine:3.20
ARG PUBLIC_KEY
ARG VERSION=1.0
RUN --mount=type=secret,id=npm_token export NPM_TOKEN="$(cat /run/secrets/npm_token)" && echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
ENV DB_PASSWORD=changeme
ARG GITHUB_TOKEN=default
RUN echo $GITHUB_TOKEN
