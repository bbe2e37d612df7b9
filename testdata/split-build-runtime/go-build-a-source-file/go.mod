module tool

go 1.21
