FROM python:3.12-slim
RUN pip install --no-cache-dir -r requirements.txt
RUN pip3 install --no-cache-dir --upgrade pip && python3 -m pip install --no-cache-dir flask gunicorn
RUN pip install --no-cache-dir poetry && poetry install --no-root && \
    rm -rf ~/.cache/pypoetry/cache ~/.cache/pypoetry/artifacts
RUN pipenv install --system --deploy && rm -rf ~/.cache/pipenv ~/.cache/pip
RUN npm ci --omit=dev && npm cache clean --force
RUN yarn install --frozen-lockfile && yarn cache clean
RUN gem install --no-document bundler -v 2.5.0
RUN composer install --no-dev && composer clear-cache
RUN zypper --non-interactive install curl && zypper clean -a
