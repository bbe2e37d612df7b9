# node:5-slim is Debian jessie: the HEALTHCHECK's curl cannot be installed there any more
FROM node:5
WORKDIR /app
COPY . .
RUN npm install
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
CMD ["node", "index.js"]
