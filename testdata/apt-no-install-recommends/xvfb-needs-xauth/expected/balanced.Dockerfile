# xvfb-run calls xauth, which xvfb only recommends: it is named when recommends are dropped
FROM ubuntu:16.04
RUN apt-get update && apt-get install --no-install-recommends -y xvfb x11vnc net-tools xauth && rm -rf /var/lib/apt/lists/*
CMD ["xvfb-run", "firefox"]
