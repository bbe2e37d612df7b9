FROM debian:bookworm-slim
WORKDIR /app
# a comment between two COPYs belongs to the second: both kept apart
COPY a.conf /etc/app/
# the defaults
COPY b.conf /etc/app/

COPY c.conf /etc/app/

# other flags, an unknown flag, the JSON form, quotes, a heredoc
COPY --chown=app e.conf /etc/app/
COPY --chown=root f.conf /etc/app/
COPY --chmod=644 g.conf /etc/app/
COPY --chmod=644 --newflag=1 h.conf /etc/app/

COPY ["i.conf", "/etc/app/"]
COPY ["j.conf", "/etc/app/"]

COPY "k.conf" /etc/app/
COPY "l.conf" /etc/app/

COPY <<EOT /etc/app/m.conf
m
EOT
COPY n.conf /etc/app/

# a destination that may be a file: one file copied to /usr/local/bin/tool is renamed
COPY tool-linux /usr/local/bin/tool
COPY tool-completion /usr/local/bin/tool

# the WORKDIR, but a RUN since could have removed it
RUN rm -rf /app && mkdir /app
COPY o /app
COPY p /app

# suppressed right above the first
# whittle ignore=merge-copies
COPY q /srv/
COPY r /srv/

# ADD is not COPY
ADD s /srv/
ADD t /srv/

# different destinations
COPY u /srv/a/
COPY v /srv/b/
COPY w /srv/a
COPY x /srv/a/
CMD ["app"]
