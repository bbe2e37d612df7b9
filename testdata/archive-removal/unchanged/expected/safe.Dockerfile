FROM debian:bookworm-slim
WORKDIR /opt
# streamed into tar: nothing is saved
RUN wget -qO- https://example.com/a-1.0.tar.gz | tar xz
# the RUN removes it itself
RUN curl -fsSLO https://example.com/b-1.0.tar.gz && tar xzf b-1.0.tar.gz && rm b-1.0.tar.gz
RUN curl -fsSL -o /tmp/c.tgz https://example.com/c.tgz && tar -C /opt -xzf /tmp/c.tgz && rm -rf /tmp/*
# a later instruction uses it
RUN curl -fsSLO https://example.com/d-1.0.tar.gz && tar xzf d-1.0.tar.gz
RUN sha256sum d-1.0.tar.gz > /opt/d.sum
# a directory whittle cannot follow, a loop, a copy of the archive
RUN cd "$HOME" && curl -fsSLO https://example.com/e.zip && unzip e.zip && cd e && make install
RUN for v in 1 2; do curl -fsSLO https://example.com/f-$v.tgz; done
RUN curl -fsSLO https://example.com/g.tgz && tar xzf g.tgz && cp g.tgz /srv/
# only checked, never unpacked: the archive may be what the image is for
RUN curl -fsSLO https://example.com/h.tgz && echo "0123abcd  h.tgz" | sha256sum -c -
# an exit ends the shell before anything appended
RUN wget -O /tmp/m.tgz https://example.com/m.tgz && tar xzf /tmp/m.tgz -C /tmp && make -C /tmp/m; exit 0
