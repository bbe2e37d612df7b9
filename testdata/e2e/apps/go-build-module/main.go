// Greets over HTTP: GET /greet?name=N answers "GREETING, N" (the greeting from -greeting).
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
)

func main() {
	greeting := flag.String("greeting", "hi", "what to say")
	flag.Parse()
	http.HandleFunc("/greet", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "%s, %s\n", *greeting, r.URL.Query().Get("name"))
	})
	log.Fatal(http.ListenAndServe(":8000", nil))
}
