FROM debian:bookworm-slim
RUN export A=1
RUN echo "$A"
RUN ["echo", "exec form"]
RUN echo shell form
RUN <<EOT
echo heredoc
EOT
RUN echo x

RUN echo separated by a blank line
# whittle ignore=merge-runs
RUN echo suppressed
