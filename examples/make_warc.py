"""Write ``warc/pages.warc.gz``: the example HTML pages as a crawler's WARC (run from here).

Each page becomes one HTTP response record under the URL it claims, after a ``warcinfo``
record and with a request record for each response, as real crawls have.
"""

from __future__ import annotations

import hashlib
import re
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent


def page_url(html: str, name: str) -> str:
    m = re.search(r'(?:og:url|canonical)"\s+(?:content|href)="([^"]+)"', html)
    return m.group(1) if m else f"https://example.invalid/{name}"


def fixed_headers(url: str, kind: str) -> dict[str, str]:
    """A fixed date and a record id derived from the URL, so the file rebuilds identically."""
    digest = hashlib.sha1(f"{kind} {url}".encode()).hexdigest()
    uuid = f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
    return {"WARC-Date": "2024-08-15T00:00:00Z", "WARC-Record-ID": f"<urn:uuid:{uuid}>"}


def main() -> None:
    out = HERE / "warc" / "pages.warc.gz"
    with out.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        info = writer.create_warcinfo_record(out.name, {"software": "warta example"})
        for name, value in fixed_headers(out.name, "warcinfo").items():
            info.rec_headers.replace_header(name, value)
        writer.write_record(info)
        for page in sorted((HERE / "html").glob("*.html")):
            html = page.read_bytes()
            url = page_url(html.decode("utf-8"), page.name)
            host = [("Host", "example")]
            request = StatusAndHeaders("GET / HTTP/1.1", host, is_http_request=True)
            fixed = fixed_headers(url, "request")
            writer.write_record(
                writer.create_warc_record(
                    url, "request", http_headers=request, warc_headers_dict=fixed
                )
            )
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(html),
                http_headers=headers,
                warc_headers_dict=fixed_headers(url, "response"),
            )
            writer.write_record(record)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
