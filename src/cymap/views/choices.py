"""Choices the pages offer: scenarios, origins, and the names a link may use for them."""

from __future__ import annotations

from .. import names, plans
from .._errors import CymapError

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


def default_origin(group: str) -> str:
    """The natural centre of a grouping for the reach overlay (成都市 for Chengdu's, else 中心城区)."""
    return "成都市" if group in ("cd_metro",) else "中心城区"
