FROM debian:bookworm-slim
WORKDIR /opt
# removed by name in a later RUN of its own: the removal moves and that RUN goes
RUN curl -fsSLO https://example.com/a-1.0.tar.gz && tar xzf a-1.0.tar.gz && rm -f a-1.0.tar.gz
ENV A_HOME=/opt/a-1.0
# a later rm without -f among other steps: the step goes, the rest stays
RUN curl -fsSL -o /tmp/b.deb https://example.com/b_1.0_amd64.deb && dpkg -i /tmp/b.deb && \
    rm -f /tmp/b.deb
EXPOSE 80
RUN apt-get clean
# a later cleanup of the whole folder stays: it has -f and removes more
RUN wget -O /tmp/c.zip https://example.com/c.zip && unzip /tmp/c.zip -d /opt && rm -f /tmp/c.zip
USER root
RUN rm -rf /tmp/* /var/tmp/*
# two downloads removed by one later rm after a cd: nothing but the cd would be left, so the RUN goes
RUN cd /srv && curl -fsSLO https://example.com/d.tgz && tar xzf d.tgz && rm -f d.tgz
RUN cd /srv && wget https://example.com/e.tar.xz && tar xJf e.tar.xz && rm -f e.tar.xz
LABEL org.example.stage=tools
# removed by a later RUN that downloads and unpacks one of its own
RUN curl -fsSLO https://example.com/f.tgz && tar xzf f.tgz && rm -f f.tgz
WORKDIR /opt/f
RUN curl -fsSLO https://example.com/g.tgz && tar xzf g.tgz && rm -f g.tgz
# a folder above it removed without -f: the folder is still there, the rm stays
RUN mkdir -p /build && cd /build && wget https://example.com/h-2.1.tar.gz && tar xzf h-2.1.tar.gz && \
    rm -f h-2.1.tar.gz
RUN cd /build/h-2.1 && cp bin/h /usr/local/bin/
RUN rm -r /build
# a later mv into a folder above it writes there and does not read the archive
RUN cd /usr/local/src && wget https://example.com/k-1.0.tar.gz && tar xzf k-1.0.tar.gz && \
    rm -f k-1.0.tar.gz
RUN mv /usr/local/src/k-1.0 /usr/local/
RUN rm -rf /usr/local/src/*
CMD ["sh"]
