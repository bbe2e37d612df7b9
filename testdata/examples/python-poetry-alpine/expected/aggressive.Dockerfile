# pull official base image
FROM tiangolo/meinheld-gunicorn:python3.8

WORKDIR /FamousNER
USER root

ENV POETRY_VERSION=1.1.4

# install dependencies
COPY ./backend/pyproject.toml ./backend/poetry.lock /FamousNER/
RUN apk add --no-cache --virtual .build-deps gcc libc-dev libffi-dev python3-dev musl-dev make build-base \
     && pip install --no-cache-dir --upgrade pip setuptools wheel \
     && pip install --no-cache-dir "poetry==$POETRY_VERSION" \
     && poetry config virtualenvs.create false \
     && poetry install --no-interaction --no-ansi --no-dev \
     && apk del .build-deps gcc libc-dev libffi-dev musl-dev make build-base \
     && rm -rf ~/.cache/pypoetry/cache ~/.cache/pypoetry/artifacts

# copy project
COPY ./backend/ /FamousNER/
