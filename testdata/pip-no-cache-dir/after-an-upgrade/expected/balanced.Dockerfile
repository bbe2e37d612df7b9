FROM ubuntu:14.04
RUN apt-get update && apt-get install -y python-pip && rm -rf /var/lib/apt/lists/*
# the upgrade runs with pip 1.5.4; the install after it has the new pip
RUN pip install -U pip && pip install --no-cache-dir flask
