"""The scenario editor of 通勤圈.

Modifications are added, reordered and removed; plans are saved, uploaded and shared as links.

The current plan lives in the session (one per browser tab: two users' plans never meet) and in
the URL as a compact link value (``?plan=…``, :func:`cymap.modifications.encode_link`).
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from pydantic import TypeAdapter, ValidationError

from .. import modifications, network, units
from .._errors import CymapError
from ..i18n import mode_label, pick, tr
from ..views.texts import modification_text
from . import ui

_KEY = "plan_mods"  # session: the modifications, as plain dicts
_ERROR = "plan_error"  # session: the last rejected input, shown once
KINDS = ("headway", "speed", "open_year", "remove_stops", "new_line", "road_link")
_ADAPTER = TypeAdapter(modifications.Modification)


def _load_from_url() -> list[dict]:
    text = ui.query_value("plan")
    if not text:
        return []
    try:
        plan = modifications.decode_link(text)
    except CymapError as err:
        ui.ignore_url_value("plan", text, used="")
        st.session_state[_ERROR] = str(err)
        return []
    return [m.model_dump(mode="json", exclude_none=True) for m in plan.modifications]


def _plan(mods: list[dict]) -> modifications.ScenarioPlan:
    return modifications.ScenarioPlan(
        modifications=tuple(_ADAPTER.validate_python(m) for m in mods)
    )


def scenario_editor(lang: str) -> str | None:
    """The editor panel; returns the plan's YAML for the page state (``None`` without any)."""
    if _KEY not in st.session_state:
        st.session_state[_KEY] = _load_from_url()
    mods: list[dict] = st.session_state[_KEY]
    with st.expander(tr("edit.title", lang) + (f"（{len(mods)}）" if mods else "")):
        if st.session_state.get(_ERROR):
            st.error(st.session_state.pop(_ERROR))
        _list(mods, lang)
        _add_form(mods, lang)
        _files(mods, lang)
    if not mods:
        ui.set_query("plan", None)
        return None
    plan = _plan(mods)
    try:
        ui.set_query("plan", modifications.encode_link(plan))
    except CymapError as err:
        st.warning(str(err))
    return modifications.dump_plan(plan)


def _list(mods: list[dict], lang: str) -> None:
    for i, raw in enumerate(mods):
        mod = _ADAPTER.validate_python(raw)
        c1, c2, c3 = st.columns([8, 1, 1])
        c1.markdown(f"{i + 1}. {modification_text(mod, lang)}")
        if c2.button("↑", key=f"mod_up_{i}", disabled=i == 0, help=pick("上移", "Move up", lang)):
            mods[i - 1], mods[i] = mods[i], mods[i - 1]
            st.rerun()
        if c3.button("✕", key=f"mod_del_{i}", help=pick("删除", "Delete", lang)):
            del mods[i]
            st.rerun()


def _add_form(mods: list[dict], lang: str) -> None:
    kind = st.selectbox(
        tr("edit.kind", lang),
        KINDS,
        format_func=lambda k: tr(f"edit.kind.{k}", lang),
        key="edit_kind",
    )
    lines = network.list_lines()
    rail = lines[lines["kind"] == "rail"]
    line_ids = list(
        rail["line_id"] if kind in ("headway", "speed", "remove_stops") else lines["line_id"]
    )
    names = dict(zip(lines["line_id"], lines["name_zh"], strict=True))
    counties = units.county_units()
    unit_names = sorted(counties["name_zh"].unique())
    with st.form(f"edit_form_{kind}", clear_on_submit=False, border=False):
        raw: dict[str, Any] = {"kind": kind}
        if kind in ("headway", "speed", "open_year", "remove_stops"):
            raw["line"] = st.selectbox(
                tr("edit.line", lang), line_ids, format_func=lambda x: names.get(x, x)
            )
        if kind == "headway":
            raw["peak"] = st.number_input(tr("edit.peak", lang), value=10.0, step=1.0)
            raw["offpeak"] = st.number_input(tr("edit.offpeak", lang), value=15.0, step=1.0)
        elif kind == "speed":
            raw["speed_kph"] = st.number_input(tr("edit.speed", lang), value=200.0, step=10.0)
        elif kind == "open_year":
            raw["year"] = int(st.number_input(tr("edit.year", lang), value=2030, step=1))
        elif kind == "remove_stops":
            stops = [s.station for s in network.load_network().stops.get(raw["line"], ())]
            raw["stations"] = st.multiselect(tr("edit.stations", lang), stops)
        elif kind == "new_line":
            raw["name_zh"] = st.text_input(
                tr("edit.name", lang), value=pick("新线", "New line", lang)
            )
            raw["mode"] = st.selectbox(
                tr("edit.mode", lang),
                ["suburban", "intercity", "hsr", "conventional"],
                format_func=lambda m: mode_label(m, lang),
            )
            chosen = st.multiselect(tr("edit.stops", lang), unit_names)
            raw["stops"] = [{"unit": u} for u in chosen]
            raw["speed_kph"] = st.number_input(tr("edit.speed", lang), value=160.0, step=10.0)
            raw["peak"] = st.number_input(tr("edit.peak", lang), value=10.0, step=1.0)
        elif kind == "road_link":
            raw["from_unit"] = st.selectbox(tr("edit.from", lang), unit_names)
            raw["to_unit"] = st.selectbox(tr("edit.to", lang), unit_names, index=1)
            raw["speed_kph"] = st.number_input(tr("edit.speed", lang), value=100.0, step=10.0)
        if st.form_submit_button(tr("edit.add", lang)):
            _add(mods, raw)


def _add(mods: list[dict], raw: dict) -> None:
    """Check a modification with the others; keep the current plan when it is rejected."""
    try:
        mod = _ADAPTER.validate_python(raw)
        candidate = [*mods, mod.model_dump(mode="json", exclude_none=True)]
        modifications.check_plan(_plan(candidate), source="新的修改")
    except (ValidationError, CymapError) as err:
        st.session_state[_ERROR] = _error_text(err)
        st.rerun()
    mods.append(mod.model_dump(mode="json", exclude_none=True))
    st.rerun()


def _error_text(err: Exception) -> str:
    if isinstance(err, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc'] if p not in KINDS)}: {e['msg']}"
            for e in err.errors()
        )
    return str(err)


def _files(mods: list[dict], lang: str) -> None:
    c1, c2 = st.columns(2)
    text = modifications.dump_plan(_plan(mods)) if mods else ""
    c1.download_button(
        tr("edit.download", lang),
        data=text,
        file_name="cymap-scenario.yaml",
        mime="application/x-yaml",
        disabled=not mods,
        key="plan_download",
    )
    upload = c2.file_uploader(tr("edit.upload", lang), type=["yaml", "yml"], key="plan_upload")
    if upload is not None and st.session_state.get("plan_upload_done") != upload.file_id:
        st.session_state["plan_upload_done"] = upload.file_id
        try:
            plan = modifications.parse_plan(upload.getvalue().decode("utf-8"), source=upload.name)
        except (CymapError, UnicodeDecodeError) as err:
            st.session_state[_ERROR] = str(err)  # the current plan is kept
            st.rerun()
        mods[:] = [m.model_dump(mode="json", exclude_none=True) for m in plan.modifications]
        # the file's baseline: the page's year, period and service widgets read it anew
        for key, value in plan.baseline.model_dump().items():
            st.query_params[key] = value
            st.session_state.pop(key, None)
        st.rerun()
