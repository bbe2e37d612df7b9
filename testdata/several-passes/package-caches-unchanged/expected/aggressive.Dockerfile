FROM python:3.12-slim AS deps
# builder stage: nothing here ships
RUN pip install -r requirements.txt && npm ci

FROM python:3.12-slim
ENV PIP_NO_CACHE_DIR=1
RUN pip install -r requirements.txt
RUN pip install --no-cache-dir flask
RUN --mount=type=cache,target=/root/.npm npm ci
RUN npm ci && npm cache clean --force
RUN yarn install && yarn cache clean
RUN gem install --no-document rails
RUN composer install && composer clear-cache
RUN poetry install && rm -rf ~/.cache/pypoetry/cache
COPY --from=deps /app /app
