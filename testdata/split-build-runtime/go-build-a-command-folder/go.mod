module github.com/acme/platform

go 1.22
