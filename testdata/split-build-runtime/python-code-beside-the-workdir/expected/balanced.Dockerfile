# The code is copied to /opt/bot, on PYTHONPATH, and the WORKDIR is only a state folder: the runtime would lack the
# code (review round 11), so the split is refused
FROM python:3.11
ENV PYTHONPATH=/opt/bot
COPY . /opt/bot
RUN pip install --no-cache-dir -r /opt/bot/requirements.txt
WORKDIR /srv/bot
CMD ["python", "-m", "bot"]
