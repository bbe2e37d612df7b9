# gnupg, which gpg-agent recommends, goes on gpg-agent's install: apt-key needs it before the second install
FROM ubuntu:18.04
RUN apt-get update && apt-get install --no-install-recommends -y gpg-agent gnupg && curl -sS https://example.com/key | apt-key add - && apt-get install --no-install-recommends -y git ca-certificates netbase openssh-client
