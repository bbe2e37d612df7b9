FROM debian:bookworm-slim
WORKDIR /opt
# a script runs before the later rm: it may read the archive
RUN curl -fsSLO https://example.com/a.tgz && tar xzf a.tgz
RUN ./a/install.sh
RUN rm a.tgz
# the later RUN reads it before removing it
RUN curl -fsSLO https://example.com/b.tgz && tar xzf b.tgz
RUN tar tzf b.tgz > /opt/b.list && rm b.tgz
# a pattern may match it
RUN curl -fsSL -o /tmp/c.deb https://example.com/c.deb && dpkg -i /tmp/c.deb
RUN cp /tmp/*.deb /srv/
RUN rm -f /tmp/c.deb
# its folder is copied
RUN curl -fsSL --create-dirs -o /tmp/d/d.zip https://example.com/d.zip && unzip /tmp/d/d.zip -d /opt
RUN cp -r /tmp/d /srv/d
RUN rm -rf /tmp/d
# a VOLUME over its folder
RUN mkdir /data && wget -O /data/e.tgz https://example.com/e.tgz && tar xzf /data/e.tgz -C /data
VOLUME /data
RUN rm /data/e.tgz
# the later rm has no -f and a pattern that may match nothing once the file is gone
RUN wget -O /tmp/f.tgz https://example.com/f.tgz && tar xzf /tmp/f.tgz -C /opt
RUN rm /tmp/*.tgz
# the later rm has no -f and removes other files too
RUN wget -O /tmp/g.tgz https://example.com/g.tgz && tar xzf /tmp/g.tgz -C /opt
RUN rm /tmp/g.tgz /opt/g/README
# a COPY into its folder comes before the later rm without -f
RUN curl -fsSLO https://example.com/h.tgz && tar xzf h.tgz
COPY . .
RUN rm h.tgz
# the later rm is marked to be left alone
RUN curl -fsSLO https://example.com/i.tgz && tar xzf i.tgz
# whittle ignore=archive-removal
RUN rm i.tgz
# the later rm without -f follows a `;`
RUN curl -fsSLO https://example.com/j.tgz && tar xzf j.tgz
RUN apt-get clean; rm j.tgz
# bunzip2 removes the archive itself: nothing to add
RUN wget https://example.com/k.tar.bz2 && bunzip2 k.tar.bz2 && tar xf k.tar
# a loop with a pattern before the later rm
RUN curl -fsSLO https://example.com/l.tgz && tar xzf l.tgz
RUN for f in /opt/*.tgz; do sha256sum "$f"; done
RUN rm l.tgz
CMD ["sh"]
