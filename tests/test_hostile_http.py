"""Hostile input over HTTP, against a real gunicorn: every request gets a 2xx or a 4xx problem+json,
within a time bound proportional to its size, and one bad client does not hold up the others."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest
import requests

from conftest import LiveServer, sample_articles

pytestmark = pytest.mark.e2e
CLIENT_TIMEOUT = 1.5


def time_bound(n_bytes: int) -> float:
    """Generous on a slow machine, tight enough to catch quadratic behaviour: 2 s + 20 ms per KB."""
    return 2.0 + 0.020 * n_bytes / 1000


@pytest.fixture(scope="module")
def server():
    srv = LiveServer(env={"CLIENT_TIMEOUT": str(CLIENT_TIMEOUT)}).start()
    yield srv
    srv.stop()


def post(server, body: bytes, content_type: str = "application/json", path: str = "/v1/enrich"):
    started = time.monotonic()
    response = requests.post(server.url + path, data=body, headers={"Content-Type": content_type}, timeout=60)
    elapsed = time.monotonic() - started
    assert elapsed < time_bound(len(body)), f"{elapsed:.1f} s for {len(body)} bytes"
    assert response.status_code < 500, response.text[:500]
    if response.status_code >= 400:
        assert response.headers["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == response.status_code
        assert "Traceback" not in response.text
    return response


def raw_exchange(server, chunks: list[bytes], pause: float = 0.0, read_timeout: float = 30.0) -> bytes:
    """Send bytes as they are (wrong headers and all), pausing between chunks; return what comes back."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=read_timeout) as sock:
        for chunk in chunks:
            sock.sendall(chunk)
            time.sleep(pause)
        received = b""
        while True:
            try:
                data = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not data:
                break
            received += data
    return received


ARTICLE = sample_articles()["flood"]


@pytest.mark.parametrize("text", ["", "   \n\t  "], ids=["empty", "whitespace"])
def test_empty_and_whitespace_text_are_422(server, text):
    assert post(server, json.dumps({"text": text}).encode()).status_code == 422
    assert post(server, text.encode(), "text/plain; charset=utf-8").status_code == 422


def test_one_megabyte_single_line(server):
    line = ARTICLE.replace("\n", " ") * (999_000 // len(ARTICLE) + 1)
    body = line.encode()[:999_000].decode(errors="ignore").encode()
    response = post(server, body, "text/plain; charset=utf-8")
    assert response.status_code == 200
    assert any(p["name"] == "Karachi" for p in response.json()["places"])


def test_one_hundred_thousand_place_names(server):
    names = ["Paris", "Lima", "Rome", "Oslo", "Kabul", "Cairo", "Springfield", "Jordan", "Georgia", "Victoria"]
    text = ", ".join(names[i % len(names)] for i in range(100_000))
    response = post(server, text.encode(), "text/plain; charset=utf-8")
    assert response.status_code == 200
    places = response.json()["places"]
    assert 1 <= len(places) <= 20
    assert sum(len(p["mentions"]) for p in places) > 50_000


def test_all_caps_article(server):
    response = post(server, json.dumps({"text": ARTICLE.upper()}).encode())
    assert response.status_code == 200


def test_control_characters_and_nul(server):
    text = "JERUSALEM\x00 \x01\x02 John Kerry\x07 visited\x1b[31m Ramadi\x7f, Iraq.\x0b\x0c\r\n" * 50
    for body, kind in ((json.dumps({"text": text}).encode(), "application/json"),
                       (text.encode(), "text/plain; charset=utf-8")):
        response = post(server, body, kind)
        assert response.status_code == 200
        for place in response.json()["places"]:
            for m in place["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]


def test_invalid_utf8_in_text_plain_is_400(server):
    response = post(server, b"Ramadi \xff\xfe\xc3( Iraq", "text/plain; charset=utf-8")
    assert response.status_code == 400
    assert "UTF-8" in response.json()["detail"]


def test_lone_surrogate_is_422_and_duplicate_keys_400(server):
    assert post(server, b'{"text": "Ramadi \\ud800 Iraq"}').status_code == 422
    assert post(server, b'{"text": "a", "text": "b"}').status_code == 400


@pytest.mark.parametrize("text", [
    "القدس - قال وزير الخارجية الأمريكي جون كيري إن الولايات المتحدة ستساعد العراق في الرمادي. " * 20,
    "耶路撒冷消息 美国国务卿克里表示美国将帮助伊拉克政府在拉马迪打击基地组织。" * 40,
    "שלום ירושלים \u202eReversed text\u202c and \u200fRTL marks\u200e in London.",
], ids=["arabic", "chinese", "bidi-controls"])
def test_right_to_left_and_cjk(server, text):
    response = post(server, json.dumps({"text": text}).encode())
    assert response.status_code == 200
    body = response.json()
    if "London" not in text:
        assert body["language"]["supported"] is False


def test_html_markup_and_scripts(server):
    html = ("<html><head><script>alert('x')</script><style>p{}</style></head><body>"
            "<p>By <b>Jane Doe</b></p><p>LONDON &mdash; <a href=\"javascript:alert(1)\">Talks</a> in Paris.</p>"
            "<img src=x onerror=alert(1)></body></html>") * 20
    response = post(server, html.encode(), "text/plain; charset=utf-8")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


def test_deeply_nested_json(server):
    depth = 100_000
    body = b'{"text": ' + b"[" * depth + b"]" * depth + b"}"
    assert post(server, body).status_code in (400, 422)


def test_ten_thousand_item_batch_is_refused_whole(server):
    body = json.dumps({"articles": [{"id": str(i), "text": "Paris."} for i in range(10_000)]}).encode()
    response = post(server, body, path="/v1/enrich/batch")
    assert response.status_code == 422
    assert "at most" in response.json()["detail"]


def _request_head(length: int, content_type: str = "application/json") -> bytes:
    return (f"POST /v1/enrich HTTP/1.1\r\nHost: localhost\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {length}\r\nConnection: close\r\n\r\n").encode()


def test_content_length_longer_than_body_is_answered_after_client_timeout(server):
    body = json.dumps({"text": "Ramadi, Iraq."}).encode()
    started = time.monotonic()
    answer = raw_exchange(server, [_request_head(len(body) + 500) + body])
    assert time.monotonic() - started < CLIENT_TIMEOUT + 5
    assert answer.startswith((b"HTTP/1.1 400", b"HTTP/1.1 408")), answer[:200]
    assert b"application/problem+json" in answer and b"Content-Length" in answer.split(b"\r\n\r\n", 1)[1]


def test_content_length_shorter_than_body_reads_only_what_was_declared(server):
    body = json.dumps({"text": "Ramadi, Iraq."}).encode()
    answer = raw_exchange(server, [_request_head(len(body) - 5) + body])
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
    assert b"application/problem+json" in answer


def test_content_length_not_a_number_is_400(server):
    head = _request_head(0).replace(b"Content-Length: 0", b"Content-Length: 12abc")
    answer = raw_exchange(server, [head + b'{"text":"x"}'])
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
    assert b"application/problem+json" in answer


def test_slow_client_is_served_and_does_not_hold_up_others(server):
    body = json.dumps({"text": ARTICLE}).encode()
    message = _request_head(len(body)) + body
    chunks = [message[i:i + len(message) // 8 + 1] for i in range(0, len(message), len(message) // 8 + 1)]
    slow_answer: list[bytes] = []
    thread = threading.Thread(target=lambda: slow_answer.append(raw_exchange(server, chunks, pause=0.12)))
    thread.start()
    time.sleep(0.2)
    others = [post(server, json.dumps({"text": "Ramadi, Iraq."}).encode()) for _ in range(5)]
    thread.join(30)
    assert all(r.status_code == 200 for r in others)
    assert slow_answer and slow_answer[0].startswith(b"HTTP/1.1 200"), slow_answer[:1]


def test_stalled_client_is_cut_off_and_others_are_served(server):
    head = _request_head(1000)
    stalled = [threading.Thread(target=raw_exchange, args=(server, [head[:20]])) for _ in range(2)]
    for t in stalled:  # as many stalled connections as there are workers
        t.start()
    time.sleep(0.3)
    started = time.monotonic()
    response = post(server, json.dumps({"text": "Ramadi, Iraq."}).encode())
    assert response.status_code == 200
    assert time.monotonic() - started < CLIENT_TIMEOUT + 5
    for t in stalled:
        t.join(CLIENT_TIMEOUT + 10)
        assert not t.is_alive()
