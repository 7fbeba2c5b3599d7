"""Tables of the development corridors: members in order, carriers, documents, evidence."""

from __future__ import annotations

import pandas as pd

from .. import network, plans
from ..notes import note_text
from ..views.texts import plan_names
from .headers import page_headers


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
