FROM node:20
WORKDIR /app
COPY . .
RUN npm install -g git+https://github.com/example/runner.git && npm install --omit=dev
CMD ["runner", "server.js"]
