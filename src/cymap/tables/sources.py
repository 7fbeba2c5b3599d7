"""The 资料来源 page's tables in the page's language: documents, datasets, lines, the model.

The tables themselves come from :mod:`cymap.sources`, with their column codes (the command
line and tests use those).
"""

from __future__ import annotations

import pandas as pd

from ..i18n import mode_label, status_label
from ..notes import note_text
from .headers import page_headers

#: Chinese headers of the source tables on the 资料来源 page (English ones are
#: :data:`cymap.tables.headers.EN_HEADERS`).
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
