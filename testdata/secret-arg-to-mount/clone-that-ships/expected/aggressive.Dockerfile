FROM python:3.12
ARG GIT_TOKEN
RUN git clone https://x-access-token:${GIT_TOKEN}@github.com/acme/lib.git /opt/lib
CMD ["python3", "/opt/lib/main.py"]
