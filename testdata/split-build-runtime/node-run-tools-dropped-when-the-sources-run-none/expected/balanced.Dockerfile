# the app's sources start no program: the git the build installed for a git dependency stays behind
FROM node:22-alpine AS builder
RUN apk add --no-cache git
WORKDIR /app
COPY package.json .
RUN npm install
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:22-alpine
COPY --from=builder /app /app
WORKDIR /app
CMD ["node", "app.js"]
