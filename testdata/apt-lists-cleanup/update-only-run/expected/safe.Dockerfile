# a RUN that only fetches the package lists: removing them in it would leave a RUN that does nothing, and an
# image built on this one may install from them, so it is reported, not rewritten
FROM debian:bookworm
RUN apt-get update
CMD ["bash"]
