FROM alpine:3.20
# URLs, archives (unpacked by ADD), variables and ADD-only flags keep ADD
ADD https://example.com/tool.tar.gz /tmp/
ADD rootfs.tar.xz /
ADD vendor.tgz /opt/
ADD git@github.com:org/repo.git /src
ADD --checksum=sha256:0123 https://example.com/x /x
ADD ${SRC} /dst
ADD <<EOF /etc/motd
hello
EOF
# hadolint ignore=DL3020
ADD keep.txt /keep.txt
# whittle ignore=add-to-copy
ADD keep2.txt /keep2.txt
