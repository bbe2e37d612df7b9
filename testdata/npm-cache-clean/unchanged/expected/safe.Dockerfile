FROM node:20 AS build
WORKDIR /src
RUN npm ci && npm run build

FROM node:20-slim
WORKDIR /app
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
RUN npm install && npm cache clean --force
RUN npm ci && rm -rf ~/.npm
RUN npm run migrate --if-present
COPY --from=build /src/dist ./dist
CMD ["node", "dist/server.js"]
