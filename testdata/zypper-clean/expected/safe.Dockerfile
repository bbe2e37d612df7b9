FROM opensuse/leap:15.6
RUN zypper --non-interactive refresh && zypper --non-interactive install -y curl tar gzip && \
    zypper clean -a
RUN zypper -n in --no-recommends python3 && zypper clean -a
RUN zypper clean -a && zypper -n up && zypper clean -a
CMD ["python3"]
