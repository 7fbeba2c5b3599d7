"""Tables of the plans' groupings: members with evidence, the overview, comparisons, units."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from .. import plans
from ..i18n import tr
from ..views.texts import member_texts, plan_names
from .headers import page_headers


def member_table(group: str, lang: str = "zh") -> pd.DataFrame:
    """Members of a grouping with tier, stated/inferred, evidence quote, area and population."""
    gdf = plans.members(group)
    table = gdf.drop(columns="geometry").reset_index()
    docs = {d.id: d.title_zh for d in plans.load_catalogue().documents}
    table["source"] = table["document"].map(lambda d: f"{d} {docs.get(d, '')}" if d else "")
    table = table.assign(**member_texts(table, lang))
    cols = [
        "adcode",
        "name_zh",
        "tier",
        "membership",
        "partial",
        "quote",
        "source",
        "line",
        "note",
        "area_km2",
        "population_2020",
    ]
    if not table["partial"].any():  # a column of ✗ only: left out
        cols.remove("partial")
    table = table[[c for c in cols if c in table.columns]]
    return page_headers(
        table,
        lang,
        {
            "adcode": "区划代码",
            "name_zh": "名称",
            "tier": "层级",
            "membership": "依据",
            "partial": "部分纳入",
            "quote": "原文",
            "source": "文件",
            "line": "行",
            "note": "说明",
            "area_km2": "面积km²",
            "population_2020": "2020年人口",
        },
    )


#: The groupings the overview shows at a glance: the circle, both metropolitan areas, both wings.
OVERVIEW_GROUPS = ("cy_circle", "cq_metro", "cd_metro", "north_wing", "south_wing")


def overview_table(lang: str = "zh") -> pd.DataFrame:
    """The overview's groupings: members, computed area and 2020 population.

    Beside them the documents' own figures, their year and source (empty where a document
    states none).
    """
    cols = [
        "name_zh",
        "n_members",
        "area_km2",
        "stated_area_km2",
        "population_2020",
        "stated_population",
        "stated_year",
        "stated_source",
    ]
    table = pd.DataFrame([plans.summary(gid) for gid in OVERVIEW_GROUPS])[cols]
    if lang == "en":
        table["name_zh"] = list(map(plan_names("grouping", lang).get, OVERVIEW_GROUPS))
    table = table.astype({"stated_population": "Int64", "stated_year": "Int64"})
    return page_headers(
        table,
        lang,
        {
            "name_zh": "名称",
            "n_members": "成员",
            "area_km2": "面积km²（计算）",
            "stated_area_km2": "面积km²（文件所述）",
            "population_2020": "2020年人口（计算）",
            "stated_population": "人口（文件所述）",
            "stated_year": "所述年份",
            "stated_source": "出处",
        },
    )


def compare_table(compared: gpd.GeoDataFrame, lang: str = "zh") -> pd.DataFrame:
    """Both / only A / only B as a table sorted by side."""
    order = {"both": 0, "only_a": 1, "only_b": 2}
    table = compared.drop(columns="geometry").reset_index()
    table = table.sort_values(
        by=["side", "adcode"], key=lambda s: s.map(order) if s.name == "side" else s
    )
    if lang in ("zh", "en"):
        table["side"] = [tr(f"side.{v}", lang) for v in table["side"]]
        table["level"] = [tr(f"level.{v}", lang) for v in table["level"]]
    return page_headers(
        table,
        lang,
        {
            "adcode": "区划代码",
            "name_zh": "名称",
            "level": "级别",
            "side": "归属",
            "area_km2": "面积km²",
            "population_2020": "2020年人口",
        },
    )


#: Chinese headers of the unit tables (adcode, name, minutes).
UNIT_COLUMNS_ZH = {"adcode": "区划代码", "name_zh": "名称", "minutes": "分钟"}


def unit_table(frame: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """A table of units (adcode, name_zh, minutes) with headers in the page's language."""
    return page_headers(frame, lang, UNIT_COLUMNS_ZH)
