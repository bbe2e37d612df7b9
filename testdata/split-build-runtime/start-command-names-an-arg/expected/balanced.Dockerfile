FROM python:3.12
ARG APP_HOME=/srv/app
WORKDIR /srv/app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
CMD python3 $APP_HOME/main.py
