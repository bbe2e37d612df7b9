// Hashes with bcrypt's native binding (a .node file compiled in the build) and says which Node runs it.
const bcrypt = require("bcrypt");
const http = require("http");
http.createServer((req, res) => {
  const hash = bcrypt.hashSync("whittle", 4);
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify({ ok: bcrypt.compareSync("whittle", hash), node: process.versions.node.split(".")[0] }) + "\n");
}).listen(3000);
