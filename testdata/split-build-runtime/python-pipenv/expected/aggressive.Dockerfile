FROM python:3.11-alpine AS builder
WORKDIR /code
RUN apk add --no-cache build-base libffi-dev
RUN python -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install pipenv
COPY Pipfile Pipfile.lock ./
RUN pipenv install --system --deploy
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM python:3.11-alpine
RUN apk add --no-cache libffi
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /code /code
WORKDIR /code
CMD ["python", "main.py"]
