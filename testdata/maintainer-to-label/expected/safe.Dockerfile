FROM debian:bookworm
LABEL org.opencontainers.image.authors="Jane Doe \"jd\" <jane@example.com> \$HOME"
label org.opencontainers.image.authors="lower@example.com"
RUN true
