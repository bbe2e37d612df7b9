FROM ubuntu:22.04
RUN apt-get update && apt-get install --no-install-recommends -y curl gnupg ca-certificates && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL https://example.com/key.gpg | gpg --dearmor -o /usr/share/keyrings/example.gpg \
 && echo "deb [signed-by=/usr/share/keyrings/example.gpg] https://example.com/apt stable main" > /etc/apt/sources.list.d/example.list \
 && apt-get update && apt-get install -y example-agent && rm -rf /var/lib/apt/lists/*
