FROM python:3.12 AS builder
RUN groupadd -r app && useradd -r -g app -m -d /home/app app
WORKDIR /srv
COPY . .
RUN python -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt && chown -R app:app /srv

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM python:3.12-slim
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
COPY --from=builder /etc/passwd /etc/passwd
COPY --from=builder /etc/group /etc/group
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder --chown=app:app /srv /srv
COPY --from=builder --chown=app:app /home/app /home/app
WORKDIR /srv
USER app
CMD ["python", "main.py"]
