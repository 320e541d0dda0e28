"""Saved pages and text files read as browsers read them (BOM, HTTP header, <meta charset>, then
detection among UTF-8, GB18030 and Big5), undecodable ones refused with one line, and sizes
checked before reading with every read bounded."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from evwatch.cli import main

SIMPLIFIED = "比亚迪12月2日公告，比亚迪11月新能源汽车销量48.02万辆，同比增长12.3%。"
TRADITIONAL = "比亞迪12月2日公告，比亞迪11月新能源汽車銷量48.02萬輛，同比增長12.3%。"
FILLER_S = "公司表示，海外市场继续扩张，多款新车型在欧洲和东南亚上市，经销商网络持续扩大。"
FILLER_T = "公司表示，海外市場繼續擴張，多款新車型在歐洲和東南亞上市，經銷商網絡持續擴大。"


def page(sentence: str, filler: str, meta: str = "") -> str:
    return (
        f"<!doctype html><html><head>{meta}<title>{sentence[:3]}</title>"
        '<meta property="article:published_time" content="2025-12-02T10:00:00+08:00">'
        f"</head><body><article><h1>{sentence[:10]}</h1><p>{sentence}</p>"
        f"<p>{filler * 3}</p><p>{filler * 2}</p></article></body></html>"
    )


def snippets(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [json.loads(line)["snippet"] for line in capsys.readouterr().out.splitlines()]


@pytest.mark.parametrize(
    ("encoding", "meta", "sentence", "filler"),
    [
        ("gbk", '<meta charset="gbk">', SIMPLIFIED, FILLER_S),
        ("gb18030", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
         SIMPLIFIED, FILLER_S),
        ("big5", '<meta charset="big5">', TRADITIONAL, FILLER_T),
        ("gbk", "", SIMPLIFIED, FILLER_S),  # no declaration: detected
        ("big5", "", TRADITIONAL, FILLER_T),  # detected as Big5, not read as GB18030
        ("utf-8-sig", '<meta charset="gbk">', SIMPLIFIED, FILLER_S),  # the BOM wins
    ],
)  # fmt: skip
def test_saved_page_decoded_as_browsers_do(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    encoding: str,
    meta: str,
    sentence: str,
    filler: str,
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(page(sentence, filler, meta).encode(encoding))
    assert main(["extract", str(path), "--format", "jsonl"]) == 0
    assert snippets(capsys) == [sentence]


def test_plain_text_in_big5_is_not_read_as_gb18030(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes((TRADITIONAL + FILLER_T).encode("big5"))
    assert main(["extract", str(path), "--published", "2025-12-02", "--format", "jsonl"]) == 0
    assert snippets(capsys) == [TRADITIONAL]


class _GbkHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = page(SIMPLIFIED, FILLER_S).encode("gbk")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=GBK")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def gbk_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _GbkHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/article.html"
    server.shutdown()
    server.server_close()


def test_http_header_charset_decodes_a_page_without_meta(
    gbk_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", gbk_server, "--format", "jsonl", "--allow-private-addresses"]) == 0
    assert snippets(capsys) == [SIMPLIFIED]


@pytest.mark.parametrize("spelling", ["127.0.0.1", "2130706433", "localhost"])
def test_a_url_on_a_loopback_address_is_refused_unless_allowed(
    gbk_server: str, spelling: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = gbk_server.replace("127.0.0.1", spelling)
    assert main(["extract", url, "--format", "jsonl"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "refused" in err[0] and "--allow-private-addresses" in err[0], err
    metadata = "http://169.254.169.254/latest/meta-data/"
    assert main(["extract", metadata, "--published", "2025-12-02"]) == 2
    assert "link-local (cloud metadata)" in capsys.readouterr().err
    assert main(["extract", url, "--format", "jsonl", "--allow-private-addresses"]) == 0
    assert snippets(capsys) == [SIMPLIFIED]


def test_undecodable_page_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "page.html"
    # Declared UTF-8, but the body is bytes no text encoding produces.
    path.write_bytes(b'<html><head><meta charset="utf-8"></head><body><p>' + b"\xff\xfe\x80" * 400)
    assert main(["extract", str(path), "--published", "2025-12-02"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot decode" in err[0] and "page.html" in err[0]
    text = tmp_path / "binary.txt"
    text.write_bytes(bytes(range(0x80, 0x100)) * 40)
    assert main(["extract", str(text), "--published", "2025-12-02"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot decode" in err[0]


CHILD = (
    "import resource, sys\n"
    "from evwatch.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    "sys.exit(code)\n"
)


def _extract_in_child(source: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """Runs `evwatch extract SOURCE` in a child; returns it and the child's peak RSS in KiB."""
    child = subprocess.run(
        [sys.executable, "-c", CHILD, "extract", source, "--published", "2025-12-02"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    return child, int(child.stdout.split()[-1])


def test_size_checked_before_reading_a_large_file(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with open(big, "wb") as stream:  # sparse: 1 GB of size, no disk
        stream.truncate(1024**3)
    child, peak_kib = _extract_in_child(str(big), tmp_path)
    assert child.returncode == 2
    assert child.stderr.strip().splitlines() == [f"evwatch: error: {big}: larger than 10 MB"]
    assert peak_kib < 400 * 1024  # the gigabyte was never read


def test_endless_device_read_bounded(tmp_path: Path) -> None:
    child, peak_kib = _extract_in_child("/dev/zero", tmp_path)
    assert child.returncode == 2
    assert child.stderr.strip().splitlines() == ["evwatch: error: /dev/zero: larger than 10 MB"]
    assert peak_kib < 400 * 1024
