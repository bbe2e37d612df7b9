FROM alpine:3.20
RUN echo "export PATH=\$PATH:/opt/bin" >> /etc/profile
RUN echo 'export LANG=C.UTF-8' >> ~/.bashrc && echo hi
RUN echo "no export here" >> /etc/profile
