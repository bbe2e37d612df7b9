FROM debian:12
RUN echo 'export PATH=~/scala-2.12/bin:$PATH' >> ~/.bashrc
USER app
RUN echo 'export GOPATH=$HOME/go' >> ~/.bashrc
