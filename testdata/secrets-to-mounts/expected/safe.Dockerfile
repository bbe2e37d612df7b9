FROM alpine:3.20
ARG NPM_TOKEN
ARG PUBLIC_KEY
ARG VERSION=1.0
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
ENV DB_PASSWORD=changeme
ARG GITHUB_TOKEN=default
RUN echo $GITHUB_TOKEN
