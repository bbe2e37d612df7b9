# packages installed in /opt/tools, neither in the app nor above it: whether the app uses them is not known
FROM node:22
WORKDIR /opt/tools
RUN npm install typescript
WORKDIR /app
COPY . .
RUN npm ci
CMD ["node", "index.js"]
