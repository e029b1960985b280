"""Small inputs written for the ingest tests: a crawled page, an HTML page, feeds, a WARC."""

from __future__ import annotations

from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = """Gempa Magnitudo 5,6 Guncang Cianjur

Gempa Magnitudo 5,6 Guncang Cianjur

Nasional | beritakita.co.id | Senin, 21 November 2022 - 13:45
share

CIANJUR, BERITAKITA.co.id - Gempa bumi berkekuatan magnitudo 5,6 mengguncang Cianjur, Jawa Barat.
"""

HTML = """<!DOCTYPE html><html lang="id"><head>
<title>Pasar Murah Digelar di Surabaya - Kabar Timur</title>
<meta property="og:title" content="Pasar Murah Digelar di Surabaya">
<meta property="og:site_name" content="Kabar Timur">
<meta property="article:published_time" content="2023-03-14T16:20:00+07:00">
</head><body><nav>Beranda | Ekonomi</nav><article><h1>Pasar Murah Digelar di Surabaya</h1>
<p>Pemerintah Kota Surabaya menggelar pasar murah di 31 kecamatan menjelang Ramadan untuk
menekan harga bahan pokok yang naik sejak awal bulan ini.</p>
<p>Wali kota mengatakan warga bisa membeli beras, gula dan minyak goreng dengan harga lebih
rendah dari harga pasar hingga akhir pekan depan.</p></article></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Kabar Kota</title><link>https://kabarkota.example/</link><language>id</language>
<item><title>Lampu Lalu Lintas Baru Dipasang</title>
<link>https://kabarkota.example/a</link><pubDate>Tue, 14 Mar 2023 09:00:00 +0700</pubDate>
<description>&lt;p&gt;Dinas Perhubungan memasang lampu lalu lintas baru di lima
persimpangan.&lt;/p&gt;</description>
</item>
<item><title>Taman Kota Dibuka Kembali</title><link>https://kabarkota.example/b</link>
<description>Taman kota dibuka kembali untuk umum setelah direnovasi
selama tiga bulan.</description>
</item></channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>River Post</title><id>urn:river</id><updated>2023-05-01T10:00:00Z</updated>
<entry><title>Bridge reopens</title><link href="https://riverpost.example/bridge"/>
<id>urn:river:1</id><published>2023-05-01T09:30:00+02:00</published>
<updated>2023-05-01T09:30:00+02:00</updated>
<content type="html">&lt;p&gt;The old bridge reopened to traffic on Monday after
repairs.&lt;/p&gt;</content>
<summary>Short summary only.</summary></entry></feed>"""


def make_warc(pages: list[tuple[str, str]], *, gzip: bool = True) -> bytes:
    """A WARC with a warcinfo record and one request and response per page."""
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "test"}))
    for url, html in pages:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = BytesIO(html.encode("utf-8"))
        writer.write_record(
            writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
        )
    return buffer.getvalue()
