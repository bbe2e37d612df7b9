package main

import (
	"database/sql"
	"net/http"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	db, _ := sql.Open("sqlite3", "/data/notes.db")
	_ = db
	http.ListenAndServe(":8080", nil)
}
