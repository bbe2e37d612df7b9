# chown -R app /home/app above the app in /home/app/code: the home goes whole, with its owner (forever writes ~/.forever)
FROM node:22 AS builder
RUN useradd app -d /home/app
WORKDIR /home/app/code
COPY package.json /home/app/code/package.json
RUN npm install
COPY index.js /home/app/code/
RUN chown -R app /home/app

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:22-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /etc/passwd /etc/passwd
COPY --from=builder /etc/group /etc/group
COPY --from=builder --chown=app /home/app /home/app
WORKDIR /home/app/code
USER app
CMD ["node_modules/.bin/forever", "index.js"]
