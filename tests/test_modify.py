from cymap import _modify, modifications, network, scenarios

PLAN = modifications.parse_plan("""
modifications:
  - {kind: open_year, line: chengyu_zhongxian_hsr, year: 2030}
  - {kind: road_link, from_unit: 大足区, to_unit: 潼南区, speed_kph: 100}
  - {kind: open_year, line: chengyu_hsr, year: 2040}
""")


def test_new_lines_open_and_moved_years_open_or_close_a_line():
    base = network.active_lines(scenarios.preset("today"))
    active = _modify.active_with(base, PLAN.modifications, 2035, None)
    assert "mod1_road" in active and "chengyu_zhongxian_hsr" in active
    assert "chengyu_hsr" not in active  # moved past the scenario year
    early = _modify.active_with(base, PLAN.modifications, 2026, None)
    assert "chengyu_zhongxian_hsr" not in early


def test_edges_with_the_same_ends_merge_into_sorted_alternatives():
    edges = [(0, 1, ((5.0, "a", "rail", 0, 1, 0.0),)), (0, 1, ((3.0, "b", "rail", 0, 1, 0.0),))]
    merged = _modify.merged_alts(edges)
    assert [alt[0] for alt in merged[(0, 1)]] == [3.0, 5.0]
