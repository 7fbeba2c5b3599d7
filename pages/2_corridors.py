"""发展轴带: the plans' axes and belts drawn through their member places, with carrier lines."""

import streamlit as st

from cymap import tables, views, web
from cymap.app import ui
from cymap.i18n import tr
from cymap.views import choices, texts
from cymap.web import maps

lang = ui.sidebar()
st.title(tr("corr.title", lang))

names = texts.plan_names("corridor", lang)
choice = ui.selectbox(
    tr("corr.pick", lang),
    ["all", *names],
    key="corridor",
    default="all",
    format_func=lambda c: tr("corr.all", lang) if c == "all" else names[c],
    normalise=choices.plan_item_id,
)
chosen = list(names) if choice == "all" else [choice]

# One description of the map: the page draws it, the export prints it.
state = {"corridor": None if choice == "all" else choice, "lang": lang}
view, _ = views.build_view("corridors", state)
m = maps.base_map(lang=lang, labels=choice == "all")
m.add_child(web.legend_of(view))
ui.show_map(
    m,
    key="corridor_map",
    feature_groups=web.map_layers(view),
    bounds=None if choice == "all" else views.corridors.corridor_bounds(choice),
)

if choice != "all":
    st.subheader(names[choice])
    ui.table(tables.corridors.corridor_evidence(choice, lang))
st.subheader(tr("corr.members", lang))
ui.table(tables.corridors.corridor_table(chosen, lang))
ui.export_block("corridors", state)
