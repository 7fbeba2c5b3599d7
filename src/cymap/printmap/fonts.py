"""The CJK font of the static exports: find it, register it with matplotlib, check glyphs.

Exports must show Chinese names on machines without internet, so the font comes from the
machine itself: Debian's ``fonts-noto-cjk`` first, else the PyPI package ``manimgx-fonts-cjk``
(Noto Sans CJK, SIL OFL 1.1). In both collections the Simplified Chinese face is used.

Examples
--------
>>> from cymap import fonts
>>> fonts.register_cjk_font()
'Noto Sans CJK SC'
>>> fonts.missing_glyphs("重庆都市圈 永川区")
''
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
from pathlib import Path

from .._errors import ExportError

#: Debian package fonts-noto-cjk: a TrueType collection with the JP, KR, SC, TC, HK faces.
DEBIAN_NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")

#: File inside the PyPI package ``manimgx-fonts-cjk``.
PYPI_FONT_PACKAGE = "manimgx_fonts_cjk"
PYPI_FONT_FILE = "NotoSansCJK-VF.otf.ttc"

#: Family name of the face to use inside a collection.
PREFERRED_FAMILY = "Noto Sans CJK SC"


@dataclasses.dataclass(frozen=True)
class CjkFont:
    """A CJK font face on disk.

    Attributes
    ----------
    path
        Font file (a ``.ttc`` collection or a single font).
    face_index
        Index of the face inside the collection (0 for a single font).
    family
        Family name matplotlib knows the face by (e.g. ``"Noto Sans CJK SC"``).
    source
        Where the font comes from (``"fonts-noto-cjk"`` or ``"manimgx-fonts-cjk"``).
    """

    path: Path
    face_index: int
    family: str
    source: str


def _candidates() -> list[tuple[Path, str]]:
    found = []
    if DEBIAN_NOTO_CJK.exists():
        found.append((DEBIAN_NOTO_CJK, "fonts-noto-cjk"))
    spec = importlib.util.find_spec(PYPI_FONT_PACKAGE)
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            path = Path(folder) / PYPI_FONT_FILE
            if path.exists():
                found.append((path, "manimgx-fonts-cjk"))
    return found


def _pick_face(path: Path) -> tuple[int, str]:
    """Index and family of the Simplified Chinese face in a font file."""
    from fontTools.ttLib import TTCollection, TTFont  # noqa: PLC0415 - heavy, needed only here

    if path.suffix.lower() in (".ttc", ".otc"):
        with TTCollection(str(path), lazy=True) as collection:
            families = [f["name"].getDebugName(1) for f in collection.fonts]
    else:
        with TTFont(str(path), lazy=True) as single:
            families = [single["name"].getDebugName(1)]
    for i, family in enumerate(families):
        if family == PREFERRED_FAMILY:
            return i, family
    for i, family in enumerate(families):
        if family and " SC" in family:
            return i, family
    return 0, families[0]


@functools.cache
def find_cjk_font() -> CjkFont:
    """The CJK font exports use (Debian fonts-noto-cjk first, else manimgx-fonts-cjk).

    Returns
    -------
    CjkFont
        Path, face index and family name of the Simplified Chinese face.

    Raises
    ------
    ExportError
        When neither font is installed; the message says how to install one.
    """
    candidates = _candidates()
    if not candidates:
        msg = (
            f"no CJK font found: neither {DEBIAN_NOTO_CJK} (apt-get install fonts-noto-cjk) nor "
            f"the Python package {PYPI_FONT_PACKAGE} (pip install -r requirements.txt) is "
            "installed; Chinese labels cannot be drawn"
        )
        raise ExportError(msg)
    path, source = candidates[0]
    index, family = _pick_face(path)
    return CjkFont(path=path, face_index=index, family=family, source=source)


@functools.cache
def register_cjk_font() -> str:
    """Register the CJK font with matplotlib's font manager; returns its family name.

    Safe to call many times (cached). Text drawn with ``fontfamily=<returned name>`` uses it.
    """
    from matplotlib import font_manager  # noqa: PLC0415 - heavy, needed only here

    font = find_cjk_font()
    known = {(Path(f.fname), f.name) for f in font_manager.fontManager.ttflist}
    if (font.path, font.family) not in known:
        font_manager.fontManager.addfont(str(font.path))
    return font.family


@functools.cache
def _codepoints(path: Path, face_index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # noqa: PLC0415 - heavy, needed only here

    with TTFont(str(path), fontNumber=face_index, lazy=True) as tt:
        return frozenset(tt.getBestCmap() or {})


def missing_glyphs(text: str, *, font: CjkFont | None = None) -> str:
    """Characters of ``text`` the font has no glyph for (in order, without repeats).

    Whitespace and control characters are ignored. An empty result means every character
    is drawn with a real glyph (no empty boxes).
    """
    font = font or find_cjk_font()
    have = _codepoints(font.path, font.face_index)
    out: list[str] = []
    for ch in text:
        if ch.isspace() or not ch.isprintable() or ch in out:
            continue
        if ord(ch) not in have:
            out.append(ch)
    return "".join(out)


def check_glyphs(texts: list[str] | str, *, font: CjkFont | None = None) -> None:
    """Raise ``ExportError`` when any character of ``texts`` lacks a glyph in the font.

    Parameters
    ----------
    texts
        One string or several (e.g. every label of a view).
    font
        The font to check; the export font by default.
    """
    font = font or find_cjk_font()
    items = [texts] if isinstance(texts, str) else list(texts)
    bad = {t: m for t in items if (m := missing_glyphs(t, font=font))}
    if bad:
        shown = "; ".join(f"{t!r} lacks {m!r}" for t, m in list(bad.items())[:5])
        msg = f"font {font.family} ({font.path}) has no glyph for: {shown}; use another font"
        raise ExportError(msg)
