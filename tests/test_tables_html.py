"""Static HTML tables of the pages: values shown as meant, escaped, read back unchanged."""

from __future__ import annotations

from io import StringIO

import numpy as np
import pandas as pd
import pytest

from cymap.tables import groupings
from cymap.tables import html as tables


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "目标": ["中心城区1小时通勤", "双核直连 <b>& 原文</b>"],
            "目标年": pd.array([2025, None], dtype="Int64"),
            "时限（分钟）": [60.0, 60.0],
            "面积km²": [23.4, 104.0],
            "2020年人口": [588717, 12345678],
            "达成": [True, False],
            "原文": ["基本實現中心城區與周邊區(市、縣)1小時通勤", np.nan],
        }
    )


def _rows(html: str) -> pd.DataFrame:
    (table,) = pd.read_html(StringIO(html), thousands=None)
    return table.astype(str)


def test_values_are_shown_as_meant(frame):
    shown = _rows(tables.html_table(frame))
    first, second = shown.iloc[0], shown.iloc[1]
    assert first["时限（分钟）"] == "60"  # whole numbers without decimals
    assert first["面积km²"] == "23.4"
    assert second["面积km²"] == "104.0"  # one decimal when the column has fractions
    assert first["2020年人口"] == "588,717"  # quantities with thousands separators
    assert first["目标年"] == "2025"  # a year is not a quantity
    assert second["目标年"] == "—"
    assert (first["达成"], second["达成"]) == ("✓", "✗")
    assert second["原文"] == "—"


def test_text_is_escaped_and_read_back_whole(frame):
    html = tables.html_table(frame)
    assert "<b>" not in html
    assert "&lt;b&gt;&amp; 原文&lt;/b&gt;" in html
    shown = _rows(html)
    assert list(shown.columns) == list(frame.columns)
    assert shown.iloc[1]["目标"] == "双核直连 <b>& 原文</b>"
    assert shown.iloc[0]["原文"] == frame.iloc[0]["原文"]  # a quote is never cut


def test_layout_classes_follow_the_columns(frame):
    html = tables.html_table(frame, max_height_px=300)
    assert "max-height:300px" in html
    assert "max-height" not in tables.html_table(frame, max_height_px=None)  # every row shown
    assert '<th class="num">2020年人口</th>' in html  # numbers right-aligned
    assert '<th class="wrap">原文</th>' in html  # long quotes wrap
    assert "<th>达成</th>" in html  # marks and short names stay on one line
    assert '<tr><th class="wrap">中心城区1小时通勤</th>' in html  # the first column heads its row
    long = frame.assign(原文=frame["原文"] + "（简体：基本实现中心城区与周边区(市、县)1小时通勤）")
    assert '<th class="wrap wide">原文</th>' in tables.html_table(long)  # a few lines, not many


def test_a_page_table_keeps_every_member():
    members = groupings.member_table("cq_metro", "zh")
    shown = _rows(tables.html_table(members))
    assert len(shown) == len(members) == 22
    assert set(shown["名称"]) == set(members["名称"])
