FROM node:20-slim
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile --production && yarn cache clean
RUN yarn global add serve && yarn cache clean
RUN yarn && yarn cache clean
COPY . .
CMD ["serve", "-s", "build"]
