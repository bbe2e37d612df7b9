FROM python:3.12-slim
WORKDIR /app
RUN pip install poetry==1.8.3 pipenv
COPY pyproject.toml poetry.lock ./
RUN poetry config virtualenvs.create false && poetry install --no-root --only main && \
    rm -rf ~/.cache/pypoetry/cache ~/.cache/pypoetry/artifacts
COPY Pipfile Pipfile.lock ./
RUN pipenv sync --system && rm -rf ~/.cache/pipenv ~/.cache/pip
RUN poetry install --only dev && pipenv install --dev --system && \
    rm -rf ~/.cache/pypoetry/cache ~/.cache/pypoetry/artifacts ~/.cache/pipenv ~/.cache/pip
CMD ["python", "-m", "app"]
