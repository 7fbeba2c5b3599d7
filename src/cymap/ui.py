"""The only module that imports Streamlit: page setup, cached loaders, URL state, map display.

Pages call these helpers and the library; they hold no data logic of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import folium
import streamlit as st
from streamlit_folium import st_folium

from . import settings
from ._errors import CymapError
from .i18n import LANGS, tr


def page_config() -> str:
    """Configure the browser tab (called once, by app.py) and return the URL's language."""
    st.set_page_config(page_title="cymap · 成渝地区双城经济圈", page_icon="🗺️", layout="wide")
    return query_choice("lang", LANGS, default="zh")


def sidebar() -> str:
    """Draw the shared sidebar (language switch, boundary credit) and return the language."""
    init_state("lang", query_choice("lang", LANGS, default="zh"))
    with st.sidebar:
        lang = st.radio(
            tr("lang", st.session_state["lang"]),
            LANGS,
            format_func=lambda x: "中文" if x == "zh" else "English",
            horizontal=True,
            key="lang",
        )
        set_query("lang", lang, default="zh")
        st.caption(f"{settings.boundary_source}  \n{settings.boundary_approval}")
    return lang


# --- URL state ---------------------------------------------------------------------------


def query_value(key: str, default: str | None = None) -> str | None:
    """A query parameter of the page URL, or ``default``."""
    return st.query_params.get(key, default)


def query_choice(key: str, options: Sequence[Any], *, default: Any) -> Any:
    """The query parameter ``key`` if it is one of ``options`` (compared as text), else ``default``."""
    raw = st.query_params.get(key)
    for option in options:
        if raw is not None and str(option) == raw:
            return option
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


def init_state(key: str, value: Any) -> None:
    """Seed a widget's session state once (from the URL), so widgets need no ``index=``."""
    if key not in st.session_state:
        st.session_state[key] = value


# --- display -----------------------------------------------------------------------------


def show_map(
    m: folium.Map,
    *,
    key: str,
    height: int = 620,
    feature_groups: list[folium.FeatureGroup] | None = None,
) -> None:
    """Show a folium map. Dynamic layers passed as ``feature_groups`` update without a reload."""
    st_folium(
        m,
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=[],
        feature_group_to_add=feature_groups,
    )


def show_error(err: CymapError) -> None:
    """Show a library error as a message box (never a traceback)."""
    st.error(str(err))


def guarded(func: Callable[[], Any]) -> Any:
    """Run a page body; turn a CymapError into a message instead of a traceback."""
    try:
        return func()
    except CymapError as err:
        show_error(err)
        return None
