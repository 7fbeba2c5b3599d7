"""The one name resolver: any way of writing a unit's name or code gives the same adcode.

``永川``, ``永川区``, ``永川區``, ``500118`` and ``156500118`` all resolve to 永川区 (500118).
A few names the plans use for things that are not county-level units resolve explicitly:
万盛经开区 to 綦江区 (a functional zone inside it) and 两江新区 to its three host districts
(flagged as partial). An unknown or ambiguous name raises an error listing the closest matches.

Examples
--------
>>> from cymap import names
>>> names.resolve("永川區").adcodes
('500118',)
>>> names.resolve_adcode("成都")
'510100'
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re

from ._build import OLD_TO_CURRENT
from ._errors import AmbiguousNameError, UnknownNameError
from .units import load_units


@dataclasses.dataclass(frozen=True)
class Resolution:
    """What a name resolves to.

    Attributes
    ----------
    query
        The name as given.
    adcodes
        One adcode for a unit; several for a special area such as 两江新区.
    name_zh
        Official name of the unit, or the special area's name.
    note
        Why the name maps as it does (empty for ordinary names).
    partial
        True when the name covers only parts of the listed units.
    """

    query: str
    adcodes: tuple[str, ...]
    name_zh: str
    note: str = ""
    partial: bool = False


#: Names of areas that are not county-level units, resolved explicitly.
SPECIAL_AREAS: dict[str, Resolution] = (
    {
        alias: Resolution(
            query=alias,
            adcodes=("500110",),
            name_zh="綦江区",
            note="万盛经开区 is a functional zone (管委会) inside 綦江区, not a county-level unit; "
            "the plans name it together with 綦江区 (綦江区—万盛经开区).",
        )
        for alias in (
            "万盛",
            "万盛经开区",
            "万盛经济技术开发区",
            "万盛区",
            "綦江区—万盛经开区",
            "綦江—万盛",
            "綦江-万盛",
            "綦江区-万盛经开区",
            "綦江万盛",
        )
    }
    | {
        alias: Resolution(
            query=alias,
            adcodes=("500105", "500109", "500112"),
            name_zh="两江新区",
            note="两江新区 is a state-level new area spanning parts of 江北区, 北碚区 and 渝北区; "
            "it has no boundary of its own in the 天地图 data.",
            partial=True,
        )
        for alias in ("两江新区", "重庆两江新区")
    }
    | {
        alias: Resolution(
            query=alias,
            adcodes=("510100", "511400"),
            name_zh="天府新区",
            note="四川天府新区 spans parts of 成都市 and 眉山市 (成都片区, 眉山片区); "
            "it has no boundary of its own in the 天地图 data.",
            partial=True,
        )
        for alias in ("天府新区", "四川天府新区")
    }
)

_SUFFIXES = ("自治县", "自治州", "新区", "区", "县", "市", "省", "州")


def short_name(name_zh: str) -> str | None:
    """The common short form of an official name, or ``None`` when it would be one character.

    Examples
    --------
    >>> short_name("永川区"), short_name("石柱土家族自治县"), short_name("忠县")
    ('永川', '石柱', None)
    """
    if "自治" in name_zh:
        return name_zh[:2]
    for suffix in _SUFFIXES:
        if name_zh.endswith(suffix) and len(name_zh) - len(suffix) >= 2:
            return name_zh[: -len(suffix)]
    return None


@functools.cache
def _t2s():
    import opencc  # noqa: PLC0415 - heavy, needed only here

    return opencc.OpenCC("t2s")


def _normalise(text: str) -> str:
    text = re.sub(r"\s+", "", str(text)).replace("－", "—").replace("–", "—")
    if any(ord(ch) > 0x3000 for ch in text):
        text = _t2s().convert(text)
    return text


@functools.cache
def _index() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Map every accepted key to candidate adcodes; and adcode to official name."""
    units = load_units()
    names = units["name_zh"].to_dict()
    keys: dict[str, set[str]] = {}
    # Prefectures win over their own homonymous district for the bare short name
    # (广安 -> 广安市, not 广安区), so add prefectures' short names separately.
    preferred: dict[str, str] = {}
    for adcode, row in units.iterrows():
        name = row["name_zh"]
        keys.setdefault(name, set()).add(adcode)
        keys.setdefault(adcode, set()).add(adcode)
        keys.setdefault("156" + adcode, set()).add(adcode)
        short = short_name(name)
        if short:
            keys.setdefault(short, set()).add(adcode)
            if row["level"] in ("province", "prefecture"):
                preferred[short] = adcode
        parent = names.get(row["parent_adcode"], "")
        if parent and row["level"] == "county":
            keys.setdefault(parent + name, set()).add(adcode)
            if short_name(parent):
                keys.setdefault(short_name(parent) + name, set()).add(adcode)
    for old, new in OLD_TO_CURRENT.items():
        keys.setdefault(old, set()).add(new)
    out = {k: tuple(sorted(v)) for k, v in keys.items()}
    for short, adcode in preferred.items():
        out[short] = (adcode,)
    return out, names


def _suggest(name: str, keys: list[str], names: dict[str, str], n: int = 5) -> list[str]:
    candidates = difflib.get_close_matches(name, keys, n=n * 3, cutoff=0.3)
    candidates += [k for k in keys if name and (name in k or k in name) and not k.isdigit()]
    out: list[str] = []
    index = _index()[0]
    for key in candidates:
        if key.isdigit():
            continue
        for code in index.get(key, ()):
            label = f"{names[code]} ({code})"
            if label not in out:
                out.append(label)
        if key in SPECIAL_AREAS and SPECIAL_AREAS[key].name_zh not in out:
            out.append(SPECIAL_AREAS[key].name_zh)
    return out[:n]


def resolve(name: str) -> Resolution:
    """Resolve a unit name, short name, traditional form, adcode or special area.

    Parameters
    ----------
    name
        E.g. ``"永川"``, ``"永川區"``, ``"500118"``, ``"成都"``, ``"万盛经开区"``, ``"两江新区"``.

    Raises
    ------
    AmbiguousNameError
        The name fits several units (e.g. ``"市中区"``); the message lists them with parents.
    UnknownNameError
        No unit has that name; the message lists the closest matches.
    """
    query = str(name)
    key = _normalise(query)
    if key in SPECIAL_AREAS:
        return dataclasses.replace(SPECIAL_AREAS[key], query=query)
    index, names = _index()
    codes = index.get(key)
    if codes is None and re.fullmatch(r"\d{6}|156\d{6}", key):
        msg = f"unknown adcode {query!r}: not a Chongqing or Sichuan unit in the 2024 boundaries"
        raise UnknownNameError(msg)
    if codes is None:
        keys = list(index) + list(SPECIAL_AREAS)
        suggestions = _suggest(key, keys, names)
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        msg = f"unknown place name {query!r}.{hint} Use an official name (永川区), a short name (永川) or an adcode (500118)."
        raise UnknownNameError(msg, suggestions=tuple(suggestions))
    if len(codes) > 1:
        units = load_units()
        options = [f"{names.get(units.at[c, 'parent_adcode'], '')}{names[c]} ({c})" for c in codes]
        msg = f"place name {query!r} is ambiguous: {', '.join(options)}. Name the parent city or use the adcode."
        raise AmbiguousNameError(msg, suggestions=tuple(options))
    return Resolution(query=query, adcodes=codes, name_zh=names[codes[0]])


def resolve_adcode(name: str) -> str:
    """Resolve a name to exactly one adcode (special areas spanning several units raise)."""
    res = resolve(name)
    if len(res.adcodes) != 1:
        msg = (
            f"{name!r} covers several units ({', '.join(res.adcodes)}): {res.note} "
            "Name one of them instead."
        )
        raise AmbiguousNameError(msg, suggestions=res.adcodes)
    return res.adcodes[0]


def resolve_many(names: list[str] | tuple[str, ...]) -> list[str]:
    """Resolve several names to a de-duplicated list of adcodes (special areas expand)."""
    out: list[str] = []
    for name in names:
        for code in resolve(name).adcodes:
            if code not in out:
                out.append(code)
    return out


def official_name(adcode: str) -> str:
    """Official simplified Chinese name of a unit by adcode."""
    return _index()[1][resolve_adcode(adcode)]
