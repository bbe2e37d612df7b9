# yarn global add puts pm2 in yarn's own global folder and links it in /usr/local/bin: not modelled, so not split
FROM node:22
WORKDIR /app
COPY . .
RUN yarn install --production && yarn global add pm2
CMD ["pm2-docker", "index.js"]
