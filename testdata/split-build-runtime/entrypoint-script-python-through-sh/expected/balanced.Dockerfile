FROM python:3.12 AS builder
WORKDIR /app
COPY requirements.txt .
RUN python -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
COPY scripts/entrypoint.sh ./entrypoint.sh

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM python:3.12-slim
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /app /app
WORKDIR /app
CMD ["sh", "./entrypoint.sh", "python", "app.py"]
