# pip writes the console script to /usr/local/bin; in a virtual environment it would be in /opt/venv/bin
FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install -e .
ENTRYPOINT ["python", "-u", "/usr/local/bin/exporter"]
