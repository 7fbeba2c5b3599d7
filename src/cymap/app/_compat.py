"""Everything cymap does with Streamlit that Streamlit does not offer: one place, one version.

Checked against the pinned ``streamlit==1.67.0`` (:data:`STREAMLIT_VERSION`); the contract
tests in ``tests/test_app_compat.py`` fail when an upgrade changes what these rely on.

- :func:`use_router`: a page opened at its own address on a fresh server (a bookmarked
  ``/reach``) runs through app.py's ``st.navigation`` router. Streamlit runs a file of
  ``pages/`` on its own (the legacy multipage mode) until ``st.navigation`` has been called once
  in the process; keeping ``pages/`` as the product's layout, there is no supported switch.
- :class:`BaseUrlHint`: ASGI middleware (plain ASGI, used by ``serve.py``). Streamlit's
  browser client does not know where the server's root is. Opened at a page path such as
  ``/reach``, it first probes ``/reach/_stcore/health`` (404), waits 100 ms and only then tries
  ``/_stcore/health``: every sub-page load pays that detour before the websocket opens. The
  middleware writes the root into the served ``index.html`` (the client reads
  ``window.__streamlit.BACKEND_BASE_URL``), so every page connects on the first try.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

#: The Streamlit release these workarounds were checked against (pinned in requirements.txt).
STREAMLIT_VERSION = "1.67.0"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Server routes that never serve the page shell.
_NOT_PAGES = ("/_stcore/", "/static/", "/component/", "/media/", "/app/static/")


def hint_script(base_path: str = "") -> bytes:
    """The ``<script>`` that names the server root (``server.baseUrlPath`` ``base_path``)."""
    base = base_path.strip("/")
    root = "/" + (base + "/" if base else "")
    return (
        "<script>window.__streamlit=Object.assign(window.__streamlit||{},"
        f"{{BACKEND_BASE_URL:location.origin+{json.dumps(root)}}})</script>"
    ).encode()


def _is_page_request(scope: Scope) -> bool:
    if scope["type"] != "http" or scope.get("method") != "GET":
        return False
    path = scope.get("path", "")
    if any(part in path for part in _NOT_PAGES):
        return False
    return "." not in path.rsplit("/", 1)[-1]  # files (main.js, favicon.png) are not pages


class BaseUrlHint:
    """Insert :func:`hint_script` after ``<head>`` of the HTML page shell.

    Only page requests (GET of a path without a file extension, outside Streamlit's own routes)
    are touched; their ``Accept-Encoding`` is dropped so the shell comes back uncompressed and
    ``Content-Length`` is corrected after the insertion. Everything else passes straight through.
    """

    def __init__(self, app: ASGIApp, base_path: str = "") -> None:
        self.app = app
        self.script = hint_script(base_path)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_page_request(scope):
            await self.app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"]
        scope = {**scope, "headers": headers}
        start: Message | None = None
        chunks: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                response_headers = {k.lower(): v for k, v in message.get("headers", [])}
                is_html = response_headers.get(b"content-type", b"").startswith(b"text/html")
                if is_html and b"content-encoding" not in response_headers:
                    start = message  # hold it until the whole body is known
                    return
                await send(message)
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            if b"<head>" in body:
                body = body.replace(b"<head>", b"<head>" + self.script, 1)
            out = [
                (k, str(len(body)).encode() if k.lower() == b"content-length" else v)
                for k, v in start.get("headers", [])
            ]
            await send({**start, "headers": out})
            await send({"type": "http.response.body", "body": body, "more_body": False})

        await self.app(scope, receive, rewrite)


def use_router() -> None:
    """Run every page through app.py's router, also on a direct URL load (see module doc).

    Call at the top of every page run (the shared sidebar does). On the legacy path it switches
    Streamlit to the router, as ``st.navigation`` itself does on its first call, and reruns.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
