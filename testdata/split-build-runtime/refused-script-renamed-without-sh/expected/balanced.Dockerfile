FROM python:3.11
WORKDIR /opt/app
RUN git clone https://github.com/example/alerts.git
RUN cd alerts && pip install -r requirements.txt
ADD run.sh /usr/local/bin/run
RUN chmod +x /usr/local/bin/run
ENV PYTHONPATH /opt/app
CMD ["run"]
