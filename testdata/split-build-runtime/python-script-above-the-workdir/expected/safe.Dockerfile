# the start command runs /ecobee/ecobee.py while the WORKDIR is /ecobee/config: the app is /ecobee
FROM python:3.12 AS builder
COPY *.py requirements.txt /ecobee/
RUN python -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN cd /ecobee && pip install -r requirements.txt && mkdir -p /ecobee/config
WORKDIR /ecobee/config

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM python:3.12-slim
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /ecobee /ecobee
WORKDIR /ecobee/config
CMD ["python", "/ecobee/ecobee.py"]
