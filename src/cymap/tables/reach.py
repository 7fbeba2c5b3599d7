"""Tables of the commute-reach page: minutes per unit, plan-target checks, the lines panel."""

from __future__ import annotations

import functools

import pandas as pd

from .. import network, plans, scenarios, targets, travel_time
from ..i18n import mode_label, pick, status_label, tr
from ..views.reach import ReachView
from ..views.texts import line_label
from .headers import page_headers

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
    "share_area_within": "面积在时限内（%）",
    "share_population_within": "人口在时限内（%）",
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
    table = table.merge(view.on_cells.units, on="adcode", how="left")
    shares = ["share_area_within", "share_population_within"]
    table[shares] = (100 * table[shares]).round(0)
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


#: Chinese headers of the plan-target table.
TARGET_COLUMNS_ZH = {
    "target": "目标",
    "year": "目标年",
    "limit_min": "时限（分钟）",
    "measure": "计时口径",
    "passes": "达成",
    "as_stated": "按规划原意计时",
    "units_checked": "检验单元",
    "units_passing": "达标单元",
    "failing": "未达标（分钟）",
    "source": "出处",
}


def target_table(scenario: scenarios.Scenario, lang: str | None = None) -> pd.DataFrame:
    """Every checkable travel-time target of the plans in a scenario: pass/fail and who fails.

    One row per target, summarised from :func:`cymap.targets.check_targets` (one row per target
    and unit), the table the exports write, so the page and the exported data agree. Time is
    counted by the scenario's measure (the map's); ``as_stated`` gives the result as the plan's
    wording reads it where that implies another measure (e.g. in-vehicle time), else "—".
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
                "measure": tr(f"reach.measure.{group['measure'].iloc[0]}", lang or "zh"),
                "passes": bool(group["target_passes"].iloc[0]),
                "as_stated": _as_stated(group, lang or "zh"),
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


IMPACT_COLUMNS_ZH = {
    "name_zh": "线路",
    "mode": "方式",
    "status": "状态",
    "open_in_scenario": "情景中开通",
    "delta_population": "带入时限的人口",
    "delta_km2": "带入时限的面积（km²）",
    "population_faster": "时间缩短的人口",
    "minutes_saved_per_person": "人均缩短（分钟）",
    "units_crossing": "驻地进入时限的区县",
}


def impact_page_table(table: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """What each line does (:func:`cymap.impact.impact_table`) as the page shows it.

    Lines that change nothing are left out; modes and statuses are worded, figures rounded.
    """
    shown = table[(table["population_faster"] > 0) | (table["delta_population"] != 0)].copy()
    shown["mode"] = [mode_label(m, lang) for m in shown["mode"]]
    shown["status"] = [status_label(x, lang) for x in shown["status"]]
    shown = shown.round(
        {
            "delta_population": 0,
            "delta_km2": 0,
            "population_faster": 0,
            "minutes_saved_per_person": 1,
        }
    )
    return page_headers(shown[list(IMPACT_COLUMNS_ZH)], lang, IMPACT_COLUMNS_ZH)


def _as_stated(group: pd.DataFrame, lang: str) -> str:
    """'✓ 车内时间（列车运行）：66 分钟' — a target's result by the plan's own measure."""
    if "minutes_as_stated" not in group or group["minutes_as_stated"].isna().all():
        return "—"
    ok = bool(group["passes_as_stated"].astype(bool).all())
    label = tr(f"reach.measure.{group['stated_measure'].iloc[0]}", lang)
    if len(group) == 1:
        value = f"{group['minutes_as_stated'].iloc[0]:.0f}"
        return f"{'✓' if ok else '✗'} {label}{pick('：', ': ', lang)}{value} " + pick(
            "分钟", "min", lang
        )
    passing = int(group["passes_as_stated"].astype(bool).sum())
    return f"{'✓' if ok else '✗'} {label}{pick('：', ': ', lang)}{passing}/{len(group)}"


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
