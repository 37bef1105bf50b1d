#!/usr/bin/env python3
"""A loopback stand-in for the arXiv API, for benchmarks: answers every `id_list` query with one
generated Atom entry per id in arXiv's 2025 layout, and `GET /requests` with how many queries it
has answered. Usage: mock_arxiv.py PORT_FILE (writes the port it listens on to PORT_FILE)."""

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

HEAD = (
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
    'xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">\n'
    "<id>https://arxiv.org/api/bench</id><title>arXiv Query</title>"
    "<updated>2026-01-01T00:00:00Z</updated>\n"
    "<opensearch:itemsPerPage>{n}</opensearch:itemsPerPage>"
    "<opensearch:totalResults>{n}</opensearch:totalResults>"
    "<opensearch:startIndex>0</opensearch:startIndex>\n"
)
ENTRY = (
    "<entry><id>http://arxiv.org/abs/{id}v1</id><title>Benchmark Paper {id}</title>"
    "<updated>2023-01-02T00:00:00Z</updated>"
    '<link href="https://arxiv.org/abs/{id}v1" rel="alternate" type="text/html"/>'
    "<summary>A generated abstract for {id}, long enough to look like one: it describes a "
    "method, a data set and a result in two sentences of ordinary length.</summary>"
    '<category term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>'
    "<published>2023-01-02T00:00:00Z</published>"
    '<arxiv:primary_category term="cs.CV"/>'
    "<author><name>Ada Lovelace</name></author><author><name>Alan Turing</name></author>"
    "</entry>\n"
)

count = 0
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        global count
        url = urlparse(self.path)
        if url.path == "/requests":
            body = str(count).encode()
        else:
            with lock:
                count += 1
            ids = [i for i in parse_qs(url.query).get("id_list", [""])[0].split(",") if i]
            body = (HEAD.format(n=len(ids)) + "".join(ENTRY.format(id=i) for i in ids) + "</feed>\n").encode()
        self.send_response(200)
        self.send_header("content-type", "application/atom+xml; charset=utf-8")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
