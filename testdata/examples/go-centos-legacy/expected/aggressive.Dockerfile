FROM centos:7
RUN \
  yum install -y epel-release bison python-setuptools bzip2 wget make gcc gcc-c++ zlib-devel git lsof && \
  easy_install supervisor &&  \
  mkdir -p /opt/logs /etc/supervisord.d  && \
  yum clean all && \
  rm -f /etc/localtime && \
  ln -s /usr/share/zoneinfo/Asia/Kolkata /etc/localtime

#Install Go
RUN \
  cd /tmp && \
  wget https://storage.googleapis.com/golang/go1.12.6.linux-amd64.tar.gz && \
  tar -C /usr/local -xzf go1.12.6.linux-amd64.tar.gz && \
  ln -s /usr/local/go/bin/go /bin/go && \
  ln -s /usr/local/go/bin/gofmt /bin/gofmt && \
  rm -f go1.12.6.linux-amd64.tar.gz

ENV PATH=$PATH:/usr/local/go/bin:/usr/local/acme/orders/bin
ENV GO111MODULE=auto CGO_ENABLED=1
ENV GODEBUG="madvdontneed=1"
ARG GIT_TOKEN
RUN git config --global url."https://$GIT_TOKEN@github.com/acme/".insteadOf "https://github.com/acme/"
EXPOSE 80
#Set argument env - to receive input
ARG env
WORKDIR /usr/local/acme/orders
#Add supervisord and functions in startup scripts
COPY ./init/supervisord /etc/rc.d/init.d/
COPY ./init/services/* /etc/supervisord.d/
COPY ./go.mod .
RUN go mod download
#Copy source directory
COPY ./ .
RUN make && \
    chmod 0644 /etc/deployments/orders.sh && \
    chmod 0755 /etc/rc.d/init.d/supervisord
