"""Shared pieces of the view builders: frame texts, unit labels, legends, scenario texts."""

from __future__ import annotations

import dataclasses
from typing import Any

from .. import modifications, names, network, plans, scenarios, settings, units
from .._errors import CymapError
from ..i18n import pick, tr
from ..style import BEYOND_COLOR, MINUTE_BANDS, TIER_COLORS, TIER_EXTRA_COLORS
from .model import Label, Layer, LegendEntry
from .texts import modification_text, scenario_label

#: Map frame of the whole economic circle (one frame for web and print).
REGION_EXTENT = settings.region_extent


def tier_colors(tiers: list[str]) -> dict[str, str]:
    """A colour per tier: the pages' colours for known tiers, then a fixed sequence."""
    extra = iter(TIER_EXTRA_COLORS * 3)
    return {x: TIER_COLORS.get(x) or next(extra) for x in tiers}


def counted_legend(
    rows: list[tuple[str, str, str]], counts: Any, colors: dict[str, str], lang: str
) -> list[LegendEntry]:
    """Legend rows ``label（count）`` of categories; ``rows`` are ``(key, zh, en)``."""
    return [
        LegendEntry(
            pick(f"{zh}（{counts.get(key, 0)}）", f"{en} ({counts.get(key, 0)})", lang),
            facecolor=colors[key],
        )
        for key, zh, en in rows
    ]


def minute_band_legend(lang: str) -> list[LegendEntry]:
    """Legend rows of the minute bands."""
    unit = pick("分钟", "min", lang)
    rows, lower = [], 0
    for upper, color in MINUTE_BANDS:
        rows.append(LegendEntry(f"{lower}–{upper} {unit}", facecolor=color, edgecolor="#999999"))
        lower = upper
    rows.append(LegendEntry(f"> {lower} {unit}", facecolor=BEYOND_COLOR, edgecolor="#999999"))
    return rows


def label_units(
    adcodes: Any, *, priority_by: str = "population_2020", boost: int = 0
) -> list[Label]:
    """Labels with the official names of units at their government seats.

    Larger units (by ``priority_by``) win where labels would overlap.
    """
    gdf = units.load_units()
    codes = [c for c in adcodes if c in gdf.index]
    rows = gdf.loc[codes]
    ranks = rows[priority_by].astype(float).rank(ascending=True).fillna(0)
    return [
        Label(
            text=row.name_zh,
            lon=float(row.seat_lon),
            lat=float(row.seat_lat),
            priority=int(ranks[code]) + boost * 1000,
            size_pt=7.5 if row.level == "prefecture" else 6.5,
        )
        for code, row in rows.iterrows()
    ]


def scenario_of(
    value: Any,
    *,
    with_lines: Any = (),
    without_lines: Any = (),
    params: Any = None,
    period: str | None = None,
    service: str | None = None,
) -> Any:
    """A ``cymap.scenarios.Scenario`` from a scenario, a year or a preset name, plus toggles.

    A year with a preset (``2035``) gives that preset; ``"today"``, ``"2025"`` … are presets;
    other years build a plain scenario. ``with_lines``/``without_lines`` are added to it;
    ``params`` (a ``ModelParams``, or a dict of changed parameters as in the pages' state,
    e.g. ``{"transfer_min": 5, "station_entry_min": {"hsr": 5}}``) replaces the model's defaults;
    ``period`` and ``service``, when given, set the time of day and the service pattern.
    """
    if isinstance(params, dict):
        params = scenarios.DEFAULT_PARAMS.updated(**params)
    if isinstance(value, scenarios.Scenario):
        base = value if params is None else dataclasses.replace(value, params=params)
        if with_lines or without_lines:
            base = base.with_toggles(with_lines=with_lines, without_lines=without_lines)
    else:
        base = scenarios.for_year(
            str(value),
            with_lines=with_lines,
            without_lines=without_lines,
            params=params or scenarios.DEFAULT_PARAMS,
        )
    return base.at(period=period, service=service)


def state_scenario(state: dict[str, Any], *, base: bool = False) -> Any:
    """The scenario a page's state describes; the one reading of the state for every output.

    Keys: ``year`` (or, with ``base``, ``base_year`` and no toggles or modifications),
    ``with``, ``without``, ``period``, ``service``, ``measure``, ``params`` (changed model
    parameters) and ``plan`` (a scenario file's YAML: its modifications, and its baseline
    where the state names no year, period or service). The map, the coverage figures, the
    per-unit table, the plan-target checks and the exports of a view all use this scenario.
    """
    plan = modifications.plan_from_text(state["plan"]) if state.get("plan") else None
    baseline = plan.baseline if plan is not None else modifications.Baseline(year="2035")
    measure = state.get("measure") or "door_to_door"
    params = scenarios.apply_measure(
        scenarios.DEFAULT_PARAMS.updated(**(state.get("params") or {})), measure
    )
    settings_ = {
        "period": state.get("period") or baseline.period,
        "service": state.get("service") or baseline.service,
    }
    if base:
        return scenario_of(state.get("base_year") or "today", params=params, **settings_)
    scenario = scenario_of(
        state.get("year") or baseline.year,
        with_lines=state.get("with") or (),
        without_lines=state.get("without") or (),
        params=params,
        **settings_,
    )
    return scenario.modified(plan.modifications) if plan is not None else scenario


def model_note(scenario: Any, lang: str) -> str:
    """How a figure's minutes were computed: measure, period, service and changed parameters.

    Every travel-time figure carries it in its footer.
    """
    sep, colon = pick("；", "; ", lang), pick("：", ": ", lang)
    parts = [
        ("reach.measure", f"reach.measure.{scenario.measure}"),
        ("reach.period", f"reach.period.{scenario.period}"),
        ("reach.service", f"reach.service.{scenario.service}"),
    ]
    text = sep.join(tr(k, lang) + colon + tr(v, lang) for k, v in parts)
    implied = scenarios.apply_measure(scenarios.DEFAULT_PARAMS, scenario.measure).changes()
    changed = {k: v for k, v in scenario.params.changes().items() if implied.get(k) != v}
    if changed:
        text += sep + pick("模型参数（非默认）：", "model parameters (not default): ", lang)
        text += "; ".join(f"{k}={v}" for k, v in sorted(changed.items()))
    if scenario.modifications:
        items = sep.join(
            f"{i + 1}. {modification_text(m, lang)}" for i, m in enumerate(scenario.modifications)
        )
        text += sep + pick("情景修改：", "scenario modifications: ", lang) + items
    return text


def scenario_text(scenario: Any, lang: str) -> str:
    """Short description of a scenario: year (现状 for today) and switched lines."""
    text = scenario_label(getattr(scenario, "name", None) or str(scenario.year), lang)
    on, off = sorted(scenario.with_lines), sorted(scenario.without_lines)
    if on or off:
        names = _line_names()
        if on:
            text += pick("，增开", ", with ", lang) + "、".join(names.get(x, x) for x in on)
        if off:
            text += pick("，不含", ", without ", lang) + "、".join(names.get(x, x) for x in off)
    return text


def _line_names() -> dict[str, str]:

    table = network.list_lines()
    return dict(zip(table["line_id"], table["name_zh"], strict=True))


def document_titles(doc_ids: Any) -> list[str]:
    """Titles of planning documents by id: 《title》（number）, in first-seen order."""
    docs = {d.id: d for d in plans.load_catalogue().documents}
    out = []
    for doc_id in dict.fromkeys(doc_ids or []):
        doc = docs.get(str(doc_id))
        if doc is None:
            out.append(str(doc_id))
            continue
        number = f"（{doc.doc_number}）" if doc.doc_number else ""
        out.append(f"《{doc.title_zh}》{number}")
    return out


def _origin_text(origins: Any) -> str:
    """Official names of the origins (永川 → 永川区); groupings (中心城区) as written."""

    def official(name: Any) -> str:
        try:
            return names.resolve(str(name)).name_zh
        except CymapError:
            return str(name)

    items = [origins] if isinstance(origins, str) else list(origins)
    return "、".join(official(o) for o in items)


def fill_layer(
    gdf: Any, *, linewidth: float, alpha: float | None = None, tooltip: dict | None = None
) -> Layer:
    """Units filled by their ``color`` column, with thin white borders, under everything else."""
    style = {"color_column": "color", "edgecolor": "#ffffff", "linewidth": linewidth, "zorder": 1}
    if alpha is not None:
        style["alpha"] = alpha
    return Layer(gdf, style, tooltip=tooltip)
