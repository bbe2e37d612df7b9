package sqlite3

/*
#cgo CFLAGS: -DSQLITE_ENABLE_RTREE
#include "sqlite3-binding.h"
*/
import "C"
