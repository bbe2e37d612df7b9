"""Serves /srv/data/greeting.json, made by a RUN of the build."""
import http.server


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open("/srv/data/greeting.json", "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


http.server.HTTPServer(("0.0.0.0", 8000), Handler).serve_forever()
