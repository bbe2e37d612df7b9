module example.com/linx

go 1.22

require (
	github.com/GeertJohan/go.rice v1.0.3
	github.com/spf13/cobra v1.8.0
)
