FROM python:3.12
RUN apt-get update && apt-get install --no-install-recommends -y supervisor curl && rm -rf /var/lib/apt/lists/*
CMD ["supervisord", "-n"]
