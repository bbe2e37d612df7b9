FROM node:20
RUN curl -fsSL https://example.com/setup.sh -o /tmp/setup.sh && echo "deb https://example.com/apt stable main" > /etc/apt/sources.list.d/x.list \
 && apt-get update && apt-get install -y example-runtime && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json .
RUN npm install
COPY . .
CMD ["node", "server.js"]
