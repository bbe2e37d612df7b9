# useradd --user-group --create-home: the home belongs to the user, and goes whole with its owner
FROM node:22 AS builder
RUN useradd --user-group --create-home --shell /sbin/nologin app
ENV HOME=/home/app
COPY package.json /home/app/web/
RUN chown -R app:app /home/app/*
USER app
WORKDIR /home/app/web
RUN npm install
USER root
COPY . .
RUN chown -R app:app /home/app/web/*

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:22-slim
RUN apt-get update && apt-get install -y --no-install-recommends libfontconfig1 libfreetype6 libpq5 && rm -rf /var/lib/apt/lists/*
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV HOME=/home/app
COPY --from=builder /etc/passwd /etc/passwd
COPY --from=builder /etc/group /etc/group
COPY --from=builder --chown=app:app /home/app /home/app
WORKDIR /home/app/web
USER app
CMD ["npm", "start"]
