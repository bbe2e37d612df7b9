FROM node:20-slim
ARG token
WORKDIR /usr/src/bot
COPY package.json .
RUN npm install
RUN echo "{ \"token\" : \"$token\" }" > secret_settings.json
COPY . .
CMD ["node", "main.js"]
