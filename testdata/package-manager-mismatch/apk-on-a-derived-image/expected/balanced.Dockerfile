FROM tiangolo/meinheld-gunicorn:python3.8
COPY requirements.txt /app/
RUN apk add --no-cache --virtual .build-deps gcc musl-dev \
    && pip install -r /app/requirements.txt \
    && apk del .build-deps
COPY . /app
