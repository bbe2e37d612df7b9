FROM node:18
WORKDIR /app
RUN apk add --no-cache git python3 make g++ && \
    npm install -g pm2
COPY . .
CMD ["pm2-runtime", "server.js"]
