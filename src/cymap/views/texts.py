"""Texts the pages and figures show: plan names, scenario names, deltas, captions, labels.

Worded in the page's language ('zh', 'en'); no Streamlit.
"""

from __future__ import annotations

import pandas as pd

from .. import network, plans, scenarios, units
from ..i18n import pick, status_label, tier_label, tr
from ..notes import note_text


def plan_names(kind: str, lang: str = "zh") -> dict[str, str]:
    """Names of every grouping (``kind="grouping"``) or corridor by id, as pages show them.

    The plan's Chinese name, with its English name after it on English pages.
    """
    table = plans.list_groupings() if kind == "grouping" else plans.list_corridors()
    return {
        i: zh if lang != "en" or not en else f"{zh} ({en})"
        for i, zh, en in zip(table["id"], table["name_zh"], table["name_en"], strict=True)
    }


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


def format_population(value: float, lang: str = "zh") -> str:
    """Population as 万 (zh) or millions (en)."""
    return pick(f"{value / 1e4:,.1f} 万", f"{value / 1e6:,.2f} M", lang)


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


def line_effect_text(effect: object, name_zh: str, lang: str = "zh") -> str:
    """One line saying what a switched line does at the current limit, and where it does.

    ``effect`` is a :class:`cymap.impact.LineEffect`. A line that changes the coverage names
    the units it brings in; one that does not says so, with the units whose minutes it
    shortens and the nearest limit at which it would change the coverage.
    """
    limit = f"{effect.minutes:.0f}"
    verb = (
        pick("带来", "brings", lang)
        if effect.open_in_scenario
        else pick("可带来", "would bring", lang)
    )
    if effect.crossing:
        names = "、".join(_unit_names(effect.crossing))
        return pick(
            f"{name_zh}：{verb} {len(effect.crossing)} 个区县进入 {limit} 分钟通勤圈"
            f"（{names}；{format_population(effect.population_crossing, lang)}）。",
            f"{name_zh}: {verb} {len(effect.crossing)} units into the {limit}-minute reach "
            f"({names}; {format_population(effect.population_crossing, lang)}).",
            lang,
        )
    if not effect.units_faster:
        return pick(
            f"{name_zh}：不缩短任何区县（驻地）的出行时间（已有更快的线路或公路）。",
            f"{name_zh}: shortens no unit's trip (seat to seat; a faster line or road exists).",
            lang,
        )
    at = effect.nearest_limit
    return pick(
        f"{name_zh}：不改变 {limit} 分钟通勤圈；为 {effect.units_faster} 个区县"
        f"（{format_population(effect.population_faster, lang)}）缩短时间，最多 "
        f"{effect.max_saved:.0f} 分钟"
        + (f"；时间上限为 {at} 分钟时改变覆盖范围。" if at is not None else "。"),
        f"{name_zh}: no change to the {limit}-minute reach; {effect.units_faster} units "
        f"({format_population(effect.population_faster, lang)}) gain up to "
        f"{effect.max_saved:.0f} min"
        + (f"; it changes the coverage at a {at}-minute limit." if at is not None else "."),
        lang,
    )


def _unit_names(adcodes: tuple[str, ...]) -> list[str]:
    table = units.load_units()
    return [str(table.at[a, "name_zh"]) for a in adcodes]


def modification_text(mod: object, lang: str = "zh") -> str:
    """One line naming a scenario modification (the editor's list and figure footers)."""
    kind = getattr(mod, "kind", "")
    line = getattr(mod, "line", None)
    name = _line_names().get(line, line) if line else ""
    if kind == "headway":
        off = f" / {mod.offpeak:g}" if mod.offpeak else ""
        return pick(
            f"{name}：发车间隔 {mod.peak:g}{off} 分钟", f"{name}: every {mod.peak:g}{off} min", lang
        )
    if kind == "speed":
        value = f"{mod.speed_kph:g} km/h" if mod.speed_kph else f"{mod.run_minutes:g} min"
        return pick(f"{name}：速度 {value}", f"{name}: {value}", lang)
    if kind == "open_year":
        return pick(f"{name}：{mod.year} 年开通", f"{name}: opens {mod.year}", lang)
    if kind == "remove_stops":
        return pick(
            f"{name}：不停 {'、'.join(mod.stations)}",
            f"{name}: no stop at {', '.join(mod.stations)}",
            lang,
        )
    if kind == "add_stop":
        where = mod.stop.station or mod.stop.unit or f"{mod.stop.lon:.3f}, {mod.stop.lat:.3f}"
        return pick(
            f"{name}：{mod.after} 后增设 {where}",
            f"{name}: new stop {where} after {mod.after}",
            lang,
        )
    if kind == "new_line":
        stops = "—".join(s.station or s.unit or f"{s.lon:.2f},{s.lat:.2f}" for s in mod.stops)
        speed = f"{mod.speed_kph:g} km/h" if mod.speed_kph else f"{mod.run_minutes:g} min"
        return pick(
            f"新线 {mod.name_zh}（{stops}，{speed}，{mod.peak:g} 分钟一班）",
            f"new line {mod.name_zh} ({stops}, {speed}, every {mod.peak:g} min)",
            lang,
        )
    if kind == "road_link":
        return pick(
            f"新道路 {mod.from_unit}—{mod.to_unit}（{mod.speed_kph:g} km/h）",
            f"new road {mod.from_unit}—{mod.to_unit} ({mod.speed_kph:g} km/h)",
            lang,
        )
    return str(kind)


def _line_names() -> dict[str, str]:
    lines = network.list_lines()
    return dict(zip(lines["line_id"], lines["name_zh"], strict=True))


def modification_effect_text(row: object, mod: object, minutes: float, lang: str = "zh") -> str:
    """'修改 2（…）：时限内人口 +3.1 万，面积 +54 km²' for one row of the modification effects."""
    pop = format_population(abs(row.delta_population), lang)
    sign = "+" if row.delta_population >= 0 else "−"
    km2 = f"{row.delta_km2:+,.0f} km²"
    return pick(
        f"修改 {row.modification}（{modification_text(mod, lang)}）：{minutes:g} 分钟内人口 "
        f"{sign}{pop}，面积 {km2}",
        f"Change {row.modification} ({modification_text(mod, lang)}): population within "
        f"{minutes:g} min {sign}{pop}, area {km2}",
        lang,
    )
