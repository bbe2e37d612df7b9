# the app writes ROUTES_FILE under /tmp/app/config, which the build made: that directory goes to the runtime
FROM python:3.12 AS builder
ENV ROUTES_FILE=/tmp/app/config/routes.pickle
RUN mkdir -p /tmp/app/config
WORKDIR /app
COPY requirements.txt .
RUN python -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM python:3.12-slim
ENV ROUTES_FILE=/tmp/app/config/routes.pickle
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /app /app
COPY --from=builder /tmp/app/config /tmp/app/config
WORKDIR /app
CMD ["python", "-m", "app.main"]
