from cymap import plans
from cymap.tables import corridors


def test_corridor_table_keeps_member_order_and_names_carriers():
    table = corridors.corridor_table(["yangtze_axis"], lang="en")
    assert table.iloc[0]["Places (in order)"] == "宜宾市 → 泸州市 → 永川区 → 江津区"
    assert "渝昆高铁" in table.iloc[0]["Carrier lines"]
    assert table.iloc[0, 0] == "沿长江发展轴 (Yangtze riverside development axis)"


def test_corridor_kinds_read_in_the_page_language():
    english = corridors.corridor_table(["yangtze_axis"], lang="en")
    assert english.iloc[0]["Kind"] == "axis"
    chinese = corridors.corridor_table(["yangtze_axis"], lang="zh")
    assert list(chinese.columns[:3]) == ["轴带", "类型", "经过城市（顺序）"]
    assert chinese.iloc[0]["类型"] == "发展轴"


def test_corridor_evidence_quotes_the_corridor_and_each_cited_member():
    corridor = plans.get_corridor("yangtze_axis")
    table = corridors.corridor_evidence("yangtze_axis", lang=None)
    cited = [m for m in corridor.members if m.evidence is not None]
    assert len(table) == len(corridor.evidence) + len(cited)
    assert list(table["item"])[: len(corridor.evidence)] == [corridor.name_zh] * len(
        corridor.evidence
    )
    assert table["quote"].str.len().min() > 0 and table["document"].notna().all()
    zh = corridors.corridor_evidence("yangtze_axis", "zh")
    assert list(zh.columns) == ["对象", "文件", "行", "原文"]
