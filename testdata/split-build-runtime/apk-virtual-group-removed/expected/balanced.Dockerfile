FROM node:22-alpine
WORKDIR /app
COPY . .
RUN apk add --no-cache --virtual native-deps g++ make python3 && \
    npm install && \
    apk del native-deps
CMD ["node", "index.js"]
