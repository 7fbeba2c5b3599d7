"""Tables the pages show: members with evidence, comparisons, grouping vs commute reach.

These combine the plans catalogue and the travel-time engine into plain DataFrames that both
the dashboard and the exporter use. No Streamlit.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from . import names, network, plans, scenarios, targets, travel_time, units
from ._errors import CymapError
from .i18n import mode_label, pick, status_label, tier_label, tr
from .notes import note_text

#: Scenario choices offered by the pages: presets plus plain years.
SCENARIO_CHOICES = ("2020", "today", "2025", "2030", "2035")
#: Origins offered by the pages: the 中心城区 set, then major seats.
ORIGIN_CHOICES = (
    "中心城区",
    "成都市",
    "永川区",
    "荣昌区",
    "万州区",
    "涪陵区",
    "宜宾市",
    "泸州市",
    "南充市",
    "达州市",
    "内江市",
    "自贡市",
    "广安市",
    "遂宁市",
)


def plan_names(kind: str, lang: str = "zh") -> dict[str, str]:
    """Names of every grouping (``kind="grouping"``) or corridor by id, as pages show them.

    The plan's Chinese name, with its English name after it on English pages.
    """
    table = plans.list_groupings() if kind == "grouping" else plans.list_corridors()
    return {
        i: zh if lang != "en" or not en else f"{zh} ({en})"
        for i, zh, en in zip(table["id"], table["name_zh"], table["name_en"], strict=True)
    }


def origin_choice(text: str) -> str | None:
    """The origin choice a place name, short name or adcode stands for (``永川`` → 永川区).

    ``None`` when the text names no place or a place that is not one of :data:`ORIGIN_CHOICES`.
    """
    if text in ORIGIN_CHOICES:
        return text
    try:
        name = names.resolve(text).name_zh
    except CymapError:
        return None
    return name if name in ORIGIN_CHOICES else None


def plan_item_id(text: str) -> str | None:
    """The id of the grouping or corridor a name or alias stands for (重庆都市圈 → cq_metro).

    ``None`` when no grouping or corridor has that name.
    """
    for lookup in (plans.get_grouping, plans.get_corridor):
        try:
            return lookup(text).id
        except CymapError:
            continue
    return None


def scenario_label(key: str, lang: str = "zh") -> str:
    """A scenario's name as read, on the pages and in the figures ('today' -> '现状（2026）').

    Presets carry their role in the plans (规划基年, 规划目标年); any other year reads
    '2030年情景'. :func:`cymap.views.scenario_text` adds the switched lines.
    """
    if key == "today":
        year = scenarios.preset("today").year
        return pick(f"现状（{year}）", f"Today ({year})", lang)
    if key == "2020":
        return pick("2020（规划基年）", "2020 (plans' base year)", lang)
    if key in ("2025", "2035"):
        return pick(f"{key}（规划目标年）", f"{key} (plan horizon)", lang)
    return pick(f"{key}年情景", f"{key} scenario", lang)


def delta_text(
    diff: float | None, pct: float | None, lang: str = "zh", *, population: bool = False
) -> str | None:
    """'+10 (+0.0%) 对比文件所述' style delta for st.metric, or None without a stated figure.

    A ``population`` difference is given like :func:`format_population`: 万 in Chinese,
    millions (M) in English.
    """
    if diff is None or pct is None or pd.isna(diff):
        return None
    if not population:
        value = f"{diff:+,.1f}"
    elif lang == "zh":
        value = f"{diff / 1e4:+,.1f} 万"
    else:
        value = f"{diff / 1e6:+,.2f} M"
    return f"{value} ({pct:+.1f}%)" + pick(" 对比文件所述", " vs stated", lang)


def stated_caption(summary: dict, lang: str = "zh") -> str:
    """The documents' own size figures and their source, under the computed metrics."""
    parts = []
    if summary.get("stated_area_km2"):
        parts.append(f"{summary['stated_area_km2']:,.0f} km²")
    if summary.get("stated_population"):
        people = summary["stated_population"]
        parts.append(pick(f"{people / 1e4:,.0f} 万人", f"{people / 1e6:,.2f} M people", lang))
    year = summary.get("stated_year", "")
    note = note_text(summary.get("stated_note"), lang)
    head = tr("stated.head", lang)
    comp = (
        "计算值：天地图2024边界（等积投影）与第七次人口普查（2020）"
        if lang == "zh"
        else "Computed: 天地图 2024 boundaries (equal-area) and the 2020 census"
    )
    when = pick(f"（{year}）：", f" ({year}): ", lang)
    return f"{head}{when}{' / '.join(parts)} — {summary['stated_source']} {note}  \n{comp}"


#: English headers of the page tables (this module's and the source tables of
#: :mod:`cymap.sources`). The tables keep the data's own column names when no language is
#: given (exports, the command line).
EN_HEADERS = {
    "adcode": "Adcode",
    "name_zh": "Name",
    "tier": "Tier",
    "membership": "Basis",
    "partial": "Partly included",
    "quote": "Quote",
    "source": "Source",
    "line": "Line",
    "note": "Note",
    "area_km2": "Area km²",
    "population_2020": "Population 2020",
    "level": "Level",
    "side": "Side",
    "minutes": "Minutes",
    "kind": "Kind",
    "members": "Places (in order)",
    "carriers": "Carrier lines",
    "carrier_notes": "Other carriers",
    "documents": "Documents",
    "item": "Item",
    "document": "Document",
    "target": "Target",
    "year": "Year",
    "limit_min": "Limit (min)",
    "passes": "Met",
    "units_checked": "Units checked",
    "units_passing": "Units passing",
    "failing": "Failing (min)",
    "id": "No.",
    "title": "Title",
    "issuer": "Issuer",
    "doc_number": "Document number",
    "date": "Date",
    "script": "Script",
    "file": "File",
    "dataset": "Dataset",
    "version": "Version",
    "licence": "Licence",
    "use": "Use",
    "line_id": "Line id",
    "mode": "Mode",
    "status": "Status",
    "open_year": "Opening year",
    "design_speed_kph": "Design speed (km/h)",
    "length_km": "Length (km)",
    "ref": "Ref.",
    "seed": "Document",
    "reason": "Reason",
    "parameter": "Parameter",
    "default": "Default",
    "meaning": "Meaning",
    "within": "Within the limit",
    "minutes_base": "Baseline (min)",
    "minutes_other": "Scenario (min)",
    "minutes_saved": "Saved (min)",
    "reached": "Reached",
    "via": "Fastest way via",
    "via_scenario": "Scenario's fastest way via",
    "in_vehicle_min": "Of which in vehicles (min)",
    "other_min": "Of which access, waits, transfers (min)",
    "n_members": "Members",
    "stated_area_km2": "Stated area km²",
    "stated_population": "Stated population",
    "stated_year": "Stated for",
    "stated_source": "Source of the stated figures",
}


def page_headers(table: pd.DataFrame, lang: str | None, zh: dict[str, str]) -> pd.DataFrame:
    """``table`` with the page's headers: ``zh`` in Chinese, :data:`EN_HEADERS` in English."""
    if lang == "zh":
        return table.rename(columns=zh)
    if lang == "en":
        return table.rename(columns=EN_HEADERS)
    return table


def member_texts(members: pd.DataFrame, lang: str | None) -> dict[str, list]:
    """Columns of :func:`cymap.plans.members` as pages show them (table and map tooltips).

    ``quote`` gets the simplified reading after a traditional-script quote; in a page language
    ('zh', 'en') ``membership``, ``tier`` and ``note`` are worded in it as well.
    """
    out: dict[str, list] = {
        "quote": [
            plans.quote_text(q, s) if isinstance(q, str) else q
            for q, s in zip(members["quote"], members["quote_simplified"], strict=True)
        ]
    }
    if lang in ("zh", "en"):
        out["membership"] = [tr(f"membership.{k}", lang) for k in members["membership"]]
        out["tier"] = [tier_label(t, lang) if isinstance(t, str) else t for t in members["tier"]]
        out["note"] = [note_text(n, lang) or None for n in members["note"]]
    return out


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


#: Unit levels in Chinese.


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


@dataclass(frozen=True)
class GroupingReach:
    """A grouping checked against the commute reach of an origin in a scenario."""

    group: str
    origin: str
    minutes: float
    scenario_label: str
    within: list[str]
    members_outside: pd.DataFrame
    nonmembers_inside: pd.DataFrame


def grouping_vs_reach(
    group: str, *, scenario: str = "2035", origin: str = "中心城区", minutes: float = 60
) -> GroupingReach:
    """Which members are outside the reach and which non-members are inside it.

    Prefecture members (e.g. 广安市) are expanded to their counties, since reach is computed per
    county-level unit.
    """
    reach = travel_time.reach(origin, minutes=minutes, scenario=scenarios.for_year(scenario))
    table = reach.table
    member_counties = set(plans.group_county_adcodes(group))
    within = table.loc[table["within"], "adcode"].tolist()
    cols = ["adcode", "name_zh", "minutes"]
    outside = table[table["adcode"].isin(member_counties) & ~table["within"]][cols]
    inside = table[~table["adcode"].isin(member_counties) & table["within"]][cols]
    return GroupingReach(
        group=group,
        origin=origin,
        minutes=minutes,
        scenario_label=scenario_label(scenario),
        within=within,
        members_outside=outside.sort_values("minutes").round({"minutes": 0}).reset_index(drop=True),
        nonmembers_inside=inside.sort_values("minutes")
        .round({"minutes": 0})
        .reset_index(drop=True),
    )


#: Chinese headers of the unit tables (adcode, name, minutes).
UNIT_COLUMNS_ZH = {"adcode": "区划代码", "name_zh": "名称", "minutes": "分钟"}


def unit_table(frame: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """A table of units (adcode, name_zh, minutes) with headers in the page's language."""
    return page_headers(frame, lang, UNIT_COLUMNS_ZH)


#: Chinese headers of the per-unit minutes table of the commute-reach page.
MINUTES_COLUMNS_ZH = {
    "adcode": "区划代码",
    "name_zh": "名称",
    "level": "级别",
    "minutes": "分钟",
    "within": "时限内",
    "area_km2": "面积km²",
    "population_2020": "2020年人口",
    "minutes_base": "基准（分钟）",
    "minutes_other": "情景（分钟）",
    "minutes_saved": "节省（分钟）",
    "reached": "可达",
    "via": "最快路径经由",
    "via_scenario": "情景最快路径经由",
    "in_vehicle_min": "其中车内（分钟）",
    "other_min": "其中接驳、候车、换乘（分钟）",
}
_REACH_STATUS = {
    "both": ("两情景均可达", "both"),
    "other_only": ("仅情景可达", "scenario only"),
    "base_only": ("仅基准可达", "baseline only"),
    "neither": ("均不可达", "neither"),
}


def unit_minutes_table(view: ReachView, lang: str = "zh") -> pd.DataFrame:
    """Every unit's minutes in a reach view: the scenario alone, or baseline against scenario.

    Minutes are rounded to whole minutes (the model's precision); levels and comparison
    statuses are worded and the headers named in the page's language.
    """
    if view.diff is None:
        table = view.reach.table.copy()
        table["level"] = [tr(f"level.{v}", lang) for v in table["level"]]
    else:
        table = view.diff.copy()
        table["status"] = table["status"].map(lambda s: pick(*_REACH_STATUS[s], lang))
        table = table.rename(columns={"status": "reached"})
    routes = _route_columns(view.reach, lang)
    if view.diff is not None:  # the routes are the scenario's, not the baseline's
        routes = routes.rename(columns={"via": "via_scenario"})
    table = table.merge(routes, on="adcode", how="left")
    minute_cols = [
        c
        for c in (
            "minutes",
            "minutes_base",
            "minutes_other",
            "minutes_saved",
            "in_vehicle_min",
            "other_min",
        )
        if c in table
    ]
    table[minute_cols] = table[minute_cols].round(0)
    return page_headers(table, lang, MINUTES_COLUMNS_ZH)


def _route_columns(reach: travel_time.Reach, lang: str) -> pd.DataFrame:
    """Each unit's fastest way in the (scenario's) reach, and the split of its minutes.

    ``via`` names the lines ridden in order (公路 for roads off the named expressways).
    """
    road = tr("reach.road", lang)
    routes = travel_time.route_columns(
        reach.origin_adcodes, scenario=reach.scenario, road_name=road
    ).drop(columns="via_ids")
    routes["via"] = [
        tr("reach.unreachable", lang) if via is None else via or tr("reach.is_origin", lang)
        for via in routes["via"]
    ]
    return routes.reset_index()


def corridor_table(corridor_ids: list[str], lang: str = "zh") -> pd.DataFrame:
    """Corridors with kind, ordered member places, carrier lines (names) and documents."""
    line_names = network.list_lines().set_index("line_id")["name_zh"].to_dict()
    docs = {d.id: d.title_zh for d in plans.load_catalogue().documents}
    shown = plan_names("corridor", lang)
    rows = []
    for cid in corridor_ids:
        c = plans.get_corridor(cid)
        rows.append(
            {
                "name_zh": shown[cid],
                "kind": c.kind,
                "members": " → ".join(m.name for m in c.members),
                "carriers": "、".join(line_names.get(x, x) for x in c.carriers),
                "carrier_notes": note_text(c.carrier_notes, lang),
                "documents": "；".join(f"{d} {docs.get(d, '')}" for d in c.documents),
            }
        )
    table = pd.DataFrame(rows)
    if lang == "zh":
        kinds = {"axis": "发展轴", "belt": "发展带", "radial_corridor": "放射通道"}
        table["kind"] = table["kind"].map(lambda k: kinds.get(k, k))
    elif lang == "en":
        table["kind"] = table["kind"].str.replace("_", " ")
    return page_headers(
        table,
        lang,
        {
            "name_zh": "轴带",
            "kind": "类型",
            "members": "经过城市（顺序）",
            "carriers": "依托线路",
            "carrier_notes": "其他依托",
            "documents": "文件",
        },
    )


def corridor_evidence(corridor_id: str, lang: str = "zh") -> pd.DataFrame:
    """Every evidence quote of a corridor and its members: document, line, verbatim text."""
    c = plans.get_corridor(corridor_id)
    rows = [
        {
            "item": c.name_zh,
            "document": e.document,
            "line": e.line,
            "quote": plans.quote_text(e.quote, e.quote_simplified),
        }
        for e in c.evidence
    ]
    rows += [
        {
            "item": m.name,
            "document": m.evidence.document,
            "line": m.evidence.line,
            "quote": plans.quote_text(m.evidence.quote, m.evidence.quote_simplified),
        }
        for m in c.members
        if m.evidence is not None
    ]
    table = pd.DataFrame(rows)
    return page_headers(
        table, lang, {"item": "对象", "document": "文件", "line": "行", "quote": "原文"}
    )


@dataclass(frozen=True)
class ReachView:
    """Everything the commute-reach page shows for one state of its widgets."""

    reach: travel_time.Reach
    base: travel_time.Reach | None
    diff: pd.DataFrame | None
    targets: pd.DataFrame


def reach_view(
    origin: str,
    *,
    minutes: float,
    year: str,
    with_lines: list[str] | tuple[str, ...] = (),
    without_lines: list[str] | tuple[str, ...] = (),
    base_year: str | None = None,
    params: scenarios.ModelParams = scenarios.DEFAULT_PARAMS,
    lang: str | None = None,
) -> ReachView:
    """Reach of a scenario, optionally against a baseline scenario, plus the plan-target checks."""
    scenario = scenarios.for_year(
        year, with_lines=with_lines, without_lines=without_lines, params=params
    )
    reach = travel_time.reach(origin, minutes=minutes, scenario=scenario)
    base = diff = None
    if base_year is not None:
        base = travel_time.reach(
            origin, minutes=minutes, scenario=scenarios.for_year(base_year, params=params)
        )
        diff = travel_time.compare_reach(base, reach)
    return ReachView(reach=reach, base=base, diff=diff, targets=target_table(scenario, lang))


TARGET_COLUMNS_ZH = {
    "target": "目标",
    "year": "目标年",
    "limit_min": "时限（分钟）",
    "passes": "达成",
    "units_checked": "检验单元",
    "units_passing": "达标单元",
    "failing": "未达标（分钟）",
    "source": "出处",
}


def target_table(scenario: scenarios.Scenario, lang: str | None = None) -> pd.DataFrame:
    """Every checkable travel-time target of the plans in a scenario: pass/fail and who fails.

    One row per target, summarised from :func:`cymap.targets.check_targets` (one row per target
    and unit), the table the exports write, so the page and the exported data agree.
    """
    return _target_table(scenario, lang).copy()


@functools.lru_cache(maxsize=64)
def _target_table(scenario: scenarios.Scenario, lang: str | None) -> pd.DataFrame:

    per_unit = targets.check_targets(scenario)
    per_unit = per_unit[per_unit["target_passes"].notna()]
    rows = []
    for target_id, group in per_unit.groupby("target_id", sort=False):
        target = plans.get_target(target_id)
        failing = group[~group["passes"].astype(bool)]
        ev = target.evidence[0] if target.evidence else None
        rows.append(
            {
                "target": target.name_zh,
                "year": "—" if target.year is None else str(target.year),
                "limit_min": target.max_minutes,
                "passes": bool(group["target_passes"].iloc[0]),
                "units_checked": len(group),
                "units_passing": int(group["passes"].astype(bool).sum()),
                "failing": "、".join(
                    f"{n}({m:.0f})" if pd.notna(m) else n
                    for n, m in zip(failing["name_zh"], failing["minutes"], strict=True)
                ),
                "source": plans.cite(ev) if ev else "",
            }
        )
    return page_headers(pd.DataFrame(rows), lang, TARGET_COLUMNS_ZH)


def line_label(name_zh: str, status: str, open_year: float | None, lang: str = "zh") -> str:
    """'成渝中线高铁（在建，2027）': a line's name with its status and opening year."""
    if open_year is None or pd.isna(open_year):
        year_text = tr("lines.year_open", lang)
    else:
        year_text = str(int(open_year))
    status_text = status_label(status, lang)
    if lang == "zh":
        return f"{name_zh}（{status_text}，{year_text}）"
    return f"{name_zh} ({status_text}, {year_text})"


@functools.lru_cache(maxsize=32)
def _lines_catalogue(year: str, lang: str) -> pd.DataFrame:

    lines = network.list_lines()
    active = network.active_lines(scenarios.for_year(year))
    lines["open_in_year"] = lines["line_id"].isin(active)
    lines["label"] = [
        line_label(n, s, y, lang)
        for n, s, y in zip(lines["name_zh"], lines["status"], lines["open_year"], strict=True)
    ]
    lines["mode_label"] = lines["mode"].map(lambda m: mode_label(m, lang))
    return lines


def lines_catalogue(year: str, lang: str = "zh") -> pd.DataFrame:
    """Lines for the toggle panel, with whether each is open in ``year``.

    Columns of :func:`cymap.network.list_lines` plus ``open_in_year`` and the labels the panel
    shows (``label``: name, status and year; ``mode_label``).
    """
    return _lines_catalogue(year, lang).copy()


def default_origin(group: str) -> str:
    """The natural centre of a grouping for the reach overlay (成都市 for Chengdu's, else 中心城区)."""
    return "成都市" if group in ("cd_metro",) else "中心城区"


def view_bounds(group: str, group_b: str | None = None) -> tuple[float, float, float, float]:
    """Bounds (minx, miny, maxx, maxy) of a grouping's members, or of two groupings together."""
    codes = plans.group_adcodes(group) + (plans.group_adcodes(group_b) if group_b else [])
    return tuple(units.load_units().loc[codes].total_bounds)


def corridor_bounds(corridor: str) -> tuple[float, float, float, float]:
    """Bounds of a corridor's member units (its seats' polygons), for framing the map."""
    geom = plans.corridor_geometry(corridor)
    codes = [a for a in geom["adcode"] if a and a in units.load_units().index]
    return tuple(units.load_units().loc[codes].total_bounds)


def format_population(value: float, lang: str = "zh") -> str:
    """Population as 万 (zh) or millions (en)."""
    return pick(f"{value / 1e4:,.1f} 万", f"{value / 1e6:,.2f} M", lang)
