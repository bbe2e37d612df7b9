"""GET /items answers the items of the service beside it (127.0.0.1:9000, started by verify --service), with the time."""
import json
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer


class Items(BaseHTTPRequestHandler):
    def do_GET(self):
        with urllib.request.urlopen("http://127.0.0.1:9000/items.json", timeout=5) as r:
            items = json.load(r)
        body = json.dumps({"items": items, "servedAt": time.time()}).encode()
        self.send_response(200 if self.path == "/items" else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    print("listening on 8000")
    HTTPServer(("0.0.0.0", 8000), Items).serve_forever()
