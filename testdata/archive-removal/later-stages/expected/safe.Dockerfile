FROM example/toolbox:1 AS base
# the base image's WORKDIR is not known: a download and a later rm by the same relative name still meet
RUN curl -fsSLO https://example.com/a.tgz && tar xzf a.tgz && rm -f a.tgz
# ... but any folder a later RUN copies may be that WORKDIR
RUN curl -fsSLO https://example.com/b.tgz && tar xzf b.tgz
RUN cp -r /srv /backup
RUN rm b.tgz
WORKDIR /opt
# another stage copies its folder: kept, although no rm follows
RUN curl -fsSLO https://example.com/c.tgz && tar xzf c.tgz
# removed in another stage: whittle follows a file within its own stage only
RUN curl -fsSLO https://example.com/d.tgz && tar xzf d.tgz

FROM base
COPY --from=base /opt /srv/opt
RUN rm /opt/d.tgz
CMD ["sh"]
