FROM tiangolo/uvicorn-gunicorn-fastapi:python3.8-slim
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir -r /tmp/requirements.txt
COPY ./app /app
CMD ["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "main:app"]
