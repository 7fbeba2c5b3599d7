"""The only module that imports Streamlit: page setup, cached loaders, URL state, map display.

Pages call these helpers and the library; they hold no data logic of their own.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode, urlsplit

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from .. import settings
from .._errors import CymapError
from ..i18n import LANGS, pick, tr
from ..printmap import export
from ..scenarios import DEFAULT_PARAMS
from ..tables.html import html_table
from ..views.choices import SCENARIO_CHOICES
from ..views.texts import scenario_label
from ..web import snapshot
from ..web.maps import view_for_bounds
from . import _compat


def page_config() -> str:
    """Configure the browser tab (called once, by app.py) and return the session's language."""
    st.set_page_config(page_title="cymap · 成渝地区双城经济圈", layout="wide")
    return session_lang()


def session_lang() -> str:
    """The language of this session: the URL's ``?lang=`` at the start, then the switch's.

    It is kept in ``_lang``, not only in the switch's state: moving to another page in the
    app drops the URL's query and gives the new page's switch its default.
    """
    if "_lang" not in st.session_state:
        st.session_state["_lang"] = query_choice("lang", LANGS, default="zh")
    return st.session_state["_lang"]


#: Session key of the set of URL-bound widget keys whose options are worded in the language.
_WORDED = "_worded_widgets"


def _keep_lang() -> None:
    """Keep the new language, and have the worded widgets drawn anew in it.

    Choice widgets keep the option text they were shown with; after a language switch they
    would show the old language's text (or lose the choice). Their keys are dropped here and
    seeded again from the URL, which holds every choice, on the rerun.
    """
    st.session_state["_lang"] = st.session_state["lang"]
    for key in st.session_state.get(_WORDED, ()):
        st.session_state.pop(key, None)


def sidebar() -> str:
    """Draw the shared sidebar (language switch, boundary credit) and return the language.

    The switch shows the session's language (:func:`session_lang`) on every page.
    """
    _compat.use_router()
    st.session_state["lang"] = session_lang()
    with st.sidebar:
        lang = st.radio(
            tr("lang", st.session_state["lang"]),
            LANGS,
            format_func=lambda x: "中文" if x == "zh" else "English",
            horizontal=True,
            key="lang",
            on_change=_keep_lang,
        )
        set_query("lang", lang, default="zh")
        st.caption(f"{settings.boundary_source}  \n{settings.boundary_approval}")
    return lang


# --- URL state ---------------------------------------------------------------------------


def query_value(key: str, default: str | None = None) -> str | None:
    """A query parameter of the page URL, or ``default``."""
    return st.query_params.get(key, default)


#: Session key of the URL values this run could not use (shown once above the page).
_IGNORED = "_ignored_url"


def ignore_url_value(key: str, raw: str, *, used: str = "", choices: Sequence[str] = ()) -> None:
    """Remember a URL value the page cannot use, so the user is told (:func:`show_url_notices`).

    ``used`` is what the page shows instead ('' when the value is dropped); near matches
    among ``choices`` are suggested.
    """
    close = difflib.get_close_matches(raw, [str(c) for c in choices], n=3, cutoff=0.3)
    shown = raw if len(raw) <= 60 else raw[:57] + "…"  # a link's text, shown as code
    st.session_state.setdefault(_IGNORED, []).append((key, shown.replace("`", "'"), used, close))


def show_url_notices(slot: Any, lang: str) -> None:
    """One warning naming every URL value of this run that was not used, and the fix."""
    ignored = st.session_state.pop(_IGNORED, [])
    if not ignored:
        return
    lines = []
    for key, raw, used, close in ignored:
        if lang == "zh":
            line = f"网址参数 `{key}={raw}` 无法识别，" + (f"已改用 {used}" if used else "已忽略")
            line += f"。相近的取值：{'、'.join(close)}" if close else "。"
        else:
            line = f"The link's `{key}={raw}` is not recognised; " + (
                f"{used} is shown instead" if used else "it is ignored"
            )
            line += f". Close matches: {', '.join(close)}" if close else "."
        lines.append(line)
    head = tr("url.unusable", lang)
    slot.warning("  \n".join([head, *lines]))


def query_choice(
    key: str,
    options: Sequence[Any],
    *,
    default: Any,
    label: Callable[[Any], Any] = str,
    normalise: Callable[[str], Any] | None = None,
) -> Any:
    """The query parameter ``key`` if it is one of ``options`` (compared as text), else ``default``.

    ``normalise`` may map another spelling to an option (a short name or adcode to the
    official name). A value that is none of the options is reported (:func:`ignore_url_value`)
    with its near matches; ``label`` names the default shown instead.
    """
    raw = st.query_params.get(key)
    if raw is None:
        return default
    for option in options:
        if str(option) == raw:
            return option
    if normalise is not None and (found := normalise(raw)) in options:
        return found
    ignore_url_value(key, raw, used=str(label(default)), choices=[str(o) for o in options])
    return default


def query_list(key: str) -> list[str]:
    """A comma-separated query parameter as a list (empty when absent)."""
    raw = st.query_params.get(key, "")
    return [x for x in raw.split(",") if x]


def set_query(key: str, value: Any, *, default: Any = None) -> None:
    """Write a widget value into the URL (removed when it equals ``default``)."""
    if isinstance(value, list | tuple | set | frozenset):
        value = ",".join(sorted(str(v) for v in value))
        default = "" if default is None else default
    text = "" if value is None else str(value)
    if value == default or text == "" or text == str(default):
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != text:
        st.query_params[key] = text


def restore_page_view(page: str) -> None:
    """On arriving at ``page`` from another page of the app, bring back the view it was left in.

    Moving between pages drops the URL's query, where every page keeps its view (and with it
    the widgets' values), so a scenario set up on 通勤圈 would be gone after a look at 资料来源.
    A URL that names a view itself (a shared link, a bookmark) wins over the remembered one.
    """
    state = st.session_state
    arrived = state.get("_page") != page
    state["_page"] = page
    saved = state.get(f"_view_{page}")
    if arrived and saved and not set(st.query_params) - {"lang"}:
        for key, value in saved.items():
            if key != "lang":
                st.query_params[key] = value


def remember_page_view(page: str) -> None:
    """Keep ``page``'s current view (its URL query) for :func:`restore_page_view`."""
    st.session_state[f"_view_{page}"] = st.query_params.to_dict()


# --- display -----------------------------------------------------------------------------


def show_map(
    m: folium.Map,
    *,
    key: str,
    height: int = 620,
    feature_groups: list[folium.FeatureGroup] | None = None,
    bounds: tuple[float, float, float, float] | None = None,
) -> None:
    """Show a folium map. Dynamic layers passed as ``feature_groups`` update without a reload.

    ``bounds`` (minx, miny, maxx, maxy) moves the view to fit them, also without a reload.
    """
    center, zoom = view_for_bounds(bounds, height_px=height) if bounds is not None else (None, None)
    if bounds is not None:  # the first render frames the bounds too (center/zoom move it later)
        minx, miny, maxx, maxy = bounds
        m.fit_bounds([(miny, minx), (maxy, maxx)])
    st_folium(
        m,
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=[],
        feature_group_to_add=feature_groups,
        center=center,
        zoom=zoom,
        # The map renders itself into the strings st_folium sends; the extra whole-figure
        # render st_folium does by default produces the same strings at twice the cost.
        render=False,
    )


def table(frame: Any, *, max_height_px: int | None = 480) -> None:
    """A table of the page, static: formatted, quotes wrapped in full (:mod:`cymap.tables.html`).

    Taller tables scroll under a fixed header; ``max_height_px=None`` shows every row.
    """
    st.html(html_table(frame, max_height_px=max_height_px))


def grid(frame: Any, **kwargs: Any) -> None:
    """A sortable grid of ``frame``.

    Large quantities (population, km²) get thousands separators, as in the static tables.
    """
    config = {
        col: st.column_config.NumberColumn(format="localized")
        for col in frame.columns
        if pd.api.types.is_numeric_dtype(frame[col])
        and not pd.api.types.is_bool_dtype(frame[col])
        and frame[col].abs().max() >= 10_000
    }
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, **kwargs)


def csv_download(frame: Any, *, file_name: str, key: str, lang: str) -> None:
    """A download button for a table as CSV (UTF-8 with BOM, as every export)."""
    st.download_button(
        tr("export.csv", lang),
        data=lambda: export.to_csv(frame),
        file_name=file_name,
        mime=export.MIME_TYPES["csv"],
        key=key,
        on_click="ignore",
    )


def show_error(err: CymapError) -> None:
    """Show a library error as a message box (never a traceback)."""
    st.error(str(err))


# --- widgets bound to the URL --------------------------------------------------------------


def _bound(
    widget: Callable[..., Any],
    label: str,
    options: Sequence[Any],
    *,
    key: str,
    default: Any,
    **kwargs: Any,
) -> Any:
    """``widget`` seeded from the URL's ``key`` and written back to it.

    ``normalise=`` maps other spellings in the URL to an option (see :func:`query_choice`).
    """
    normalise = kwargs.pop("normalise", None)
    st.session_state.setdefault(_WORDED, set()).add(key)
    if key not in st.session_state:
        st.session_state[key] = query_choice(
            key,
            options,
            default=default,
            label=kwargs.get("format_func", str),
            normalise=normalise,
        )
    value = widget(label, options, key=key, **kwargs)
    set_query(key, value, default=default)
    return value


def selectbox(label: str, options: Sequence[Any], *, key: str, default: Any, **kwargs: Any) -> Any:
    """``st.selectbox`` whose value is read from and written to the URL query parameter ``key``.

    ``normalise=`` maps other spellings in the URL to an option (see :func:`query_choice`).
    """
    return _bound(st.selectbox, label, options, key=key, default=default, **kwargs)


def scenario_select(label: str, *, key: str, default: str, lang: str) -> str:
    """A scenario selectbox (2020, today, 2025, 2030, 2035, named) bound to the URL."""
    return selectbox(
        label,
        SCENARIO_CHOICES,
        key=key,
        default=default,
        format_func=lambda k: scenario_label(k, lang),
    )


def radio(label: str, options: Sequence[Any], *, key: str, default: Any, **kwargs: Any) -> Any:
    """``st.radio`` bound to the URL query parameter ``key``."""
    return _bound(st.radio, label, options, key=key, default=default, **kwargs)


def coded_radio(key: str, codes: Sequence[str], *, default: str, lang: str) -> str:
    """A radio of coded values bound to the URL key ``key``.

    Worded by the strings ``reach.<key>`` (its label) and ``reach.<key>.<code>`` (each choice).
    """
    return radio(
        tr(f"reach.{key}", lang),
        list(codes),
        key=key,
        default=default,
        format_func=lambda code: tr(f"reach.{key}.{code}", lang),
    )


def checkbox(label: str, *, key: str, default: bool = False, **kwargs: Any) -> bool:
    """``st.checkbox`` bound to the URL query parameter ``key`` ('1' when checked)."""
    if key not in st.session_state:
        raw = query_value(key, "1" if default else "0")
        if raw not in ("0", "1"):
            ignore_url_value(key, raw, used="1" if default else "0", choices=("0", "1"))
        st.session_state[key] = raw == "1"
    value = st.checkbox(label, key=key, **kwargs)
    set_query(key, "1" if value else "0", default="1" if default else "0")
    return value


# --- export --------------------------------------------------------------------------------


def _current_url() -> str:
    """URL of this page as the browser shows it, with the view's query string."""
    parts = urlsplit(str(st.context.url))
    query = urlencode(st.query_params.to_dict())
    return parts._replace(query=query, fragment="").geturl()


def _snapshot(url: str) -> bytes:
    """'What you see' PNG of a page's live map (headless Chromium)."""
    return snapshot.snapshot_map(url)


def export_block(kind: str, state: dict[str, Any], *, lang: str | None = None) -> None:
    """Download buttons that export exactly the current view (map images and data).

    The files are generated only when a button is clicked (deferred ``data`` callables), by the
    same renderer as ``cymap export``.
    """
    lang = lang or state.get("lang") or "zh"
    state = {k: v for k, v in state.items() if v not in (None, "", [], (), {})}
    stem = "cymap-" + "-".join(
        [kind, *(str(v) for k, v in sorted(state.items()) if k not in ("lang", "params"))]
    )
    stem += "-custom-model" if "params" in state else ""
    stem = stem.replace(",", "+").replace(" ", "")[:120]
    # A popover: its buttons are drawn only when opened, which keeps the page light.
    with st.popover(tr("export.header", lang), width="content"):
        for fmt in ("png", "pdf", "svg", "csv", "geojson"):
            st.download_button(
                tr(f"export.{fmt}", lang),
                data=lambda fmt=fmt: export.export_view(kind, state, fmt=fmt),
                file_name=f"{stem}.{fmt}",
                mime=export.MIME_TYPES[fmt],
                key=f"export_{kind}_{fmt}",
                on_click="ignore",
                width="stretch",
            )

        available = snapshot.chromium_path() is not None
        page_url = _current_url()
        st.download_button(
            tr("export.snapshot", lang),
            data=lambda: _snapshot(page_url),
            disabled=not available,
            file_name=f"{stem}-live.png",
            mime="image/png",
            key=f"export_{kind}_snapshot",
            on_click="ignore",
            width="stretch",
            help=tr("export.snapshot_help" if available else "export.snapshot_missing", lang),
        )


# --- commute-reach controls ----------------------------------------------------------------


def line_toggles(lines: Any, *, year: str, lang: str) -> tuple[list[str], list[str]]:
    """One list per mode of the lines that are open, pre-filled with those open in ``year``.

    Removing a line switches it off, adding one switches it on. Returns the explicit toggles
    relative to the year: (lines switched on, lines switched off); both are kept in the URL
    (``with``, ``without``). Each mode is a button with its count of open lines (and of lines
    changed) that opens the mode's list.
    """
    with_ids, without_ids = set(query_list("with")), set(query_list("without"))
    if "_lines_year" not in st.session_state:  # first run: tell about ids the page cannot use
        known = lines["line_id"].tolist()
        for key, ids in (("with", with_ids), ("without", without_ids)):
            for unknown in sorted(ids - set(known)):
                ignore_url_value(key, unknown, choices=known)
    reset = st.session_state.get("_lines_year") != year
    st.session_state["_lines_year"] = year
    on, off = [], []
    st.markdown(f"**{tr('reach.lines', lang)}**")
    st.caption(tr("reach.lines_help", lang))
    for mode, group in lines.groupby("mode", sort=False):
        key = f"lines_{mode}"
        ids = group["line_id"].tolist()
        opened = dict(zip(ids, group["open_in_year"].tolist(), strict=True))
        st.session_state.setdefault(_WORDED, set()).add(key)
        if reset or key not in st.session_state:
            st.session_state[key] = [
                i for i in ids if (opened[i] or i in with_ids) and i not in without_ids
            ]
        labels = dict(zip(ids, group["label"], strict=True))
        name = group["mode_label"].iloc[0]
        changed = sum(1 for i in ids if opened[i] != (i in st.session_state[key]))
        count = f"{len(st.session_state[key])}/{len(ids)}"
        summary = pick(f"{name}（{count}）", f"{name} ({count})", lang)
        if changed:
            summary += f" · {tr('reach.lines_changed', lang)} {changed}"
        # One popover per mode: the lists are drawn only when opened (the page stays light).
        with st.popover(summary, width="stretch"):
            chosen = st.multiselect(name, ids, key=key, format_func=labels.get)
        on += [i for i in chosen if not opened[i]]
        off += [i for i, is_open in opened.items() if is_open and i not in chosen]
    set_query("with", on, default="")
    set_query("without", off, default="")
    return on, off


#: Editable model parameters: (parameter, mode or None, zh label, en label, min, max, step).
_PARAM_INPUTS = (
    ("station_entry_min", "hsr", "高铁进站（分钟）", "HSR station entry (min)", 0.0, 60.0, 5.0),
    ("headway_factor", None, "发车间隔倍数", "Headway factor", 0.25, 4.0, 0.25),
    ("access_speed_kph", None, "接驳车速（km/h）", "Station access speed (km/h)", 10.0, 80.0, 5.0),
    ("transfer_min", None, "换乘（分钟）", "Transfer (min)", 0.0, 60.0, 5.0),
    ("schedule_factor", "hsr", "高铁速度系数", "HSR schedule factor", 0.3, 1.0, 0.05),
    ("road_speed_kph", None, "道路平均车速（km/h）", "Road speed (km/h)", 20.0, 120.0, 5.0),
    ("road_access_min", None, "道路接驳（分钟）", "Road access (min)", 0.0, 60.0, 5.0),
)


def _float_in(key: str, low: float, high: float, default: float) -> float:
    """The URL's number ``key`` if it parses and lies in [low, high], else the default.

    A value that is not used is reported with the allowed range.
    """
    text = query_value(key)
    if text is None:
        return default
    try:
        value = float(text)
    except ValueError:
        value = None
    if value is not None and low <= value <= high:
        return value
    ignore_url_value(key, text, used=f"{default:g} [{low:g}–{high:g}]")
    return default


def model_params_editor(lang: str) -> Any:
    """Number inputs for the main travel-time model parameters; returns the ModelParams.

    Changed values are kept in the URL (``p_transfer_min=5`` …), so a shared link reproduces
    the model as well as the view.
    """
    changes: dict[str, Any] = {}
    with st.expander(tr("reach.params", lang)):
        cols = st.columns(3)
        for i, (name, mode, zh, en, low, high, step) in enumerate(_PARAM_INPUTS):
            default = getattr(DEFAULT_PARAMS, name)
            default = float(default[mode] if mode else default)
            key = f"p_{name}"
            if key not in st.session_state:
                st.session_state[key] = _float_in(key, low, high, default)
            value = cols[i % 3].number_input(pick(zh, en, lang), low, high, step=step, key=key)
            set_query(key, value, default=default)
            changes[name] = {mode: value} if mode else value
    return DEFAULT_PARAMS.updated(**changes)


def changed_params(params: Any) -> dict[str, Any]:
    """The model parameters that differ from the defaults (for the export state)."""
    return params.changes()
