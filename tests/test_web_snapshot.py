import pytest

from cymap._errors import ExportError
from cymap.web import snapshot


def test_snapshot_without_chromium_says_how_to_get_it(monkeypatch):
    monkeypatch.setattr(snapshot, "chromium_path", lambda: None)
    with pytest.raises(ExportError, match="apt-get install chromium"):
        snapshot.snapshot_map("http://localhost:8501/reach")


def test_snapshot_refuses_urls_off_the_machine():
    with pytest.raises(ExportError, match="not on this machine"):
        snapshot.snapshot_map("https://example.org/reach")
