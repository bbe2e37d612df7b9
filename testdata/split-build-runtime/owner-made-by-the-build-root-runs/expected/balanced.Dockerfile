FROM node:20 AS builder
RUN useradd -ms /bin/bash steak
WORKDIR /project
COPY --chown=steak:steak . .
RUN npm install --omit=dev

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/nodejs20-debian12
COPY --from=builder /etc/passwd /etc/passwd
COPY --from=builder /etc/group /etc/group
COPY --from=builder --chown=steak:steak /project /project
WORKDIR /project
CMD ["main.js"]
