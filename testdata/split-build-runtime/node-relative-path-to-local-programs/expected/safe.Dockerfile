# a relative PATH entry is looked up from the working directory the container starts in: the runtime
# receives /code/node_modules/.bin, so the PATH that names it stays (gulp, bower and the rest are found)
FROM node:22 AS builder
ENV PATH node_modules/.bin:$PATH
WORKDIR /code
COPY package.json /code/
RUN npm install
COPY . /code/

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:22-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV PATH node_modules/.bin:$PATH
COPY --from=builder /code /code
WORKDIR /code
CMD npm start
