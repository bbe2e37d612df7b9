# no requirements file in the context to read: the slim runtime gets the libraries the full image has for
# packages that compile against them (psycopg2, mysqlclient, lxml ...)
FROM python:3.12 AS builder
WORKDIR /app
COPY . .
RUN python -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 libmariadb3 libxml2 libxslt1.1 libjpeg62-turbo libpng16-16t64 libfreetype6 libcurl4t64 libldap2 libsasl2-2 libyaml-0-2 && rm -rf /var/lib/apt/lists/*
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /app /app
WORKDIR /app
CMD ["gunicorn", "app:app"]
