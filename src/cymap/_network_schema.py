"""Pydantic models of the network data files in ``geodata/network/`` (extra keys forbidden)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Status = Literal["existing", "under_construction", "planned", "study"]
YearSource = Literal["actual", "stated", "derived", "assumed"]
RailMode = Literal["hsr", "intercity", "suburban", "conventional", "metro_link"]
Period = Literal["peak", "offpeak"]
Pattern = Literal["today", "plan"]
Basis = Literal["source", "derived", "assumption"]

_ID = re.compile(r"^[a-z][a-z0-9_]*_(hsr|railway|intercity|suburban|line|exp)$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    """Where a fact comes from: a news/timetable text, an assumption or a plan quote."""

    kind: Literal["news", "timetable", "assumption", "plan"]
    text: str | None = None
    seed: str | None = None
    line: int | None = None
    quote: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> Source:
        if self.kind == "plan" and not (self.seed and self.line and self.quote):
            msg = "a plan source needs seed, line and quote"
            raise ValueError(msg)
        if self.kind != "plan" and not self.text:
            msg = f"a {self.kind} source needs text"
            raise ValueError(msg)
        return self

    def describe(self) -> str:
        """One-line citation."""
        if self.kind == "plan":
            return f"seed {self.seed} line {self.line}: 「{self.quote}」"
        return f"{self.kind}: {self.text}"


class Stop(_Model):
    """A stop: station name and the unit containing it (its point is in ``stations.csv``).

    ``lon``/``lat`` here only place a stop whose site ``stations.csv`` does not know.
    """

    station: str
    unit: str
    lon: float | None = None
    lat: float | None = None


def _parse_stop(value: object) -> object:
    if isinstance(value, str):
        if "@" not in value:
            msg = f"stop {value!r} must read 'station @ unit'"
            raise ValueError(msg)
        station, unit = (part.strip() for part in value.split("@", 1))
        return {"station": station, "unit": unit}
    if isinstance(value, dict) and "unit" in value:
        return {**value, "unit": str(value["unit"])}
    return value


class TimetableMinutes(_Model):
    """A known end-to-end run time and its source."""

    minutes: float = Field(gt=0)
    source: str


class Service(_Model):
    """Headways of a line under one service pattern, optionally for some years or stations.

    ``stations`` names the stops where fewer trains stop (e.g. the intermediate stations of a
    line whose trains mostly run through); empty = every stop of the line.
    """

    pattern: Pattern
    peak: float = Field(gt=0)
    offpeak: float = Field(gt=0)
    from_year: int | None = None
    until_year: int | None = None
    stations: tuple[str, ...] = ()
    basis: Basis
    source: str = Field(min_length=1)


class _Line(_Model):
    id: str
    name_zh: str
    aliases: tuple[str, ...] = ()
    status: Status
    open_year: int | None
    open_year_source: YearSource
    length_km: float | None = Field(default=None, gt=0)
    sources: tuple[Source, ...] = Field(min_length=1)
    notes: str | None = None

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not _ID.match(value):
            msg = (
                f"line id {value!r} must be lowercase ascii ending in _hsr, _railway, "
                "_intercity, _suburban, _line or _exp"
            )
            raise ValueError(msg)
        return value

    @model_validator(mode="after")
    def _year(self) -> _Line:
        if self.status == "study" and self.open_year is not None:
            msg = "a study item has no open_year (it opens only when toggled on)"
            raise ValueError(msg)
        if self.status != "study" and self.open_year is None:
            msg = f"status {self.status} needs an open_year (assumed if no source gives one)"
            raise ValueError(msg)
        return self


class RailLine(_Line):
    """A rail line with ordered stops."""

    mode: RailMode
    design_speed_kph: float = Field(gt=0)
    speed_history: tuple[dict[str, int], ...] = ()
    stops_span_line: bool
    timetable_minutes: TimetableMinutes | None = None
    segment_minutes: tuple[float | None, ...] | None = None
    stops: tuple[Stop, ...] = Field(min_length=2)
    service: tuple[Service, ...] = ()
    stops_assumed: bool = False

    @model_validator(mode="after")
    def _service_stations(self) -> RailLine:
        names = {s.station for s in self.stops}
        for entry in self.service:
            if unknown := sorted(set(entry.stations) - names):
                msg = f"service names stations {unknown} that are not stops of the line"
                raise ValueError(msg)
        return self

    @field_validator("stops", mode="before")
    @classmethod
    def _stops(cls, value: object) -> object:
        return [_parse_stop(v) for v in value] if isinstance(value, list) else value

    @model_validator(mode="after")
    def _segments(self) -> RailLine:
        if self.segment_minutes is not None and len(self.segment_minutes) != len(self.stops) - 1:
            msg = (
                f"segment_minutes has {len(self.segment_minutes)} values for "
                f"{len(self.stops)} stops (needs one per segment)"
            )
            raise ValueError(msg)
        if self.stops_span_line and self.length_km is None:
            msg = "stops_span_line: true needs length_km"
            raise ValueError(msg)
        for entry in self.speed_history:
            if set(entry) != {"until_year", "speed_kph"}:
                msg = "speed_history entries need exactly until_year and speed_kph"
                raise ValueError(msg)
        return self

    def speed_kph(self, year: int) -> float:
        """Operating design speed in ``year`` (earlier speeds from ``speed_history``)."""
        for entry in sorted(self.speed_history, key=lambda e: e["until_year"]):
            if year <= entry["until_year"]:
                return float(entry["speed_kph"])
        return self.design_speed_kph


class RoadLine(_Line):
    """A named expressway through ordered units."""

    speed_kph: float = Field(gt=0)
    via_spans_line: bool
    via: tuple[str, ...] = Field(min_length=2)

    @field_validator("via", mode="before")
    @classmethod
    def _via(cls, value: object) -> object:
        return [str(v) for v in value] if isinstance(value, list) else value


class ModeService(_Model):
    """Default headways of a mode under one pattern, with their basis and source."""

    peak: float = Field(gt=0)
    offpeak: float = Field(gt=0)
    basis: Basis
    source: str = Field(min_length=1)


class ServiceFile(_Model):
    """``service_patterns.yaml``: every pattern gives every rail mode."""

    patterns: dict[Pattern, dict[RailMode, ModeService]]

    @model_validator(mode="after")
    def _complete(self) -> ServiceFile:
        modes = set(RailMode.__args__)
        for pattern in Pattern.__args__:
            given = self.patterns.get(pattern)
            if given is None:
                msg = f"pattern {pattern!r} is missing"
                raise ValueError(msg)
            if missing := sorted(modes - set(given)):
                msg = f"pattern {pattern!r} lacks modes {missing}"
                raise ValueError(msg)
        return self


class CorePeriod(_Model):
    """Road speed and delay index of a congested core in one period."""

    speed_kph: float = Field(gt=0)
    delay_index: float = Field(ge=1)
    basis: Basis
    source: str = Field(min_length=1)


class Core(_Model):
    """A congested urban core: its units and its speeds by period."""

    id: str
    name_zh: str
    units: tuple[str, ...] = Field(min_length=1)
    units_basis: str
    congested_km: float = Field(ge=0)
    congested_km_basis: str
    periods: dict[Period, CorePeriod]

    @model_validator(mode="after")
    def _both(self) -> Core:
        if missing := sorted(set(Period.__args__) - set(self.periods)):
            msg = f"core {self.id!r} lacks periods {missing}"
            raise ValueError(msg)
        return self


class CongestionFile(_Model):
    """``road_congestion.yaml``."""

    cores: tuple[Core, ...]


class Station(_Model):
    """A row of ``stations.csv``: a station's point (empty when its site is not known)."""

    station: str = Field(min_length=1)
    unit: str = Field(pattern=r"^\d{6}$")
    placement: Literal["surveyed", "stand_in", ""] = ""
    lon: float | None = Field(default=None, ge=97, le=111)
    lat: float | None = Field(default=None, ge=26, le=34)
    source: str = ""
    licence: str = ""
    note: str = ""

    @model_validator(mode="after")
    def _point(self) -> Station:
        if (self.lon is None) != (self.lat is None):
            msg = "give both lon and lat, or neither (site not known)"
            raise ValueError(msg)
        if (self.lon is None) != (self.placement == ""):
            msg = (
                "placement is 'surveyed' (a station dataset's point) or 'stand_in' (an existing "
                "station of the same name standing in for a planned one) when a point is given, "
                "empty when not"
            )
            raise ValueError(msg)
        if self.lon is not None and not (self.source and self.licence):
            msg = "a station point needs its source and licence"
            raise ValueError(msg)
        return self


class RailFile(_Model):
    """``rail_lines.yaml``."""

    lines: tuple[RailLine, ...]


class RoadFile(_Model):
    """``road_projects.yaml``."""

    lines: tuple[RoadLine, ...]


class Unplaceable(_Model):
    """A document item that the network does not place, with the reason."""

    ref: str
    name_zh: str
    seed: str
    line: int
    quote: str
    reason: str


class UnplaceableFile(_Model):
    """``unplaceable.yaml``."""

    items: tuple[Unplaceable, ...]
