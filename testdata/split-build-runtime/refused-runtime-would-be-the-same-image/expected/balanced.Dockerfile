# whittle cannot read whether the app starts git (no sources in the build context), so git stays; the runtime
# would then be node:22-alpine with the same packages, and the split would gain nothing
FROM node:22-alpine
RUN apk add --no-cache git
WORKDIR /app
COPY package.json .
RUN npm install
COPY . .
CMD ["node", "server.js"]
