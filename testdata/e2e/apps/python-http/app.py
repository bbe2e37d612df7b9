"""GET /hello?name=N answers {"greeting": "hello N"}."""
import json
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse


class Hello(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        name = parse_qs(url.query).get("name", ["world"])[0]
        body = json.dumps({"greeting": f"hello {name}"}).encode()
        self.send_response(200 if url.path == "/hello" else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    print("listening on 8000")
    HTTPServer(("0.0.0.0", 8000), Hello).serve_forever()
