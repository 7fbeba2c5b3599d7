"""资料来源: documents, datasets, licences and attribution, and the travel-time model's assumptions."""

import streamlit as st

from cymap import settings, sources, tables
from cymap.app import ui
from cymap.i18n import tr

lang = ui.sidebar()
st.title(tr("sources.title", lang))

st.subheader(tr("sources.documents", lang))
ui.table(tables.sources.page_table(sources.documents_table(), lang), max_height_px=None)
st.caption(
    "地图上的每个规划要素都引用文件编号、行号和原文；推断的成员标为“推断”。"
    if lang == "zh"
    else "Every plan item on the map cites document, line and verbatim quote; inferred members are labelled inferred."
)

st.subheader(tr("sources.datasets", lang))
ui.table(tables.sources.page_table(sources.datasets_table(lang), lang), max_height_px=None)
st.info(f"{settings.boundary_source}。{settings.boundary_approval}")

st.subheader(tr("sources.lines", lang))
ui.grid(tables.sources.page_table(sources.lines_table(), lang), key="lines")
with st.expander(
    "文件提到但无法定位的项目"
    if lang == "zh"
    else "Projects the documents name but that cannot be placed"
):
    ui.table(tables.sources.page_table(sources.unplaceable_table(), lang))

st.subheader(tr("sources.model", lang))
st.markdown(
    "门到门时间 = 接驳 + 候车 + 车内 + 换乘 + 离站。详见 `docs/travel_time_model.md`。"
    if lang == "zh"
    else "Door-to-door = access + wait + in-vehicle + transfers + egress. See `docs/travel_time_model.md`."
)
ui.table(tables.sources.page_table(sources.model_table(), lang), max_height_px=None)
