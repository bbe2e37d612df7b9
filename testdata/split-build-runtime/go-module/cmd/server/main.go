package main

import (
	"net/http"
	"os"
)

func main() {
	cfg := os.Getenv("APP_CONFIG")
	_ = cfg
	http.ListenAndServe(":8080", nil)
}
