"""通勤圈: door-to-door reach from an origin, line toggles, scenario comparison, plan targets."""

import streamlit as st

from cymap import impact, network, scenarios, tables, views, web
from cymap.app import editor, ui
from cymap.i18n import tr
from cymap.views import choices, texts
from cymap.web import maps

lang = ui.sidebar()
st.title(tr("reach.title", lang))

c1, c2, c3 = st.columns([2, 3, 2])
with c1:
    origin = ui.selectbox(
        tr("reach.origin", lang),
        choices.ORIGIN_CHOICES,
        key="from",
        default="中心城区",
        normalise=choices.origin_choice,
    )
with c2:
    minutes = ui.radio(
        tr("reach.minutes", lang), [30, 45, 60, 90], key="minutes", default=60, horizontal=True
    )
with c3:
    year = ui.scenario_select(tr("reach.year", lang), key="year", default="today", lang=lang)

with st.sidebar:
    with_lines, without_lines = ui.line_toggles(
        tables.reach.lines_catalogue(year, lang), year=year, lang=lang
    )

# Second row: how minutes are counted, when, with which service, compared with what.
c4, c7, c8, c5, c6 = st.columns([3, 2, 2, 3, 2])
with c4:
    measure = ui.coded_radio("measure", scenarios.MEASURES, default="door_to_door", lang=lang)
with c7:
    period = ui.coded_radio("period", scenarios.PERIODS, default="peak", lang=lang)
with c8:
    service = ui.coded_radio("service", scenarios.SERVICES, default="today", lang=lang)
with c5:
    compare = ui.selectbox(
        tr("reach.compare_mode", lang),
        ["none", "sets", "saved"],
        key="cmp",
        default="none",
        format_func=lambda k: tr(f"reach.compare.{k}", lang),
    )
with c6:
    base_year = (
        ui.scenario_select(tr("reach.baseline", lang), key="base_year", default="2020", lang=lang)
        if compare != "none"
        else None
    )
ui_params = ui.model_params_editor(lang)
plan_text = editor.scenario_editor(lang)

# One description of the view: the map, the figures, the tables and the export all read it.
state = {
    "from": origin,
    "minutes": minutes,
    "year": year,
    "with": with_lines,
    "without": without_lines,
    "lang": lang,
    "params": ui.changed_params(ui_params),
    "measure": measure,
    "period": period,
    "service": service,
    "base_year": base_year,  # None (left out of the export) without a comparison
    "cmp": None if compare == "none" else compare,
    "plan": plan_text,  # the scenario editor's modifications (YAML), None without any
}
view = views.reach.reach_view(origin, minutes=minutes, state=state)
summary, base = view.summary, view.base_summary
m1, m2, m3 = st.columns(3)
m1.metric(
    tr("reach.units_within", lang),
    summary["units_within"],
    delta=None if base is None else summary["units_within"] - base["units_within"],
)
m2.metric(
    tr("reach.area_within", lang),
    f"{summary['area_km2_within']:,.0f}",
    delta=None if base is None else f"{summary['area_km2_within'] - base['area_km2_within']:+,.0f}",
)
m3.metric(
    tr("reach.pop_within", lang),
    texts.format_population(summary["population_within"], lang),
    delta=None
    if base is None
    else "+" * (summary["population_within"] >= base["population_within"])
    + texts.format_population(summary["population_within"] - base["population_within"], lang),
)

# What each switched line does at this limit (one line each; the page explains itself).
names_zh = network.list_lines().set_index("line_id")["name_zh"]
for line_id in [*with_lines, *without_lines]:
    effect = impact.line_effect(origin, line_id, scenario=view.reach.scenario, minutes=minutes)
    st.caption(texts.line_effect_text(effect, names_zh.get(effect.line_id, line_id), lang))

# What each modification of the scenario editor brings, the others kept.
if view.reach.scenario.modifications:
    effects = impact.modification_effects(origin, scenario=view.reach.scenario, minutes=minutes)
    for row, mod in zip(effects.itertuples(), view.reach.scenario.modifications, strict=True):
        st.caption(texts.modification_effect_text(row, mod, minutes, lang))

kind = "reach" if compare == "none" else "diff"
map_view, _ = views.build_view(kind, state)
m = maps.base_map(lang=lang)
m.add_child(web.legend_of(map_view))
ui.show_map(m, key="reach_map", feature_groups=web.map_layers(map_view))

st.subheader(tr("reach.targets", lang))
ui.table(tables.reach.target_table(view.reach.scenario, lang))
if st.toggle(tr("reach.show_table", lang), key="show_table"):
    ui.grid(tables.reach.unit_minutes_table(view, lang))
if ui.checkbox(tr("reach.impact", lang), key="impact"):
    lines_impact = impact.impact_table(origin, scenario=view.reach.scenario, minutes=minutes)
    ui.grid(tables.reach.impact_page_table(lines_impact, lang), key="impact_grid")
    ui.csv_download(
        lines_impact, file_name=f"cymap-impact-{minutes}min.csv", key="impact_csv", lang=lang
    )
ui.export_block(kind, state)
