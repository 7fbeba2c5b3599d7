"""Tests of the plans catalogue (cymap.plans) and its command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from shapely.geometry import Point

from cymap import names, plans, settings, units
from cymap._errors import DataValidationError, UnknownNameError

DATA = Path(__file__).parent / "data"


def _all_evidence():
    cat = plans.load_catalogue()
    for d in cat.documents:
        for ev in d.evidence:
            yield f"document {d.id}", ev
    for g in cat.groupings:
        for ev in g.evidence:
            yield f"grouping {g.id}", ev
        for m in g.members:
            yield f"grouping {g.id} member {m.name}", m.evidence
    for c in cat.corridors:
        for ev in c.evidence:
            yield f"corridor {c.id}", ev
        for m in c.members:
            if m.evidence:
                yield f"corridor {c.id} member {m.name}", m.evidence
    for t in cat.targets:
        for ev in t.evidence:
            yield f"target {t.id}", ev


def test_every_quote_is_verbatim_at_its_line(shared_dir):
    from opencc import OpenCC

    t2s = OpenCC("t2s")
    cat = plans.load_catalogue()
    lines = {
        d.id: (shared_dir / "seeds" / d.file).read_text(encoding="utf-8").splitlines()
        for d in cat.documents
    }
    problems = []
    n = 0
    for where, ev in _all_evidence():
        n += 1
        text = lines[ev.document]
        window = text[max(0, ev.line - 3) : ev.line + 2]
        if not any(ev.quote in line for line in window):
            problems.append(f"{where}: {ev.quote!r} not at {ev.document}:{ev.line} (±2)")
        if cat.document(ev.document).script == "traditional":
            simplified = [t2s.convert(line) for line in window]
            if not ev.quote_simplified or not any(ev.quote_simplified in s for s in simplified):
                problems.append(f"{where}: quote_simplified {ev.quote_simplified!r} does not match")
            if ev.quote_simplified == ev.quote and t2s.convert(ev.quote) != ev.quote:
                problems.append(f"{where}: quote of 002 is not in the original script")
    assert n > 200
    assert not problems, "\n".join(problems)


def test_documents_scripts_and_scope():
    cat = plans.load_catalogue()
    assert [d.id for d in cat.documents] == ["000", "001", "002", "003", "004"]
    assert cat.document("002").script == "traditional"
    assert cat.document("004").doc_number == "川府发〔2023〕9号"
    assert cat.document("003").covers_grouping == "cy_circle"
    assert cat.document("002").covers_grouping == "cq_metro"


def test_key_memberships_are_pinned():
    metro = plans.group_adcodes("重庆都市圈")
    assert len(metro) == 22
    assert "511600" in metro  # 广安市
    assert "500110" in metro  # 綦江区 (with 万盛经开区)
    assert len(plans.group_adcodes("川南渝西")) == 10
    core = plans.group_adcodes("中心城区")
    assert sorted(core) == sorted(
        names.resolve_many(
            [
                "渝中区",
                "大渡口区",
                "江北区",
                "沙坪坝区",
                "九龙坡区",
                "南岸区",
                "北碚区",
                "渝北区",
                "巴南区",
            ]
        )
    )
    yangtze = [m.name for m in plans.get_corridor("沿长江发展轴").members]
    assert yangtze == ["宜宾市", "泸州市", "永川区", "江津区"]


def test_cq_metro_tiers_and_wansheng_note():
    gdf = plans.members("cq_metro")
    assert gdf["tier"].value_counts().to_dict() == {
        "中心城区": 9,
        "率先同城化": 4,
        "战略支点": 4,
        "桥头堡": 4,
        "北部副中心": 1,
    }
    assert "万盛" in gdf.loc["500110", "note"]
    assert gdf.loc["511600", "level"] == "prefecture"
    assert set(gdf["membership"]) == {"stated"}
    for tier_group, tier in [
        ("cq_first_ring", "率先同城化"),
        ("cq_pivots", "战略支点"),
        ("cq_bridgeheads", "桥头堡"),
        ("cq_north_subcentre", "北部副中心"),
    ]:
        assert set(plans.group_adcodes(tier_group)) == set(gdf.index[gdf["tier"] == tier])


def test_satellite_towns_are_guangan_counties(units_gdf):
    codes = plans.group_adcodes("新型卫星城")
    assert len(codes) == 4
    assert set(units_gdf.loc[codes, "parent_adcode"]) == {"511600"}


def test_plan_scope_flags_partial_units_and_removes_excluded_counties(units_gdf):
    gdf = plans.members("cy_circle")
    partial = set(gdf.index[gdf["partial"]])
    assert partial == set(names.resolve_many(["开州区", "云阳县", "绵阳市", "达州市", "雅安市"]))
    mianyang = names.resolve_adcode("绵阳市")
    excluded = names.resolve_many(["平武县", "北川羌族自治县"])
    expected = units_gdf.at[mianyang, "area_km2"] - units_gdf.loc[excluded, "area_km2"].sum()
    assert gdf.at[mianyang, "area_km2"] == pytest.approx(expected)
    assert gdf.loc[names.resolve_many(["渝中区"]), "membership"].item() == "inferred"
    assert (gdf["level"] == "prefecture").sum() == 15


def test_inferred_groupings_say_why():
    main_metro = plans.members("主城都市区")
    new_main = plans.members("主城新区")
    assert len(main_metro) == 21 and len(new_main) == 12
    assert set(main_metro["membership"]) == {"inferred"} == set(new_main["membership"])
    assert main_metro["note"].str.contains("No document lists").all()
    assert set(new_main.index) == set(main_metro.index) - set(plans.group_adcodes("cq_core"))
    table = plans.list_groupings().set_index("id")
    assert table.loc["cq_main_metro", "inferred"] and not table.loc["cq_metro", "inferred"]


def test_unenumerated_groupings_have_no_guessed_members():
    table = plans.list_groupings().set_index("id")
    for gid in ("mingyueshan_belt", "yuxi"):
        assert not table.loc[gid, "enumerated"]
        assert table.loc[gid, "n_members"] == 0
        assert plans.members(gid).empty


def test_every_member_adcode_exists(units_gdf):
    for gid in plans.list_groupings()["id"]:
        for code in plans.group_adcodes(gid):
            assert code in units_gdf.index, (gid, code)
    for cid in plans.list_corridors()["id"]:
        pts = plans.corridor_geometry(cid)
        members = pts[pts["feature"] == "member"]
        assert len(members) == len(plans.get_corridor(cid).members)


def test_carrier_ids_are_known_lines():
    from cymap import network

    known = frozenset(network.list_lines()["line_id"])
    for c in plans.load_catalogue().corridors:
        unknown = set(c.carriers) - known
        assert not unknown, f"{c.id}: {unknown}"


def test_lookup_by_alias_traditional_and_id():
    assert plans.get_grouping("中心城区").id == "cq_core"
    assert plans.get_grouping("川南渝西").id == "cnyx"
    assert plans.get_grouping("重慶都市圈").id == "cq_metro"
    assert plans.get_grouping("cd_metro").name_zh == "成都都市圈"
    assert plans.get_grouping("泸永江").id == "lu_yong_jiang"
    assert plans.get_corridor("沿江发展轴").id == "yangtze_axis"


def test_unknown_grouping_suggests_near_matches():
    with pytest.raises(UnknownNameError, match="Did you mean: 重庆都市圈") as info:
        plans.get_grouping("重庆都市")
    assert "重庆都市圈" in info.value.suggestions
    with pytest.raises(UnknownNameError, match="cymap groups"):
        plans.get_grouping("cq_metr")


def test_compare_sides():
    cmp = plans.compare("川南渝西", "重庆都市圈")
    sides = cmp.groupby("side")["name_zh"].apply(set).to_dict()
    assert sides["both"] == {"江津区", "永川区", "綦江区", "大足区", "铜梁区", "荣昌区"}
    assert sides["only_a"] == {"自贡市", "泸州市", "内江市", "宜宾市"}
    assert len(sides["only_b"]) == 16 and "广安市" in sides["only_b"]


def test_summary_shows_difference_to_stated_figures():
    s = plans.summary("重庆都市圈")
    assert (s["stated_area_km2"], s["stated_population"], s["stated_year"]) == (
        35000,
        24400000,
        2020,
    )
    assert s["area_diff_km2"] == pytest.approx(s["area_km2"] - 35000, abs=0.1)
    assert s["area_diff_pct"] == pytest.approx((s["area_km2"] - 35000) / 350, abs=0.01)
    assert s["population_diff"] == s["population_2020"] - 24400000
    assert abs(s["area_diff_pct"]) < 2 and abs(s["population_diff_pct"]) < 2
    s = plans.summary("cnyx")
    assert (s["stated_area_km2"], s["stated_population"], s["stated_year"]) == (
        46600,
        20191100,
        2021,
    )
    assert s["stated_source"].startswith("004:33")
    assert plans.summary("cq_core")["stated_area_km2"] is None


def test_dissolved_boundary_is_one_row():
    gdf = plans.dissolved_boundary("cnyx")
    assert len(gdf) == 1 and gdf.geometry.iloc[0].is_valid
    area = gdf.to_crs(settings.area_crs).area.iloc[0] / 1e6
    assert area == pytest.approx(plans.summary("cnyx")["area_km2"], rel=0.02)


def test_corridor_geometry_follows_seats_in_order():
    seats = units.load_seats()
    gdf = plans.corridor_geometry("yangtze_axis")
    line = gdf.geometry.iloc[0]
    expected = [
        seats.loc[c].geometry.coords[0]
        for c in names.resolve_many(["宜宾市", "泸州市", "永川区", "江津区"])
    ]
    assert list(line.coords) == expected
    radial = plans.corridor_geometry("cq_radial_northwest")
    assert radial.geometry.iloc[0].coords[0] == seats.loc["500103"].geometry.coords[0]
    fan = plans.corridor_geometry("cq_radial_northwest", spokes=True).geometry.iloc[0]
    assert fan.geom_type == "MultiLineString" and len(fan.geoms) == 3
    south = plans.corridor_geometry("cq_radial_south")
    zunyi = south[south["name_zh"] == "遵义市"].geometry.iloc[0]
    assert units.load_context().loc["520300"].geometry.contains(Point(zunyi.coords[0]))


def test_radial_corridors_are_six_from_002():
    radial = [c for c in plans.load_catalogue().corridors if c.kind == "radial_corridor"]
    assert len(radial) == 6
    assert {c.direction for c in radial} == {"西北向", "北向", "西南向", "东北向", "南向", "东南向"}
    assert all(c.members[0].name == "渝中区" for c in radial)


def test_targets_are_machine_readable():
    ids = [t.id for t in plans.list_targets()]
    assert {
        "cq_core_1h_commute_2025",
        "chengyu_dual_core_1h",
        "rongchang_45min_commute",
        "cq_metro_size_2020",
        "cnyx_size_2021",
    } <= set(ids)
    commute = plans.get_target("cq_core_1h_commute_2025")
    assert (commute.kind, commute.year, commute.max_minutes) == ("reach", 2025, 60)
    assert plans.get_grouping(commute.origin).id == "cq_core"
    assert plans.get_grouping(commute.destinations).id == "cq_metro"
    dual = plans.get_target("chengyu_dual_core_1h")
    assert (dual.origin, dual.destination, dual.measure) == ("渝中区", "成都市", "in_vehicle")
    assert dual.evidence[0].document == "002"
    rongchang = plans.get_target("rongchang_45min_commute")
    assert (
        rongchang.max_minutes == 45 and rongchang.destinations is None and not rongchang.checkable
    )
    with pytest.raises(UnknownNameError):
        plans.get_target("no_such_target")


def test_members_are_handed_out_as_copies():
    """Members are built once per grouping; a caller that edits its frame changes no other."""
    first = plans.members("cq_metro")
    first["name_zh"] = "edited"
    again = plans.members("重庆都市圈")
    assert "edited" not in set(again["name_zh"]) and len(again) == 22


INVALID = [
    (
        "plans_groupings_unknown_key.yaml",
        "groupings.yaml",
        r"groupings\.yaml: groupings\[0\] \(id 'bad_extra_key'\)\.membres: Extra inputs",
    ),
    (
        "plans_groupings_bad_membership.yaml",
        "groupings.yaml",
        r"groupings\.yaml: groupings\[0\] \(id 'bad_membership'\)\.members\[0\]\.membership: .*'maybe'",
    ),
    (
        "plans_groupings_inferred_without_reason.yaml",
        "groupings.yaml",
        r"groupings\.yaml: groupings\[0\] \(id 'no_reason'\)\.members\[0\]: .*inferred_reason",
    ),
    (
        "plans_groupings_bad_id.yaml",
        "groupings.yaml",
        r"groupings\.yaml: groupings\[0\] \(id '重庆圈'\)\.id: .*lowercase ascii",
    ),
    (
        "plans_groupings_unknown_place.yaml",
        "groupings.yaml",
        r"groupings\.yaml: groupings\[0\] \(id 'unknown_place'\)\.members\[0\]\.name: unknown place name '永州区'",
    ),
    (
        "plans_corridors_bad_carrier.yaml",
        "corridors.yaml",
        r"corridors\.yaml: corridors\[0\] \(id 'bad_carrier'\)\.carriers: .*carrier_notes",
    ),
    (
        "plans_targets_missing_destination.yaml",
        "targets.yaml",
        r"targets\.yaml: targets\[0\] \(id 'pair_without_destination'\): .*needs destination",
    ),
    (
        "plans_documents_traditional_without_simplified.yaml",
        "documents.yaml",
        r"documents\.yaml: documents\[0\] \(id '002'\): evidence from 002 needs quote_simplified",
    ),
]


@pytest.mark.parametrize(("fixture", "replaces", "message"), INVALID, ids=[i[0] for i in INVALID])
def test_schema_errors_name_file_item_and_field(tmp_path, fixture, replaces, message):
    shutil.copytree(settings.data_dir / "plans", tmp_path / "plans")
    shutil.copy(DATA / fixture, tmp_path / "plans" / replaces)
    with pytest.raises(DataValidationError, match=message):
        plans.load_catalogue(data_dir=tmp_path)


def test_missing_file_is_named(tmp_path):
    shutil.copytree(settings.data_dir / "plans", tmp_path / "plans")
    (tmp_path / "plans" / "targets.yaml").unlink()
    with pytest.raises(
        DataValidationError, match=r"targets\.yaml: plans catalogue file is missing"
    ):
        plans.load_catalogue(data_dir=tmp_path)
