FROM debian:bookworm
RUN apt-get update \
 && apt-get install -y -o Dpkg::Options::=--force-confold python3 python-pip \
 && rm -rf /var/lib/apt/lists/*
RUN apt-get install -y python=2.7.18-3
RUN echo python && pip install Pillow PIL==1.1.7 -r requirements.txt
RUN apk add --virtual python2 python3 && apk add python2=2.7.18-r0
