FROM node:20-slim
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
ENV PATH=/app/node_modules/.bin:$PATH
CMD ["node", "server.js"]
