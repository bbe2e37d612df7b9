"""Answers who it runs as, and writes to its own data directory (which must belong to it)."""
import getpass
import http.server
import os


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open("/app/data/visits", "a") as f:  # fails unless the user owns /app/data
            f.write("x")
        body = f"user={getpass.getuser()} uid={os.getuid()} home={os.path.expanduser('~')}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


http.server.HTTPServer(("0.0.0.0", 8000), Handler).serve_forever()
