FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
copy --chown=app:app src/ /app/src/
COPY a \
    b \
    /app/
CMD ["python", "-m", "app"]
