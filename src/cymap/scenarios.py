"""Scenarios of the travel-time model: a year, line toggles and the model parameters.

A :class:`Scenario` says which lines of the network are open: every line whose ``open_year`` is
on or before ``year``, plus ``with_lines``, minus ``without_lines``. Lines of status ``study``
have no year and open only when toggled on. :class:`ModelParams` holds every parameter of the
door-to-door time model in one place; its defaults and their sources are in
``docs/travel_time_model.md``.

Scenarios are immutable and hashable: the engine never changes the shared cached graph for a
scenario, it reads the scenario through the Dijkstra weight function.

Examples
--------
>>> from cymap import scenarios
>>> s = scenarios.preset("today").with_toggles(with_lines=["chengyu_zhongxian_hsr"])
>>> "chengyu_zhongxian_hsr" in s.with_lines
True
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from ._errors import ScenarioError

RAIL_MODES = ("hsr", "intercity", "suburban", "conventional", "metro_link")


def _modes(**values: float) -> MappingProxyType:
    return MappingProxyType(dict(values))


@dataclass(frozen=True)
class ModelParams:
    """Every parameter of the door-to-door travel-time model (minutes, km/h, factors).

    Door-to-door time = access + wait + in-vehicle + transfers + egress. See
    ``docs/travel_time_model.md`` for the source or rationale of each default.

    Parameters
    ----------
    station_entry_min
        Fixed time from the station's forecourt to the platform, by rail mode (ticket and
        security checks, walking); added to the drive from the seat at boarding.
    station_exit_min
        Fixed time from the platform to the forecourt, by rail mode; added at alighting.
    access_speed_kph
        Speed of the drive between a seat and a station outside the congested cores (inside
        them the core's speed of the period applies, ``road_congestion.yaml``).
    access_radius_km
        A station is reached from every seat within this great-circle distance (and always
        from its own unit's seat).
    headway_factor
        Multiplies every headway of the service pattern (1 = as the data give it).
    wait_share
        Share of the headway spent waiting (0.5 = random arrival, half headway).
    schedule_factor
        Average speed of the fastest trains as a share of design speed, by rail mode
        (covers acceleration, stops and slow sections).
    transfer_min
        Walking and margin to change between lines at the same station (plus the wait of
        the next line).
    rail_circuity
        Rail route length / great-circle distance where a line's length is not known.
    road_access_min
        Urban access at each end of a road trip (seat to the trunk road network), outside the
        congested cores; inside them it is multiplied by the core's delay index.
    road_circuity
        Road length / great-circle distance on the inferred road graph and on the drives
        between seats and stations.
    road_speed_kph
        Average speed on the inferred road graph (mix of expressways and trunk roads)
        outside the congested cores, in both periods.
    expressway_circuity
        Road length / great-circle distance on named expressways (where no length is given).
    expressway_speed_factor
        Average speed on a named expressway as a share of its speed class.
    door_legs
        Count the legs between a seat and the network (drives to and from stations, station
        times, urban road access). ``False`` for the station-to-station measure.
    """

    station_entry_min: MappingProxyType = field(
        default_factory=lambda: _modes(
            hsr=10.0, intercity=8.0, suburban=5.0, conventional=10.0, metro_link=3.0
        )
    )
    station_exit_min: MappingProxyType = field(
        default_factory=lambda: _modes(
            hsr=5.0, intercity=4.0, suburban=3.0, conventional=5.0, metro_link=2.0
        )
    )
    access_speed_kph: float = 40.0
    access_radius_km: float = 25.0
    headway_factor: float = 1.0
    wait_share: float = 0.5
    schedule_factor: MappingProxyType = field(
        default_factory=lambda: _modes(
            hsr=0.8, intercity=0.8, suburban=0.6, conventional=0.7, metro_link=0.6
        )
    )
    transfer_min: float = 10.0
    rail_circuity: float = 1.2
    road_access_min: float = 5.0
    road_circuity: float = 1.2
    road_speed_kph: float = 90.0
    expressway_circuity: float = 1.2
    expressway_speed_factor: float = 1.0
    door_legs: bool = True

    def __post_init__(self) -> None:
        problems = []
        for name in ("station_entry_min", "station_exit_min", "schedule_factor"):
            table = getattr(self, name)
            if not isinstance(table, MappingProxyType):
                object.__setattr__(self, name, MappingProxyType(dict(table)))
                table = getattr(self, name)
            missing = [m for m in RAIL_MODES if m not in table]
            if missing:
                problems.append(f"{name} lacks modes {missing}")
            problems += [f"{name}[{m}] = {v} must be >= 0" for m, v in table.items() if v < 0]
        problems += [
            f"schedule_factor[{m}] = {v} must be in (0, 1]"
            for m, v in self.schedule_factor.items()
            if not 0 < v <= 1
        ]
        positive = (
            "access_speed_kph",
            "access_radius_km",
            "headway_factor",
            "rail_circuity",
            "road_circuity",
            "road_speed_kph",
            "expressway_circuity",
            "expressway_speed_factor",
        )
        problems += [
            f"{n} = {getattr(self, n)} must be > 0" for n in positive if getattr(self, n) <= 0
        ]
        nonneg = ("wait_share", "transfer_min", "road_access_min")
        problems += [
            f"{n} = {getattr(self, n)} must be >= 0" for n in nonneg if getattr(self, n) < 0
        ]
        if problems:
            msg = "invalid model parameters: " + "; ".join(problems)
            raise ScenarioError(msg)

    def __hash__(self) -> int:
        return hash(self.key())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ModelParams) and self.key() == other.key()

    def key(self) -> tuple:
        """A hashable key of every value (used to cache the weighted graph)."""
        cached = self.__dict__.get("_key")
        if cached is not None:
            return cached
        out = []
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, MappingProxyType):
                value = tuple(sorted(value.items()))
            out.append((name, value))
        key = tuple(out)
        object.__setattr__(self, "_key", key)  # frozen: computed once per instance
        return key

    def to_dict(self) -> dict[str, Any]:
        """Plain dict of every parameter (for JSON and the docs)."""
        out = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = dict(value) if isinstance(value, MappingProxyType) else value
        return out

    def changes(self) -> dict[str, Any]:
        """The parameters that differ from the defaults (mode tables: only the changed modes)."""
        default = ModelParams().to_dict()
        out: dict[str, Any] = {}
        for name, value in self.to_dict().items():
            if isinstance(value, dict):
                diff = {m: v for m, v in value.items() if v != default[name].get(m)}
                if diff:
                    out[name] = diff
            elif value != default[name]:
                out[name] = value
        return out

    def updated(self, **changes: Any) -> ModelParams:
        """A copy with some parameters changed (mode tables may be given partially)."""
        merged = {}
        for name, value in changes.items():
            if name not in self.__dataclass_fields__:
                msg = (
                    f"unknown model parameter {name!r}; known: {sorted(self.__dataclass_fields__)}"
                )
                raise ScenarioError(msg)
            current = getattr(self, name)
            if isinstance(current, MappingProxyType) and isinstance(value, dict):
                value = MappingProxyType({**current, **value})
            merged[name] = value
        return replace(self, **merged)


DEFAULT_PARAMS = ModelParams()


@dataclass(frozen=True)
class Scenario:
    """Which lines are open: a year plus explicit toggles, and the model parameters.

    Parameters
    ----------
    year
        Lines with ``open_year <= year`` are open.
    with_lines, without_lines
        Line ids (or aliases) switched on / off regardless of the year; checked against the
        network when the scenario is used (unknown ids raise ``ScenarioError``).
    params
        Model parameters.
    name
        Optional label (presets set it).
    period
        Time of day: ``peak`` (working-day commuting peak, the default) or ``offpeak``;
        sets the headways and the road speeds in the congested cores.
    service
        Service pattern: ``today`` (today's service, future lines at their mode's default)
        or ``plan`` (the plans' commuter reading, 公交化 operation); see
        ``geodata/network/service_patterns.yaml``.
    modifications
        What-if changes applied to this scenario only (:mod:`cymap.modifications`).
    """

    year: int
    with_lines: frozenset[str] = frozenset()
    without_lines: frozenset[str] = frozenset()
    params: ModelParams = DEFAULT_PARAMS
    name: str | None = None
    period: str = "peak"
    service: str = "today"
    modifications: tuple = ()

    def __post_init__(self) -> None:
        if isinstance(self.year, bool) or not isinstance(self.year, int):
            msg = f"scenario year must be an integer, got {self.year!r}"
            raise ScenarioError(msg)
        check_period(self.period)
        check_service(self.service)
        object.__setattr__(self, "with_lines", frozenset(self.with_lines))
        object.__setattr__(self, "without_lines", frozenset(self.without_lines))
        both = self.with_lines & self.without_lines
        if both:
            msg = f"lines both switched on and off: {sorted(both)}"
            raise ScenarioError(msg)

    def with_toggles(
        self,
        *,
        with_lines: Iterable[str] = (),
        without_lines: Iterable[str] = (),
    ) -> Scenario:
        """A copy with more lines switched on and/or off."""
        on, off = frozenset(with_lines), frozenset(without_lines)
        return replace(
            self,
            with_lines=(self.with_lines - off) | on,
            without_lines=(self.without_lines - on) | off,
            name=None,
        )

    def modified(self, modifications: Iterable[Any]) -> Scenario:
        """A copy with these modifications (replacing any it had)."""
        return replace(self, modifications=tuple(modifications), name=None)

    @property
    def measure(self) -> str:
        """How trip time is counted in this scenario (see :data:`MEASURES`)."""
        return "door_to_door" if self.params.door_legs else "station_to_station"

    def at(self, *, period: str | None = None, service: str | None = None) -> Scenario:
        """A copy at another period and/or service pattern (same lines)."""
        return replace(
            self,
            period=self.period if period is None else period,
            service=self.service if service is None else service,
        )

    def label(self) -> str:
        """Short description: preset name or year, plus toggles."""
        text = self.name or str(self.year)
        if self.with_lines:
            text += " +" + ",+".join(sorted(self.with_lines))
        if self.without_lines:
            text += " -" + ",-".join(sorted(self.without_lines))
        if self.modifications:
            text += f" ({len(self.modifications)} modifications)"
        return text

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description of the scenario."""
        return {
            "name": self.name,
            "year": self.year,
            "with": sorted(self.with_lines),
            "without": sorted(self.without_lines),
            "period": self.period,
            "service": self.service,
        }


#: Times of day (see :class:`Scenario`) and service patterns.
PERIODS = ("peak", "offpeak")
SERVICES = ("today", "plan")


def _check(value: object, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        near = difflib.get_close_matches(str(value), allowed, n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        msg = f"unknown {what} {value!r}{hint}; use one of: {', '.join(allowed)}"
        raise ScenarioError(msg)
    return str(value)


def check_period(value: object) -> str:
    """``value`` if it is a period, else a :class:`ScenarioError` naming the valid ones."""
    return _check(value, PERIODS, "period")


def check_service(value: object) -> str:
    """``value`` if it is a service pattern, else a :class:`ScenarioError`."""
    return _check(value, SERVICES, "service pattern")


#: Named presets: the plans' base year, today, and the plans' 2025 and 2035 horizons.
PRESETS: dict[str, Scenario] = {
    "2020": Scenario(2020, name="2020"),
    "today": Scenario(2026, name="today"),
    "2025": Scenario(2025, name="2025"),
    "2035": Scenario(2035, name="2035"),
}


def preset(name: str | int) -> Scenario:
    """A named preset scenario ('2020', 'today', '2025', '2035').

    Raises
    ------
    ScenarioError
        For an unknown name; the message lists the presets.
    """
    key = str(name).strip().lower()
    if key not in PRESETS:
        msg = (
            f"unknown scenario preset {name!r}; presets: {', '.join(PRESETS)}"
            " (or a year such as 2030)"
        )
        raise ScenarioError(msg)
    return PRESETS[key]


def for_year(
    year: int | str | None,
    *,
    with_lines: Iterable[str] = (),
    without_lines: Iterable[str] = (),
    params: ModelParams = DEFAULT_PARAMS,
    period: str = "peak",
    service: str = "today",
) -> Scenario:
    """Scenario from a year or preset name (``None`` = 'today') plus toggles and settings."""
    if year is None:
        base = PRESETS["today"]
    elif isinstance(year, str) and not year.strip().isdigit():
        base = preset(year)
    elif str(year).strip() in PRESETS:
        base = PRESETS[str(year).strip()]
    else:
        base = Scenario(int(year))
    base = replace(base, params=params, period=period, service=service)
    if with_lines or without_lines:
        base = base.with_toggles(with_lines=with_lines, without_lines=without_lines)
    return base


#: How trip times are counted: the full door-to-door trip (default), or from the first station
#: to the last one (no access, egress, waiting or urban road access), as plans often quote
#: rail times.
MEASURES = ("door_to_door", "station_to_station")


def apply_measure(params: ModelParams, measure: str) -> ModelParams:
    """Parameters for a way of counting trip time (see :data:`MEASURES`).

    Raises
    ------
    ScenarioError
        For an unknown measure.
    """
    if measure == "door_to_door":
        return params
    if measure == "station_to_station":
        return params.updated(door_legs=False, wait_share=0.0)
    msg = f"unknown measure {measure!r}; use one of {', '.join(MEASURES)}"
    raise ScenarioError(msg)
