FROM docker:dind
RUN apk add --no-cache python3 && \
    python3 -m ensurepip && \
    pip3 install --no-cache --upgrade pip setuptools wheel
RUN pip3 install --no-cache-dir docker-compose~=1.23.0
RUN pip3 install --no-cache-dir awscli
