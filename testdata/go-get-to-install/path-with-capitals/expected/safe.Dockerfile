# GitHub ignores the case of Sean-Der, module paths do not: fail2rest's go.mod declares
# github.com/sean-der/fail2rest, so `go install github.com/Sean-Der/fail2rest@latest` would fail; reported
FROM golang:1.22-alpine
RUN apk add --no-cache git && go get github.com/Sean-Der/fail2rest
CMD ["fail2rest"]
