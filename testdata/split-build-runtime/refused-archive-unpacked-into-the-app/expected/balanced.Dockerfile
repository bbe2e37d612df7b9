# the build unpacks a downloaded tool (a Perl script, a binary) into the app's directory: the app may run it,
# with the Perl and the other tools only the full node image has
FROM node:22
WORKDIR /code
COPY package.json .
RUN npm install
RUN curl -o texcount.zip https://example.org/texcount_3_1_1.zip && unzip texcount.zip && rm texcount.zip
COPY . /code
CMD ["node", "bot.js"]
