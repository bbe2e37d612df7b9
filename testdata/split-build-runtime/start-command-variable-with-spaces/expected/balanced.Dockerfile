FROM python:3.12
ENV APP_ARGS="--port 8000 --debug"
WORKDIR /srv/app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
CMD python3 main.py $APP_ARGS
