import re

from cymap import sources
from cymap.tables.sources import page_table


def test_line_modes_and_statuses_read_in_the_page_language():
    lines = page_table(sources.lines_table(), "zh").set_index("线路编号")
    assert lines.at["chengyu_zhongxian_hsr", "方式"] == "高铁"
    assert lines.at["chengyu_zhongxian_hsr", "状态"] == "在建"
    english = page_table(sources.lines_table(), "en").set_index("Line id")
    assert english.at["chengyu_zhongxian_hsr", "Mode"] == "High-speed rail"
    assert english.at["chengyu_zhongxian_hsr", "Status"] == "under construction"
    assert "mode" in sources.lines_table().columns  # the table itself keeps its codes


def test_documents_and_model_read_in_chinese_on_chinese_pages():
    docs = page_table(sources.documents_table(), "zh").set_index("编号")
    assert docs.at["002", "字形"] == "繁体"
    assert re.search(r"[\u4e00-\u9fff]", docs.at["002", "说明"])
    model = page_table(sources.model_table(), "zh").set_index("参数")
    assert model.at["wait_share", "含义"].startswith("候车时间占发车间隔的比例")
    assert page_table(sources.model_table(), "en")["Meaning"].str.contains("headway").any()


def test_every_model_parameter_has_a_chinese_meaning():
    model = page_table(sources.model_table(), "zh")
    english = sources.model_table()["meaning"]
    assert not (model["含义"] == english).any()  # none left in English on a Chinese page
