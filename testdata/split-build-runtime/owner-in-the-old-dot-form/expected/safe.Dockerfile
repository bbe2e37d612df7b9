# chown's old USER.GROUP form becomes --chown=USER:GROUP (COPY --chown splits only at ':')
FROM node:22 AS builder
RUN useradd -m luser
WORKDIR /app
COPY . .
RUN npm ci && chown -R luser.luser /app

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:22-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /etc/passwd /etc/passwd
COPY --from=builder /etc/group /etc/group
COPY --from=builder --chown=luser:luser /app /app
COPY --from=builder --chown=luser:luser /home/luser /home/luser
WORKDIR /app
USER luser
CMD ["node", "index.js"]
