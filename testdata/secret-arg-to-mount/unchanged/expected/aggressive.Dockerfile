FROM alpine:3.20
ARG API_TOKEN=dev-token
RUN wget --header "Authorization: Bearer $API_TOKEN" https://example.com/setup.sh
ARG GITHUB_TOKEN
LABEL build.token.used=${GITHUB_TOKEN}
RUN echo "$GITHUB_TOKEN" > /dev/null
ARG DB_USER DB_PASSWORD
RUN echo "$DB_PASSWORD" | setup-db --user "$DB_USER"
ARG SENTRY_AUTH_TOKEN
RUN ["/bin/sh", "-c", "sentry-cli releases new --auth-token $SENTRY_AUTH_TOKEN"]
ARG PUBLIC_KEY
RUN echo "$PUBLIC_KEY" >> /etc/keys
ARG UNUSED_SECRET
ENV API_KEY=changeme
RUN echo $API_KEY
