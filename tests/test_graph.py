from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cymap import _graph

# Small random grids with the engine's edge encoding: road edges always open, "rail lines" as
# toggleable alternatives; the scenario view and both Dijkstra implementations must agree.


@st.composite
def grids(draw):
    n = draw(st.integers(2, 5))
    g = nx.DiGraph()
    nodes = [(i, j) for i in range(n) for j in range(n)]
    for i, j in nodes:
        for di, dj in ((0, 1), (1, 0)):
            a, b = (i, j), (i + di, j + dj)
            if b in nodes:
                m = draw(st.floats(1, 30))
                for u, v in ((a, b), (b, a)):
                    g.add_edge(str(u), str(v), alts=((m, None, "road", -9999, 9999, 0.0),))
    lines = {}
    for k in range(draw(st.integers(0, 3))):
        a, b = draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes))
        if a != b:
            m = draw(st.floats(0.5, 20))
            lines[f"l{k}_hsr"] = (str(a), str(b), m)
    for line, (a, b, m) in lines.items():
        for u, v in ((a, b), (b, a)):
            alts = g.edges[u, v]["alts"] if g.has_edge(u, v) else ()
            g.add_edge(
                u,
                v,
                alts=tuple(
                    sorted((*alts, (m, line, "rail", -9999, 9999, 0.0)), key=lambda x: x[0])
                ),
            )
    return g, lines, str(draw(st.sampled_from(nodes)))


KINDS = frozenset({"road", "rail"})


def _dist(g, active, origin):
    view = _graph.open_view(g, frozenset(active), KINDS, 2030)
    return nx.single_source_dijkstra_path_length(view, origin, weight="minutes")


@settings(max_examples=60, deadline=None)
@given(grids())
def test_grid_times_are_non_negative_and_origin_is_zero(case):
    g, lines, origin = case
    dist = _dist(g, lines, origin)
    assert dist[origin] == 0
    assert all(v >= 0 for v in dist.values())
    assert len(dist) == g.number_of_nodes()


@settings(max_examples=60, deadline=None)
@given(grids(), st.data())
def test_grid_adding_a_line_never_lengthens_a_time(case, data):
    g, lines, origin = case
    if not lines:
        return
    subset = data.draw(st.sets(st.sampled_from(sorted(lines))))
    extra = data.draw(st.sampled_from(sorted(lines)))
    before = _dist(g, subset, origin)
    after = _dist(g, subset | {extra}, origin)
    assert all(after[n] <= before[n] + 1e-9 for n in before)


@settings(max_examples=60, deadline=None)
@given(grids(), st.floats(0, 60), st.floats(0, 60))
def test_grid_reach_is_monotone_in_the_limit_and_contains_the_origin(case, a, b):
    g, lines, origin = case
    lo, hi = sorted((a, b))
    dist = _dist(g, lines, origin)
    within_lo = {n for n, d in dist.items() if d <= lo}
    within_hi = {n for n, d in dist.items() if d <= hi}
    assert origin in within_lo and within_lo <= within_hi


@settings(max_examples=60, deadline=None)
@given(grids())
def test_grid_view_weight_function_and_compact_dijkstra_agree(case):
    g, lines, origin = case
    active = frozenset(list(lines)[:1])
    view = _graph.open_view(g, active, KINDS, 2030)
    by_view = nx.single_source_dijkstra_path_length(view, origin, weight="minutes")
    by_fn = nx.single_source_dijkstra_path_length(
        g, origin, weight=_graph.weight_function(active, KINDS, 2030)
    )
    index = {n: i for i, n in enumerate(view.nodes)}
    adj = [[] for _ in index]
    for u, v, d in view.edges(data=True):
        adj[index[u]].append((index[v], d["minutes"]))
    compact = _graph.dijkstra_lengths(adj, [index[origin]])
    for n, d in by_view.items():
        assert by_fn[n] == pytest.approx(d) and compact[index[n]] == pytest.approx(d)
    assert not any(math.isinf(compact[index[n]]) for n in by_view)
