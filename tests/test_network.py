from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
import yaml
from opencc import OpenCC

from cymap import network, scenarios, settings
from cymap._errors import DataValidationError, ScenarioError, UnknownNameError

CANONICAL_RAIL = [
    "chengyu_hsr",
    "chengyu_zhongxian_hsr",
    "yukun_hsr",
    "yuxi_hsr",
    "chengdawan_hsr",
    "yuwan_hsr",
    "yuwan_railway",
    "yanjiang_hsr",
    "yuqian_hsr",
    "yuxiang_hsr",
    "yugui_hsr",
    "yugui_railway",
    "chengziyi_hsr",
    "chenggui_hsr",
    "suiyu_railway",
    "suicheng_railway",
    "lanyu_railway",
    "chengyu_railway",
    "yuhuai_railway",
    "xiangyu_railway",
    "miansuinei_intercity",
    "yuyonglu_intercity",
    "cq_yongchuan_suburban",
    "cq_nanchuan_suburban",
    "cq_dazu_suburban",
    "cq_qijiang_suburban",
    "jiangtiao_line",
    "bitong_line",
    "cq_hechuan_suburban",
]
CANONICAL_ROAD = [
    "chengyu_exp",
    "chengyu_expansion_exp",
    "yusui_exp",
    "yusui_second_exp",
    "cq_ring3_exp",
    "jianglu_north_exp",
    "yonglu_exp",
    "danei_exp",
    "yuhexu_exp",
    "chengzilu_exp",
    "yulu_exp",
    "yulin_exp",
]

#: Every row of ../shared/reference/rail_lines.csv and the line that carries it.
CSV_LINES = {
    "成渝高铁(成渝客专)": "chengyu_hsr",
    "遂成铁路(达成线成遂段)": "suicheng_railway",
    "遂渝铁路": "suiyu_railway",
    "渝万铁路(渝万城际)": "yuwan_railway",
    "郑渝高铁 襄阳东—万州北段": "zhengwan_hsr",
    "渝利铁路(沪汉蓉)": "yuli_railway",
    "渝贵铁路": "yugui_railway",
    "兰渝铁路 广元—重庆段": "lanyu_railway",
    "成绵乐城际(成都—江油/峨眉山)": "chengmianle_intercity",
    "西成高铁 江油—西安北": "xicheng_hsr",
    "成贵高铁 乐山—宜宾西": "chenggui_hsr",
    "成贵高铁 宜宾西—贵阳东": "chenggui_hsr",
    "成雅铁路": "chengya_railway",
    "绵泸高铁 内自泸段(川南城际)": "neizilu_intercity",
    "成宜高铁(成自宜)": "chengziyi_hsr",
    "渝昆高铁 重庆西—宜宾东段": "yukun_hsr",
    "渝厦高铁 重庆东—黔江段(渝湘高铁重黔段)": "yuqian_hsr",
    "巴南高铁(汉巴南 南充—巴中段)": "banan_intercity",
    "江跳线(重庆市郊铁路)": "jiangtiao_line",
    "成都轨道交通资阳线(S3)": "cd_ziyang_suburban",
    "成渝中线高铁": "chengyu_zhongxian_hsr",
    "成达万高铁": "chengdawan_hsr",
    "渝万高铁(新建350)": "yuwan_hsr",
    "西渝高铁 安康—重庆段": "yuxi_hsr",
    "沿江高铁 宜昌—涪陵段(渝宜)": "yanjiang_hsr",
    "渝昆高铁 宜宾—昆明南段": "yukun_hsr",
    "绵遂内城际(绵泸高铁北段)": "miansuinei_intercity",
    "重庆—自贡—雅安城际": "yuziya_intercity",
    "成都外环城际": None,  # unplaceable: R26 (no route)
    "黔江—吉首高铁": None,  # outside the region beyond 黔江; no in-region section
}


@pytest.fixture(scope="module")
def lines() -> pd.DataFrame:
    return network.list_lines()


def test_every_canonical_line_id_exists(lines):
    ids = set(lines["line_id"])
    for line_id in CANONICAL_RAIL + CANONICAL_ROAD:
        assert network.resolve_line_id(line_id) in ids, line_id


def test_yuxiang_is_an_alias_of_yuqian():
    assert network.resolve_line_id("yuxiang_hsr") == "yuqian_hsr"
    assert network.resolve_line_id("成渝中线高铁") == "chengyu_zhongxian_hsr"


def test_unknown_line_id_names_it_and_suggests_near_matches():
    with pytest.raises(
        ScenarioError,
        match=r"unknown line id 'chengyu_zhongxain_hsr'.*"
        r"Did you mean: chengyu_zhongxian_hsr",
    ):
        network.resolve_line_id("chengyu_zhongxain_hsr")


def test_every_reference_rail_line_is_carried(shared_dir, lines):
    ref = pd.read_csv(shared_dir / "reference" / "rail_lines.csv")
    assert set(ref["line_name"]) == set(CSV_LINES)
    table = lines.set_index("line_id")
    for _, row in ref.iterrows():
        line_id = CSV_LINES[row["line_name"]]
        if line_id is None:
            continue
        assert line_id in table.index
        if row["status"] == "existing":
            assert table.loc[line_id, "status"] == "existing", line_id
            if str(row["open_date"])[:4].isdigit() and row["line_name"] != "成贵高铁 宜宾西—贵阳东":
                assert table.loc[line_id, "open_year"] == int(str(row["open_date"])[:4]), line_id


def test_lines_table_columns_and_year_filter(lines):
    assert list(lines.columns) == network.LINE_COLUMNS
    assert set(lines["kind"]) == {"rail", "road"}
    assert set(lines["status"]) <= {"existing", "under_construction", "planned", "study"}
    by_2020 = network.list_lines(year=2020)
    assert "chengyu_hsr" in set(by_2020["line_id"])
    assert "yukun_hsr" not in set(by_2020["line_id"])  # opened 2024
    assert (by_2020["open_year"] <= 2020).all()
    study = lines[lines["status"] == "study"]
    assert study["open_year"].isna().all()
    assert not set(study["line_id"]) & set(network.list_lines(year=2100)["line_id"])


def test_every_line_names_its_source(lines):
    assert lines["source"].str.len().gt(10).all()
    net = network.load_network()
    for line in (*net.rail, *net.road):
        kinds = {s.kind for s in line.sources}
        if line.status in ("planned", "study"):
            assert "plan" in kinds, f"{line.id}: a planned item needs its plan quote"
        if line.status == "existing" and line.open_year_source == "actual":
            assert kinds & {"news", "timetable", "assumption"}, line.id


def _seed_lines(shared_dir: Path) -> dict[str, list[str]]:
    out = {}
    for path in (shared_dir / "seeds").glob("*.txt"):
        out[path.name[:3]] = path.read_text(encoding="utf-8").splitlines()
    return out


def test_plan_quotes_are_verbatim_at_the_cited_line(shared_dir):
    seeds = _seed_lines(shared_dir)
    t2s = OpenCC("t2s")
    net = network.load_network()
    cited = [
        (x.id, s.seed, s.line, s.quote)
        for x in (*net.rail, *net.road)
        for s in x.sources
        if s.kind == "plan"
    ]
    cited += [(i.ref, i.seed, i.line, i.quote) for i in net.unplaceable.items]
    assert len(cited) > 60
    for item, seed, line, quote in cited:
        text = seeds[seed][line - 1]
        assert quote in text or t2s.convert(quote) in t2s.convert(text), (item, seed, line, quote)


def test_stops_are_county_units_and_geometries_follow_them(units_gdf):
    net = network.load_network()
    counties = set(units_gdf.index[units_gdf["level"] == "county"])
    for line_id, stops in net.stops.items():
        assert {s.adcode for s in stops} <= counties, line_id
    gdf = network.line_geometries(scenario=scenarios.preset("2020"))
    assert gdf.crs == settings.crs
    assert len(gdf) == len(network.list_lines())
    row = gdf.set_index("line_id").loc["chengyu_hsr"]
    assert bool(row["active"]) and len(row.geometry.coords) == len(net.stops["chengyu_hsr"])
    assert not bool(gdf.set_index("line_id").loc["yukun_hsr", "active"])


def test_inferred_road_graph_links_every_unit(units_gdf):
    pairs = network.adjacent_units()
    graph = nx.Graph(pairs)
    counties = set(units_gdf.index[units_gdf["level"] == "county"])
    assert set(graph.nodes) == counties
    assert nx.is_connected(graph)
    assert ("500103", "500106") in pairs or ("500106", "500103") in pairs  # 渝中—沙坪坝


def test_prefecture_means_the_county_of_its_seat():
    (chengdu,) = network.place_adcodes("成都")
    assert chengdu.startswith("5101") and chengdu != "510100"
    assert network.place_adcodes("500118") == ["500118"]
    assert network.place_adcodes("两江新区") == ["500105", "500109", "500112"]
    with pytest.raises(UnknownNameError, match="永州"):
        network.place_adcodes("永州")


def test_unplaceable_items_give_a_reason():
    table = network.list_unplaceable()
    assert {"R25", "R26", "M01"} <= set(table["ref"])
    assert table["reason"].str.len().gt(5).all()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    for name in ("units.geojson", "seats.csv", "population_2020.csv", "context.geojson"):
        src = settings.data_dir / name
        if src.exists():
            shutil.copy(src, tmp_path / name)
    shutil.copytree(settings.data_dir / "network", tmp_path / "network")
    return tmp_path


def _edit_rail(folder: Path, change) -> None:
    path = folder / "network" / "rail_lines.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["lines"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_bad_year_is_reported_with_file_line_and_field(data_copy):
    _edit_rail(data_copy, lambda lines: lines[2].update(open_year="soon"))
    with pytest.raises(
        DataValidationError,
        match=r"rail_lines.yaml: lines\[2\]\.open_year "
        r"\(dacheng_railway\): Input should be a valid integer",
    ):
        network.load_network(data_dir=data_copy)


def test_unknown_stop_and_extra_key_are_reported(data_copy):
    def change(lines):
        lines[0]["stops"][1] = "简阳南 @ 简阴市"
        lines[1]["colour"] = "red"

    _edit_rail(data_copy, change)
    with pytest.raises(
        DataValidationError,
        match=r"lines\[1\]\.colour \(suicheng_railway\): "
        "Extra inputs are not permitted",
    ):
        network.load_network(data_dir=data_copy)
    _edit_rail(data_copy, lambda lines: lines[1].pop("colour"))
    with pytest.raises(
        DataValidationError,
        match=r"chengyu_hsr: stops\[1\] 简阳南 @ 简阴市: "
        "unknown place name",
    ):
        network.load_network(data_dir=data_copy)


def test_study_item_with_a_year_is_rejected(data_copy):
    def change(lines):
        for line in lines:
            if line["id"] == "yugui_hsr":
                line["open_year"] = 2030

    _edit_rail(data_copy, change)
    with pytest.raises(DataValidationError, match="yugui_hsr.*study item has no open_year"):
        network.load_network(data_dir=data_copy)


def test_data_digest_changes_with_the_data(data_copy):
    before = network.data_digest(data_dir=data_copy)
    _edit_rail(data_copy, lambda lines: lines[0].update(design_speed_kph=300))
    assert network.data_digest(data_dir=data_copy) != before


def test_a_headway_of_zero_is_refused_naming_the_file_line_and_field(data_copy):
    def change(lines):
        line = next(x for x in lines if x["id"] == "chengyu_hsr")
        line["service"][0]["peak"] = 0

    _edit_rail(data_copy, change)
    with pytest.raises(
        DataValidationError,
        match=r"rail_lines.yaml: .*service\[0\]\.peak \(chengyu_hsr\): Input should be greater",
    ):
        network.load_network(data_dir=data_copy)


def test_a_station_outside_its_unit_is_caught_naming_the_file_and_row(data_copy):
    path = data_copy / "network" / "stations.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    i = next(k for k, r in enumerate(rows) if r.startswith("永川东,"))
    cells = rows[i].split(",")
    cells[3], cells[4] = "104.13892", "30.63130"  # 成都东's point
    rows[i] = ",".join(cells)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(
        DataValidationError, match=rf"stations.csv row {i + 1}: 永川东 .* lies in 成华区"
    ):
        network.load_network(data_dir=data_copy)


def test_every_stop_has_a_station_row_with_a_source_when_it_has_a_point():
    net = network.load_network()
    stops = [s for line in net.rail for s in net.stops[line.id]]
    placed = [s for s in stops if s.placement != "seat"]
    assert len(placed) > 0.8 * len(stops)
    assert all(s.source for s in placed)


def test_stops_of_a_line_whose_stations_no_source_gives_are_labelled_inferred():
    net = network.load_network()
    yongchuan = net.stops["cq_yongchuan_suburban"]
    assert {s.placement for s in yongchuan} == {"stand_in"}  # 重庆西 and 璧山 are others' stations
    chengyu = net.stops["chengyu_hsr"]
    assert all(s.placement == "surveyed" for s in chengyu)
    lines = network.line_geometries().set_index("line_id")
    assert lines.at["cq_yongchuan_suburban", "stations_inferred"] == len(yongchuan)
    assert lines.at["chengyu_hsr", "stations_inferred"] == 0
