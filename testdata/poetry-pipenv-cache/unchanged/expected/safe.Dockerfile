FROM python:3.12 AS build
RUN pip install poetry && poetry install

FROM python:3.12-slim
RUN poetry install && rm -rf ~/.cache/pypoetry/cache ~/.cache/pypoetry/artifacts
RUN poetry install && poetry cache clear --all -n pypi
RUN pipenv install --system && rm -rf ~/.cache/pipenv ~/.cache/pip
RUN --mount=type=cache,target=/root/.cache/pypoetry poetry install
RUN poetry run pytest
ENV POETRY_CACHE_DIR=/opt/poetry-cache
RUN poetry install --no-root
