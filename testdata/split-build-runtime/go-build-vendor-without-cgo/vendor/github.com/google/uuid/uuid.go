package uuid

import "crypto/rand"

var _ = rand.Reader
