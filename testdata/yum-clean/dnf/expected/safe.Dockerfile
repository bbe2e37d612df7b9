FROM fedora:40 AS tools
RUN dnf install -y gcc && dnf clean all && rm -rf /var/cache/dnf

FROM tools
RUN dnf install -y python3 && dnf clean all
RUN dnf -y install git && dnf clean all && rm -rf /var/cache/dnf
