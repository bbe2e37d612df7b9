FROM node:20 AS build
WORKDIR /src
RUN yarn install && yarn build

FROM node:20-slim
WORKDIR /app
RUN yarn install --production && yarn cache clean
RUN yarn add express && rm -rf /usr/local/share/.cache/yarn
RUN yarn install --cache-folder /tmp/yarn-cache && rm -rf /tmp/yarn-cache
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install
RUN yarn --version && yarn build
COPY --from=build /src/build ./build
