from __future__ import annotations

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zlib

import geopandas as gpd
import pytest
from PIL import Image
from shapely.geometry import LineString

from cymap import settings, views
from cymap._errors import ExportError
from cymap.printmap import fonts, render

# --- helpers shared with test_printmap_export.py -------------------------------------------------------


def _literal_strings(content: bytes) -> list[tuple[str, bytes]]:
    """(font, string bytes) of every text-showing string in a PDF content stream."""
    out, font, i, n = [], "", 0, len(content)
    while i < n:
        m = re.compile(rb"/(F\d+)\s+[\d.]+\s+Tf").match(content, i)
        if m:
            font = m.group(1).decode()
            i = m.end()
            continue
        if content[i : i + 2] == b"ET" and content[i - 1 : i] in b" \n":
            out.append(("", b""))  # end of a text object
            i += 2
            continue
        if content[i : i + 1] == b"(":
            depth, buf, i = 1, bytearray(), i + 1
            while i < n and depth:
                c = content[i : i + 1]
                if c == b"\\":
                    nxt = content[i + 1 : i + 2]
                    if nxt.isdigit():
                        j = i + 1
                        while j < min(i + 4, n) and content[j : j + 1].isdigit():
                            j += 1
                        buf.append(int(content[i + 1 : j], 8) & 0xFF)
                        i = j
                        continue
                    esc = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
                    buf += esc.get(nxt, nxt)
                    i += 2
                    continue
                if c == b"(":
                    depth += 1
                elif c == b")":
                    depth -= 1
                    if depth == 0:
                        i += 1
                        break
                buf += c
                i += 1
            out.append((font, bytes(buf)))
            continue
        i += 1
    return out


def _cmap(data: bytes) -> dict[int, str]:
    table: dict[int, str] = {}
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)", block
        ):
            lo_i, hi_i = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                for k, u in enumerate(re.findall(rb"<([0-9a-fA-F]+)>", dst)):
                    table[lo_i + k] = bytes.fromhex(u.decode()).decode("utf-16-be")
            else:
                start = int(dst[1:-1], 16)
                for k in range(hi_i - lo_i + 1):
                    table[lo_i + k] = chr(start + k)
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            table[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    return table


def pdf_text(data: bytes) -> str:
    """Text of a matplotlib PDF: pdftotext when installed, else Type 0 fonts' ToUnicode maps."""
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
        return run.stdout.decode("utf-8")
    objects: dict[int, tuple[bytes, bytes]] = {}
    for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
        body = m.group(2)
        head, _, rest = body.partition(b"stream")
        stream = b""
        if rest:
            raw = rest.lstrip(b"\r\n").rsplit(b"endstream", 1)[0]
            stream = zlib.decompress(raw) if b"FlateDecode" in head else raw
        objects[int(m.group(1))] = (head, stream)
    maps: dict[str, dict[int, str]] = {}
    for head, _ in objects.values():
        for name, ref in re.findall(rb"/(F\d+)\s+(\d+)\s+0\s+R", head):
            font_head = objects.get(int(ref), (b"", b""))[0]
            tu = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", font_head)
            if tu:
                maps[name.decode()] = _cmap(objects[int(tu.group(1))][1])
    text = []
    for head, stream in objects.values():
        if b"BT" not in stream or b"/Font" in head:
            continue
        for font, raw in _literal_strings(stream):
            if not font and not raw:
                text.append("\n")
                continue
            table = maps.get(font, {})
            codes = [int.from_bytes(raw[k : k + 2], "big") for k in range(0, len(raw) - 1, 2)]
            text.append("".join(table.get(c, "") for c in codes))
    return "".join(text)


def svg_texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    return ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]


def png_stats(data: bytes) -> tuple[tuple[int, int], int, float]:
    """(size, number of distinct colours, share of non-white pixels)."""
    img = Image.open(io.BytesIO(data)).convert("RGB")
    small = img.resize((img.width // 4, img.height // 4))
    colors = small.getcolors(maxcolors=1_000_000) or []
    pixels = small.width * small.height
    white = sum(c for c, rgb in colors if min(rgb) >= 250)
    return img.size, len(colors), 1 - white / pixels


# --- tests -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def population_view():
    view, _ = views.view_population()
    return view


@pytest.fixture(scope="module")
def population_pdf(population_view):
    return render.render(population_view, fmt="pdf", width_px=1200, height_px=900, dpi=150)


@pytest.mark.parametrize(
    ("width", "height", "dpi"), [(1200, 900, 150), (800, 1000, 100), (3508, 2480, 300)]
)
def test_png_has_requested_pixel_size_and_is_not_blank(population_view, width, height, dpi):
    data = render.render(population_view, fmt="png", width_px=width, height_px=height, dpi=dpi)
    size, n_colors, ink = png_stats(data)
    assert size == (width, height)
    assert n_colors > 50
    assert 0.3 < ink < 0.99


def test_png_records_resolution_for_print(population_view):
    data = render.render(population_view, fmt="png", width_px=1200, height_px=900, dpi=300)
    dpi = Image.open(io.BytesIO(data)).info["dpi"]
    assert round(dpi[0]) == 300


def test_pdf_has_title_as_text_and_embedded_cjk_font(population_view, population_pdf):
    assert population_pdf.startswith(b"%PDF")
    text = pdf_text(population_pdf)
    assert population_view.title in text
    assert "GS(2024)0650" in text
    assert re.search(rb"/BaseFont\s*/[A-Z]{6}\+NotoSansCJK", population_pdf)
    assert b"/FontFile2" in population_pdf  # TrueType outlines embedded (Type 42), not Type 3


def test_svg_keeps_text_as_text_elements(population_view):
    data = render.render(population_view, fmt="svg", width_px=1200, height_px=900, dpi=150)
    texts = svg_texts(data)
    assert population_view.title in texts
    assert "永川区" in texts  # unit labels are real text too
    assert any("GS(2024)0650号" in t for t in texts)
    assert b"Noto Sans CJK SC" in data


def test_frame_has_scale_bar_north_arrow_legend_and_sources(population_view):
    texts = svg_texts(
        render.render(population_view, fmt="svg", width_px=1200, height_px=900, dpi=150)
    )
    assert "km" in texts and "北" in texts
    assert "常住人口" in texts  # legend title
    assert any(t.startswith("底图：") and settings.boundary_approval in t for t in texts)
    assert any(t.startswith("制图日期：") for t in texts)


def test_labels_do_not_overlap(population_view):
    fig = render.build_figure(population_view, width_px=1200, height_px=900, dpi=150)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    names = {lab.text for lab in population_view.labels}
    labels = [t for t in ax.texts if t.get_text() in names and t.get_path_effects() == []]
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert len(boxes) >= 25  # most of Chongqing's 38 units stay labelled
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)


def test_scale_bar_is_true_to_the_ground():
    # 105°E → 106°E at 30°N is 96.5 km on the ground; the drawing CRS must give about that.
    x0, y0 = render._transformer().transform(105.0, 30.0)
    x1, y1 = render._transformer().transform(106.0, 30.0)
    assert abs(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 / 1000 - 96.5) < 0.5
    assert render._nice_length_km(400_000) in (50.0, 100.0)


def test_handmade_view_with_line_layer_and_english_frame(tmp_path):
    line = gpd.GeoDataFrame(
        {"name": ["test"]},
        geometry=[LineString([(104.06, 30.66), (106.55, 29.56)])],
        crs=settings.crs,
    )
    view = render.MapView(
        title="Test line",
        layers=[render.Layer(line, {"color": "#c0392b", "linewidth": 3}, "成都—重庆")],
        labels=[render.Label("成都市", 104.06, 30.66), render.Label("渝中区", 106.55, 29.56)],
        lang="en",
    )
    path = render.render_to_file(view, tmp_path / "line.svg", width_px=1000, height_px=700, dpi=100)
    texts = svg_texts(path.read_bytes())
    assert "成都—重庆" in texts  # automatic legend entry from the layer label
    assert "N" in texts and any(t.startswith("Basemap: ") for t in texts)


def test_unknown_format_and_too_small_size_are_clear_errors(population_view, tmp_path):
    with pytest.raises(ExportError, match="unknown image format 'jpg'"):
        render.render(population_view, fmt="jpg")
    with pytest.raises(ExportError, match=r"\.tif"):
        render.render_to_file(population_view, tmp_path / "map.tif")
    with pytest.raises(ExportError, match="too small"):
        render.render(population_view, width_px=50, height_px=50)


def test_every_view_text_has_a_glyph(population_view):
    assert all(fonts.missing_glyphs(t) == "" for t in population_view.texts())


def test_concurrent_exports_keep_vector_text(population_view):
    # Pages serve several sessions from threads; each export must keep its own settings.
    import concurrent.futures as cf

    def job(fmt):
        return fmt, render.render(population_view, fmt=fmt, width_px=800, height_px=600, dpi=100)

    with cf.ThreadPoolExecutor(3) as pool:
        results = list(pool.map(job, ["pdf", "svg", "pdf", "png", "svg", "pdf"]))
    for fmt, data in results:
        if fmt == "pdf":
            assert b"/FontFile2" in data
        elif fmt == "svg":
            assert population_view.title in svg_texts(data)


# --- every view the pages show, in every format ------------------------------------------------

#: Every view the pages show, as (kind, URL state).
VIEWS = {
    "population": ("population", {}),
    "group": ("group", {"group": "重庆都市圈"}),
    "compare": ("compare", {"group": "重庆都市圈", "group_b": "川南渝西"}),
    "corridors": ("corridors", {}),
    "corridor": ("corridors", {"corridor": "cq_radial_northwest"}),
    "reach": ("reach", {"from": "中心城区", "minutes": 60, "year": 2035}),
    "diff": ("diff", {"from": "中心城区", "minutes": 60, "year": 2035, "base_year": "2020"}),
}
SIZE = {"width_px": 1000, "height_px": 750, "dpi": 100}


def built(name: str):
    """A view of :data:`VIEWS` (``build_view`` builds each state once)."""
    kind, state = VIEWS[name]
    return views.build_view(kind, state)


@pytest.mark.parametrize("name", VIEWS)
def test_png_has_size_and_content(name):
    view, _ = built(name)
    size, n_colors, ink = png_stats(render.render(view, fmt="png", **SIZE))
    assert size == (1000, 750)
    assert n_colors > 30
    assert ink > 0.3


@pytest.mark.parametrize("name", VIEWS)
def test_pdf_contains_title_text(name):
    view, _ = built(name)
    text = pdf_text(render.render(view, fmt="pdf", **SIZE))
    assert view.title in text
    assert "GS(2024)0650号" in text


@pytest.mark.parametrize("name", VIEWS)
def test_svg_contains_title_and_labels_as_text(name):
    view, _ = built(name)
    texts = svg_texts(render.render(view, fmt="svg", **SIZE))
    assert view.title in texts
    label_texts = {lab.text for lab in view.labels}
    assert label_texts & set(texts)  # at least some labels drawn, as text


@pytest.mark.parametrize("name", VIEWS)
def test_font_has_a_glyph_for_every_text(name):
    view, _ = built(name)
    missing = {t: m for t in view.texts() if (m := fonts.missing_glyphs(t))}
    assert missing == {}
