FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get -qy install --no-install-recommends git
RUN apt-get install --no-install-recommends --assume-yes make
RUN pip install --index-url=https://pypi.org/simple requests && python -m pip install --index-url=https://pypi.example.com/simple flask
