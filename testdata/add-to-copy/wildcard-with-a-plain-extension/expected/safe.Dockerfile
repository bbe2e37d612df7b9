FROM node:22-slim
WORKDIR /app
COPY package*.json ./
COPY src/*.js src/
ADD dist/* public/
ADD vendor/*.tar.gz /opt/
ADD config.* /etc/app/
CMD ["node", "src/index.js"]
