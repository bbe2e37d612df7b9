FROM python:3.12
RUN --mount=type=secret,id=git_token export GIT_TOKEN="$(cat /run/secrets/git_token)" && git clone --depth=1 https://${GIT_TOKEN}@github.com/acme/lib.git && \
    pip install --no-cache-dir ./lib && \
    rm -rf lib
CMD ["python3"]
