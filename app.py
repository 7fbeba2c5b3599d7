"""cymap dashboard: the router and the overview page (the economic circle at a glance)."""

import streamlit as st

from cymap import CymapError, tables, views, web
from cymap.app import ui
from cymap.i18n import tr
from cymap.web import maps

PAGES = (
    ("pages/1_metro.py", "metro"),
    ("pages/2_corridors.py", "corridors"),
    ("pages/3_reach.py", "reach"),
    ("pages/4_sources.py", "sources"),
)


def overview() -> None:
    """The region with the circle's scope, the two metropolitan areas and the two wings."""
    lang = ui.sidebar()
    st.title(tr("app.title", lang))
    st.markdown(tr("app.intro", lang))
    view, _ = views.build_view("overview", {"lang": lang})  # the map, drawn and exported
    m = maps.base_map(lang=lang)
    m.add_child(web.legend_of(view))
    ui.show_map(m, key="overview_map", feature_groups=web.map_layers(view, labels=False))
    st.subheader(tr("app.at_a_glance", lang))
    ui.table(tables.groupings.overview_table(lang), max_height_px=None)
    st.caption(tr("app.at_a_glance_note", lang))
    st.subheader(tr("app.guide", lang))
    cols = st.columns(len(PAGES))
    for col, (path, key) in zip(cols, PAGES, strict=True):
        with col:
            st.page_link(path, label=tr(f"nav.{key}", lang))
            st.caption(tr(f"guide.{key}", lang))
    ui.export_block("overview", {"lang": lang})


lang = ui.page_config()
pages = [st.Page(overview, title=tr("nav.home", lang), url_path="overview", default=True)]
pages += [st.Page(path, title=tr(f"nav.{key}", lang), url_path=key) for path, key in PAGES]
page = st.navigation(pages)
ui.restore_page_view(page.url_path)  # coming back to a page shows it as it was left
notices = st.empty()  # above the page: link values it could not use, and near matches
try:
    page.run()
except CymapError as err:  # bad input on any page: one clear message, no traceback
    ui.show_error(err)
finally:
    ui.remember_page_view(page.url_path)
    ui.show_url_notices(notices, ui.session_lang())
