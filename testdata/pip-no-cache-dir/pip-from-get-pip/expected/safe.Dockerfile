# a third-party base whose pip whittle does not know, but the RUN installs one with get-pip.py first: get-pip
# always installs the newest pip as `pip`, so `pip install` can take --no-cache-dir
FROM example/tesseract:latest
RUN apk add --no-cache python3 curl && \
    curl -o - https://bootstrap.pypa.io/get-pip.py | python3 && \
    pip install --no-cache-dir Pillow
