FROM node:22 AS builder
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/nodejs22-debian12:nonroot
COPY --from=builder /etc/passwd /etc/passwd
COPY --from=builder /etc/group /etc/group
COPY --from=builder /usr/src/app /usr/src/app
WORKDIR /usr/src/app
EXPOSE 3000
USER node
CMD ["dist/server.js"]
