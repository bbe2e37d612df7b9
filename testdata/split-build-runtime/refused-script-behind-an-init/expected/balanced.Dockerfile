FROM python:3.11
RUN apt-get update && apt-get install -y dumb-init curl && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
CMD ["/usr/bin/dumb-init", "/opt/app/bin/flower.sh"]
