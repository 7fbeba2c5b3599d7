import socket
import urllib.error
import urllib.request

import pytest

from cymap import settings
from cymap.app import devserver


def test_a_free_port_is_one_that_can_be_taken():
    port = devserver.free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))


def test_the_dashboard_serves_until_the_block_ends(tmp_path):
    log = tmp_path / "streamlit.log"
    with (
        devserver.dashboard(log=log) as url,
        urllib.request.urlopen(url + "/_stcore/health", timeout=5) as r,
    ):
        assert r.status == 200
    with pytest.raises(urllib.error.URLError, match="refused"):  # stopped: the port is free
        urllib.request.urlopen(url + "/_stcore/health", timeout=2)
    assert log.exists()


def test_a_dashboard_that_cannot_start_is_reported_with_its_log(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "root_dir", tmp_path)  # no serve.py there
    log = tmp_path / "streamlit.log"
    with (
        pytest.raises(RuntimeError, match=f"the dashboard did not start on .*; see {log}"),
        devserver.dashboard(log=log, timeout_s=30),
    ):
        pass
    assert "serve.py" in log.read_text()
