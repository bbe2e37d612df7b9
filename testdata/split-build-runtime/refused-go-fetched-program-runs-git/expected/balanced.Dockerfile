# rebasebot's sources (templates/go-programs.yaml) run git clone, fetch and push: a runtime without git breaks
# every request, though nothing in the Dockerfile says so
FROM golang:1.5
RUN go get -u github.com/chrisledet/rebasebot
RUN go install github.com/chrisledet/rebasebot
RUN git config --global user.name "Rebase Bot"
ENTRYPOINT ["rebasebot"]
