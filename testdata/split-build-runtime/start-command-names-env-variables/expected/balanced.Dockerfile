FROM python:3.12 AS builder
ENV APP_HOME=/srv/app PORT=8000
WORKDIR $APP_HOME
COPY requirements.txt .
RUN python -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM python:3.12-slim
ENV APP_HOME=/srv/app PORT=8000
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /srv/app /srv/app
WORKDIR /srv/app
CMD python3 $APP_HOME/main.py --port ${PORT}
