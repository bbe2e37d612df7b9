FROM python:3.11-alpine
RUN apt-get update && apt-get install -y curl
CMD ["python3"]
