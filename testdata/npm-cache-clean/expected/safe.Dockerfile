FROM node:20-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
RUN npm install -g pm2 && \
    npm i --no-audit && \
    npm cache clean --force
RUN npm cache clean --force && npm install && npm cache clean --force
RUN npm ci;
COPY . .
CMD ["pm2-runtime", "server.js"]
