"""User-interface strings in Chinese (default) and English.

Place names are never translated: every label of a unit shows its official Chinese name.

Examples
--------
>>> from cymap.i18n import tr
>>> tr("reach.title", "en")
'Commute reach'
"""

from __future__ import annotations

LANGS = ("zh", "en")

STRINGS: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "app.title": ("成渝地区双城经济圈 规划地图", "Chengdu–Chongqing Economic Circle planning map"),
    "app.intro": (
        "把五份规划文件变成可以查看、检验和导出的地图：哪些区县属于哪个都市圈或功能区、发展轴带经过哪里、"
        "规划铁路和高速建成后谁能在一小时内到达中心。",
        "Five planning documents as maps you can explore, test and export: which districts belong "
        "to which metropolitan area, where the development corridors run, and who reaches the "
        "centre within one hour once the planned railways and expressways are built.",
    ),
    "app.guide": ("页面导航", "Pages"),
    "app.at_a_glance": ("一览", "At a glance"),
    "membership.stated": ("明确列出", "Stated"),
    "membership.inferred": ("推断", "Inferred"),
    "membership.inferred_hatch": (
        "推断成员（文件未逐一列明）",
        "Inferred member (not listed one by one)",
    ),
    "metro.other_member": ("其他成员", "Other member"),
    "legend.boundary": ("范围边界", "Boundary"),
    "col.name_zh": ("名称", "Name"),
    "col.tier": ("层级", "Tier"),
    "col.membership": ("依据", "Basis"),
    "col.quote": ("原文", "Quote"),
    "col.side": ("归属", "Side"),
    "col.line": ("线路", "Line"),
    "reach.road": ("公路", "road"),
    "level.province": ("省级", "province"),
    "level.prefecture": ("地级", "prefecture"),
    "level.county": ("县级", "county"),
    "reach.unreachable": ("不可达", "not reachable"),
    "reach.is_origin": ("（出发地）", "(origin)"),
    "lines.year_open": ("年份未定", "year open"),
    "metro.members_count": ("成员", "Members"),
    "sources.documents": ("规划文件", "Planning documents"),
    "sources.datasets": ("数据集与许可", "Datasets and licences"),
    "sources.lines": ("铁路与高速公路线路", "Rail lines and expressways"),
    "sources.model": ("出行时间模型的假设", "Travel-time model assumptions"),
    "url.unusable": ("链接中有无法使用的参数：", "Part of this link could not be used:"),
    "stated.head": ("文件所述", "Stated in the document"),
    "col.note": ("说明", "Note"),
    "corr.member_units": ("轴带经过的单元", "Member units"),
    "corr.corridor": ("轴带", "Corridor"),
    "corr.other_carriers": ("其他依托", "Other carriers"),
    "col.open_year": ("开通年份", "Opening year"),
    "col.in_scenario": ("情景中", "In scenario"),
    "col.minutes": ("分钟", "Minutes"),
    "col.minutes_saved": ("节省分钟", "Minutes saved"),
    "reach.line_open": ("开通", "open"),
    "reach.line_closed": ("未开通（虚线）", "not open (dashed)"),
    "mode.hsr": ("高铁", "High-speed rail"),
    "mode.intercity": ("城际", "Intercity rail"),
    "mode.suburban": ("市域(郊)铁路", "Suburban rail"),
    "mode.conventional": ("普速铁路", "Conventional rail"),
    "mode.metro_link": ("轨道交通", "Metro link"),
    "mode.expressway": ("高速公路", "Expressway"),
    "status.existing": ("既有", "existing"),
    "status.under_construction": ("在建", "under construction"),
    "status.planned": ("规划", "planned"),
    "status.study": ("研究", "study"),
    "app.at_a_glance_note": (
        "计算值：天地图2024边界（等积投影）与第七次人口普查（2020）；文件所述为规划原文数字。"
        "各分区的成员、依据与原文见“都市圈边界”页。",
        "Computed: 天地图 2024 boundaries (equal-area) and the 2020 census; stated: the "
        "plans' own figures. Members, basis and quotes of each grouping are on the Metro "
        "boundaries page.",
    ),
    "lang": ("语言 / Language", "语言 / Language"),
    "nav.home": ("总览", "Overview"),
    "nav.metro": ("都市圈边界", "Metro boundaries"),
    "nav.corridors": ("发展轴带", "Corridors"),
    "nav.reach": ("通勤圈", "Commute reach"),
    "nav.sources": ("资料来源", "Sources"),
    "guide.metro": (
        "选择任一规划分区，查看成员、边界、面积和人口及原文依据；比较两个分区；叠加60分钟通勤圈。",
        "Pick any grouping: members, boundary, area, population and the plan's own words; compare "
        "two groupings; overlay the 60-minute reach.",
    ),
    "guide.corridors": (
        "规划中的发展主轴、发展轴和发展带，经过的城市与依托线路。",
        "The plans' axes and belts, the cities they link and the lines that carry them.",
    ),
    "guide.reach": (
        "切换规划铁路和高速，查看从中心城区出发的通勤圈如何变化，并检验规划目标。",
        "Toggle planned railways and expressways, watch the reach from the centre change, and "
        "check the plans' targets.",
    ),
    "guide.sources": (
        "规划文件、数据集、许可和出行时间模型的全部假设。",
        "Documents, datasets, licences and every assumption of the travel-time model.",
    ),
    "legend.scope": ("双城经济圈范围", "Economic circle scope"),
    "legend.scope_partial": ("部分纳入", "Partly included"),
    "legend.cq_metro": ("重庆都市圈", "Chongqing metropolitan area"),
    "legend.cd_metro": ("成都都市圈", "Chengdu metropolitan area"),
    "legend.north_wing": ("北翼（虚线）", "North wing (dashed)"),
    "legend.south_wing": ("南翼（虚线）", "South wing (dashed)"),
    "legend.rivers": ("主要河流", "Major rivers"),
    "legend.province": ("省级界线", "Provincial boundary"),
    "metro.title": ("都市圈边界", "Metropolitan-area boundaries"),
    "metro.group": ("规划分区", "Grouping"),
    "metro.color_by": ("着色依据", "Colour by"),
    "metro.color.tier": ("层级", "Tier"),
    "metro.color.membership": ("明确/推断", "Stated / inferred"),
    "metro.compare": ("与另一分区比较", "Compare with another grouping"),
    "metro.group_b": ("比较对象", "Compare with"),
    "metro.overlay": ("叠加60分钟通勤圈", "Overlay the 60-minute reach"),
    "metro.members": ("成员及原文依据", "Members and evidence"),
    "metro.area": ("面积（km²，计算）", "Area (km², computed)"),
    "metro.population": ("2020年人口（计算）", "2020 population (computed)"),
    "metro.stated": ("文件所述", "Stated in the document"),
    "metro.outside": ("成员中60分钟外", "Members outside 60 min"),
    "metro.inside": ("非成员中60分钟内", "Non-members within 60 min"),
    "metro.not_enumerated": (
        "该分区在文件中未列出成员，不作推测。",
        "The documents name this grouping but never list its members; nothing is guessed.",
    ),
    "side.both": ("两者共有", "In both"),
    "side.only_a": ("仅在A", "Only in A"),
    "side.only_b": ("仅在B", "Only in B"),
    "corr.title": ("发展轴带", "Development corridors"),
    "corr.pick": ("轴带", "Corridor"),
    "corr.all": ("全部", "All"),
    "corr.carriers": ("依托线路", "Carrier lines"),
    "corr.members": ("经过城市", "Member places"),
    "reach.title": ("通勤圈", "Commute reach"),
    "reach.origin": ("出发地", "Origin"),
    "reach.minutes": ("时间上限（分钟）", "Time limit (minutes)"),
    "reach.year": ("情景年份", "Scenario year"),
    "reach.baseline": ("对比基准年份", "Baseline year"),
    "reach.compare_mode": ("对比方式", "Comparison"),
    "reach.compare.none": ("不对比", "None"),
    "reach.compare.sets": ("三色（基准/情景/两者）", "Three colours (baseline / scenario / both)"),
    "reach.compare.saved": ("节省分钟", "Minutes saved"),
    "reach.lines": ("线路开关", "Lines"),
    "reach.lines_help": (
        "点开一类，列出情景年份已开通的线路；加入一条即开通，移除即关闭。各线路来源见“资料来源”页。",
        "Open a mode to list the lines open in the scenario year; add a line to open it, remove "
        "one to close it. Every line's source is on the Sources page.",
    ),
    "reach.measure": ("计时口径", "Time counted"),
    "reach.measure.door_to_door": (
        "门到门（含接驳、候车）",
        "Door to door (access and waiting included)",
    ),
    "reach.measure.station_to_station": (
        "站到站（不含接驳、候车）",
        "Station to station (no access or waiting)",
    ),
    "reach.measure.in_vehicle": ("车内时间（列车运行）", "In-vehicle (train running time)"),
    "reach.period": ("时段", "Time of day"),
    "reach.period.peak": ("早晚高峰", "Peak"),
    "reach.period.offpeak": ("平峰", "Off-peak"),
    "reach.service": ("列车服务", "Train service"),
    "reach.service.today": ("现状班次", "Today's service"),
    "reach.service.plan": ("规划公交化班次", "Plans' commuter service (公交化)"),
    "reach.legend.door_to_door": ("门到门时间", "Door-to-door time"),
    "reach.legend.station_to_station": ("站到站时间", "Station-to-station time"),
    "reach.show_table": ("显示各区县时间表", "Show minutes per unit"),
    "edit.title": ("情景编辑（假如……）", "Scenario editor (what if …)"),
    "edit.kind": ("修改类型", "Kind of change"),
    "edit.kind.headway": ("调整线路发车间隔", "A line's headway"),
    "edit.kind.speed": ("调整线路速度", "A line's speed"),
    "edit.kind.open_year": ("调整开通年份", "A line's opening year"),
    "edit.kind.remove_stops": ("取消停站", "Remove stops"),
    "edit.kind.new_line": ("新增线路", "A new line"),
    "edit.kind.road_link": ("新增道路连接", "A new road link"),
    "edit.line": ("线路", "Line"),
    "edit.peak": ("高峰发车间隔（分钟）", "Peak headway (min)"),
    "edit.offpeak": ("平峰发车间隔（分钟）", "Off-peak headway (min)"),
    "edit.speed": ("速度（km/h）", "Speed (km/h)"),
    "edit.year": ("开通年份", "Opening year"),
    "edit.stations": ("不停靠的车站", "Stations passed without stopping"),
    "edit.name": ("线路名称", "Line name"),
    "edit.mode": ("方式", "Mode"),
    "edit.stops": ("停靠区县（按顺序）", "Stops: units in order"),
    "edit.from": ("起点区县", "From unit"),
    "edit.to": ("终点区县", "To unit"),
    "edit.add": ("加入情景", "Add to the scenario"),
    "edit.download": ("下载情景文件（YAML）", "Download the scenario (YAML)"),
    "edit.upload": ("上传情景文件", "Upload a scenario file"),
    "reach.impact": (
        "显示各线路的作用（逐条开关，按网格计算，首次约需数秒）",
        "Show what each line does (switched one at a time, on cells; a few seconds the first time)",
    ),
    "reach.units_within": ("驻地在范围内的区县", "Units with their seat within"),
    "reach.area_within": ("范围内面积（km²）", "Area within (km²)"),
    "reach.pop_within": ("范围内2020年人口", "2020 population within"),
    "reach.targets": ("规划目标检验", "Plan-target checks"),
    "reach.params": ("模型参数", "Model parameters"),
    "reach.lines_changed": ("已调整", "changed"),
    "reach.table": ("各区县时间", "Minutes per unit"),
    "sources.title": ("资料来源", "Sources"),
    "export.png": ("导出 PNG", "Export PNG"),
    "export.pdf": ("导出 PDF", "Export PDF"),
    "export.svg": ("导出 SVG", "Export SVG"),
    "export.csv": ("数据 CSV", "Data CSV"),
    "export.geojson": ("数据 GeoJSON", "Data GeoJSON"),
    "export.header": ("导出地图与数据", "Export map and data"),
    "export.snapshot": ("实时地图 PNG", "Live map PNG"),
    "export.snapshot_help": (
        "用无头 Chromium 截取当前交互地图（所见即所得）；报告用图请用左侧 PNG/PDF/SVG。",
        "The interactive map exactly as shown, photographed by headless Chromium; for report "
        "figures use PNG/PDF/SVG.",
    ),
    "export.snapshot_missing": (
        "需要 Chromium：请运行 apt-get install chromium；PNG/PDF/SVG 导出无需浏览器。",
        "Needs Chromium: run apt-get install chromium; the PNG/PDF/SVG exports need no browser.",
    ),
    "map.attribution": (
        "底图：本项目数据绘制，无在线瓦片",
        "Basemap drawn from project data, no web tiles",
    ),
    "map.tiles": ("在线底图（需联网）", "Online tiles (needs internet)"),
}


#: English glosses of the plans' member tiers (the tiers themselves are plan terms).
TIERS_EN = {
    "中心城区": "central districts",
    "率先同城化": "first to integrate",
    "同城化": "integrating",
    "战略支点": "strategic pivot",
    "桥头堡": "bridgehead",
    "北部副中心": "northern sub-centre",
    "新型卫星城": "new satellite town",
    "区域中心城市": "regional centre",
    "节点": "node",
}


def tier_label(tier: str, lang: str = "zh") -> str:
    """A member tier as shown: the plan's term, with an English gloss on English pages."""
    if lang != "en" or tier not in TIERS_EN:
        return tier
    return f"{tier} ({TIERS_EN[tier]})"


def mode_label(mode: str, lang: str = "zh") -> str:
    """A network mode's name (高铁, 城际 …; High-speed rail … in English)."""
    return tr(f"mode.{mode}", lang)


def status_label(status: str, lang: str = "zh") -> str:
    """A line's status as read: 既有, 在建, 规划, 研究 (existing, under construction … in English)."""
    return tr(f"status.{status}", lang)


def pick(zh: str, en: str, lang: str) -> str:
    """The Chinese or English form of a text built from values (numbers, names) in code.

    Fixed wording belongs in :data:`STRINGS` (``tr``); ``pick`` is for texts that carry
    values, e.g. ``pick(f"{n} 个单元", f"{n} units", lang)``.
    """
    return en if lang == "en" else zh


#: Unknown keys raise instead of showing the key (the test suite sets this).
STRICT = False


def tr(key: str, lang: str = "zh") -> str:
    """The UI string ``key`` in ``lang`` ('zh' or 'en').

    An unknown key shows as itself on a page (nothing is lost) and raises ``KeyError`` when
    :data:`STRICT` is set, as under the tests.
    """
    pair = STRINGS.get(key)
    if pair is None:
        if STRICT:
            msg = f"no UI string {key!r} in cymap.i18n.STRINGS: add its Chinese and English text"
            raise KeyError(msg)
        return key
    return pair[1] if lang == "en" else pair[0]
