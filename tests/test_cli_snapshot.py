from cymap.cli import build_parser, main


def test_snapshot_takes_the_page_url_output_and_size():
    args = build_parser().parse_args(
        ["snapshot", "http://localhost:8501/reach?minutes=90", "--out", "r.png", "--width", "800"]
    )
    assert args.url == "http://localhost:8501/reach?minutes=90"
    assert (args.width, args.height) == (800, 1000)


def test_snapshot_of_a_page_off_the_machine_is_one_clear_line(tmp_path, capsys):
    out = tmp_path / "page.png"
    assert main(["snapshot", "https://example.org/reach", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cymap snapshot: error:") and "not on this machine" in err
    assert "Traceback" not in err
    assert not out.exists()  # nothing half-written
