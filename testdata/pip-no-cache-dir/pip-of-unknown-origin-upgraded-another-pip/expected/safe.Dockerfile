FROM example/python-base:1
RUN pip3 install --upgrade pip
RUN pip install requests
RUN pip3 install --no-cache-dir flask
