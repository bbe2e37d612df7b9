FROM ubuntu:14.04
RUN apt-get update && apt-get install -y python-pip && rm -rf /var/lib/apt/lists/*
# pip 1.5.4 has no --no-cache-dir
RUN pip install flask
