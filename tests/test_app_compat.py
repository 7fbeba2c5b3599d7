"""The page shell names the server root, so a page opened at its own address connects at once."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest
import streamlit
from streamlit.commands import navigation
from streamlit.runtime import pages_manager
from streamlit.runtime.scriptrunner import script_runner

from cymap.app import _compat
from cymap.app._compat import BaseUrlHint, hint_script

SHELL = b"<!doctype html><html><head><title>cymap</title></head><body></body></html>"


def shell_app(body: bytes = SHELL, content_type: bytes = b"text/html; charset=utf-8", parts=1):
    """A server that answers every request with ``body`` (in ``parts`` chunks) and records it."""
    seen: list[dict] = []

    async def app(scope, _receive, send):
        seen.append(scope)
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
        if dict(scope["headers"]).get(b"accept-encoding"):
            headers.append((b"content-encoding", b"gzip"))  # a compressing server
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        step = -(-len(body) // parts)
        for i in range(parts):
            chunk = body[i * step : (i + 1) * step]
            await send({"type": "http.response.body", "body": chunk, "more_body": i < parts - 1})

    app.seen = seen
    return app


def get(app, path: str, method: str = "GET"):
    """Run one request through ``app``; (status, headers, body)."""
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "headers": [(b"host", b"localhost"), (b"accept-encoding", b"gzip, deflate")],
    }
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], dict(start["headers"]), body


@pytest.mark.parametrize("path", ["/", "/reach", "/metro", "/sources"])
def test_every_page_shell_names_the_server_root(path):
    status, headers, body = get(BaseUrlHint(shell_app()), path)
    assert status == 200
    assert body.startswith(b"<!doctype html><html><head>" + hint_script())
    assert b'BACKEND_BASE_URL:location.origin+"/"' in body
    assert int(headers[b"content-length"]) == len(body)
    assert b"content-encoding" not in headers  # asked for uncompressed, so it can be edited


def test_a_shell_sent_in_pieces_is_joined_before_editing():
    _, headers, body = get(BaseUrlHint(shell_app(parts=3)), "/reach")
    assert body == SHELL.replace(b"<head>", b"<head>" + hint_script())
    assert int(headers[b"content-length"]) == len(body)


def test_a_base_url_path_is_part_of_the_root():
    _, _, body = get(BaseUrlHint(shell_app(), base_path="/cymap/"), "/cymap/reach")
    assert b'location.origin+"/cymap/"' in body


@pytest.mark.parametrize(
    "path", ["/_stcore/health", "/static/js/index.js", "/component/x/index.html", "/favicon.png"]
)
def test_server_routes_and_files_pass_untouched(path):
    app = shell_app()
    _, headers, body = get(BaseUrlHint(app), path)
    assert body == SHELL
    assert headers[b"content-encoding"] == b"gzip"  # the request reached the server as it was
    assert dict(app.seen[0]["headers"])[b"accept-encoding"] == b"gzip, deflate"


def test_other_content_and_methods_pass_untouched():
    _, _, body = get(BaseUrlHint(shell_app(b'{"a": 1}', b"application/json")), "/reach")
    assert body == b'{"a": 1}'
    _, _, body = get(BaseUrlHint(shell_app()), "/reach", method="POST")
    assert body == SHELL


# --- contract: what the workarounds rely on in the pinned Streamlit -------------------------


def test_streamlit_is_the_version_the_workarounds_were_checked_with():
    """An upgrade must re-check cymap.app._compat (then update STREAMLIT_VERSION)."""
    assert streamlit.__version__ == _compat.STREAMLIT_VERSION


def test_the_legacy_page_mode_is_the_flag_the_router_switches():
    assert hasattr(pages_manager.PagesManager, "uses_pages_directory")
    # st.navigation switches it off itself; so does use_router, for a page loaded first
    assert "PagesManager.uses_pages_directory = False" in inspect.getsource(navigation)
    assert "if PagesManager.uses_pages_directory:" in inspect.getsource(script_runner)


def test_the_browser_client_reads_the_server_root_from_the_hint():
    bundle = Path(streamlit.__file__).parent / "static" / "static" / "js"
    assert any("BACKEND_BASE_URL" in f.read_text(errors="ignore") for f in bundle.glob("*.js"))
