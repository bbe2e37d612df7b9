FROM python:3.11-slim-bookworm AS builder
ENV POETRY_VERSION=1.8.3 POETRY_VIRTUALENVS_CREATE=false
WORKDIR /srv
RUN apt-get update && apt-get install -y build-essential
RUN python -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install "poetry==$POETRY_VERSION"
COPY pyproject.toml poetry.lock ./
RUN poetry install --only main --no-interaction
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM python:3.11-slim-bookworm
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /srv /srv
WORKDIR /srv
CMD ["python", "-m", "service"]
