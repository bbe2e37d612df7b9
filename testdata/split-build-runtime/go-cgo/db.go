package main

// #cgo LDFLAGS: -lsqlite3
// #include <sqlite3.h>
import "C"

func version() string { return C.GoString(C.sqlite3_libversion()) }
