FROM python:3.12
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
RUN echo "    KexAlgorithms +diffie-hellman-group1-sha1" >> /etc/ssh/ssh_config
COPY husk.py .
CMD ["python", "husk.py"]
