"""都市圈边界: explore a grouping's members, boundary, size and evidence; compare two; overlay reach."""

import streamlit as st

from cymap import notes, plans, tables, views, web
from cymap.app import ui
from cymap.i18n import tr
from cymap.views import choices, texts
from cymap.web import maps

lang = ui.sidebar()
st.title(tr("metro.title", lang))

names = texts.plan_names("grouping", lang)
ids = list(names)


def grouping_select(label: str, key: str, default: str) -> str:
    """A grouping chosen by name; a link may also name it in Chinese (group=川南渝西)."""
    return ui.selectbox(
        label,
        ids,
        key=key,
        default=default,
        format_func=names.get,
        normalise=choices.plan_item_id,
    )


c1, c2, c3 = st.columns([2, 1, 2])
with c1:
    gid = grouping_select(tr("metro.group", lang), "group", "cq_metro")
with c2:
    color_by = ui.radio(
        tr("metro.color_by", lang),
        ["tier", "membership"],
        key="color",
        default="tier",
        format_func=lambda k: tr(f"metro.color.{k}", lang),
    )
with c3:
    compare_on = ui.checkbox(tr("metro.compare", lang), key="cmp")
    gid_b = (
        grouping_select(tr("metro.group_b", lang), "group_b", "cq_main_metro")
        if compare_on
        else None
    )
d1, d2, d3 = st.columns([2, 2, 1])
with d1:
    overlay_on = ui.checkbox(tr("metro.overlay", lang), key="overlay")
origin = year = None
if overlay_on:  # the reach's origin and year, only when the overlay is on
    with d2:
        origin = ui.selectbox(
            tr("reach.origin", lang),
            choices.ORIGIN_CHOICES,
            key="from",
            default=choices.default_origin(gid),
            normalise=choices.origin_choice,
        )
    with d3:
        year = ui.scenario_select(tr("reach.year", lang), key="year", default="2035", lang=lang)

grouping = plans.get_grouping(gid)
if not grouping.enumerated:
    note = notes.note_text(grouping.note, lang)
    st.info(tr("metro.not_enumerated", lang) + (f"  \n{note}" if note else ""))
    st.stop()

summary = plans.summary(gid)
m1, m2, m3 = st.columns(3)
m1.metric(tr("metro.members_count", lang), summary["n_members"])
m2.metric(
    tr("metro.area", lang),
    f"{summary['area_km2']:,.0f}",
    delta=texts.delta_text(summary.get("area_diff_km2"), summary.get("area_diff_pct"), lang),
    delta_color="off",
)
m3.metric(
    tr("metro.population", lang),
    texts.format_population(summary["population_2020"], lang),
    delta=texts.delta_text(
        summary.get("population_diff"), summary.get("population_diff_pct"), lang, population=True
    ),
    delta_color="off",
)
if summary.get("stated_source"):
    st.caption(texts.stated_caption(summary, lang))

# One description of the view: the web map below and the exports draw the same.
state = {
    "group": gid,
    "group_b": gid_b,
    "color": None if compare_on else color_by,
    "year": year,
    "from": origin,
    "lang": lang,
}
view, _ = views.build_view("group", state)
check = views.groupings.grouping_vs_reach(gid, scenario=year, origin=origin) if overlay_on else None

m = maps.base_map(lang=lang, labels=False)
m.add_child(web.legend_of(view))
ui.show_map(
    m,
    key="metro_map",
    feature_groups=web.map_layers(view),
    bounds=views.groupings.view_bounds(gid, gid_b),
)

if compare_on:
    ui.table(tables.groupings.compare_table(plans.compare(gid, gid_b), lang))
if check is not None:
    a, b = st.columns(2)
    a.markdown(f"**{tr('metro.outside', lang)}**（{check.scenario_label}）")
    with a:
        ui.table(tables.groupings.unit_table(check.members_outside, lang))
    b.markdown(f"**{tr('metro.inside', lang)}**")
    with b:
        ui.table(tables.groupings.unit_table(check.nonmembers_inside, lang))

st.subheader(tr("metro.members", lang))
ui.table(tables.groupings.member_table(gid, lang))
ui.export_block("group", state)
