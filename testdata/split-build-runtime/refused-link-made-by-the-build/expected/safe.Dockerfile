# /config is a link into the app: COPY --from would copy its target, and a config mounted at /config would not reach the app
FROM node:22
WORKDIR /usr/src/app
COPY . .
RUN npm ci && ln -s /usr/src/app/config /config
CMD ["node", "index.js"]
