"""What-if modifications of a scenario, saved and shared as YAML.

Change a line's service, speed or opening year, remove or add stops, draw a new line, add a
road link.

A scenario plan is a baseline (year preset, period, service) plus an ordered list of
modifications. :func:`plan_scenario` turns it into a :class:`cymap.scenarios.Scenario` whose
``modifications`` the engine applies to the shared graph's edge list for that scenario only
(``cymap._graph``), so two users' plans never affect each other.

Examples
--------
>>> from cymap import modifications as mods
>>> plan = mods.ScenarioPlan.model_validate(
...     {"baseline": {"year": "today"},
...      "modifications": [{"kind": "headway", "line": "jiangtiao_line", "peak": 5}]})
>>> mods.plan_scenario(plan).modifications[0].peak
5.0
"""

from __future__ import annotations

import base64
import functools
import zlib
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from . import network, scenarios
from ._errors import CymapError, DataValidationError, UnknownNameError
from ._network_schema import RailMode


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Headway(_Model):
    """Run a line every ``peak`` / ``offpeak`` minutes at every stop."""

    kind: Literal["headway"]
    line: str
    peak: float = Field(gt=0)
    offpeak: float | None = Field(default=None, gt=0)


class Speed(_Model):
    """Run a line faster or slower: a new operating speed, or a new end-to-end run time."""

    kind: Literal["speed"]
    line: str
    speed_kph: float | None = Field(default=None, gt=0, le=600)
    run_minutes: float | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _one(self) -> Speed:
        if (self.speed_kph is None) == (self.run_minutes is None):
            msg = "give speed_kph or run_minutes (one of them)"
            raise ValueError(msg)
        return self


class OpenYear(_Model):
    """Open a line in another year (it opens when the scenario year reaches it)."""

    kind: Literal["open_year"]
    line: str
    year: int = Field(ge=1950, le=2100)


class RemoveStops(_Model):
    """Trains of a line pass these stations without stopping."""

    kind: Literal["remove_stops"]
    line: str
    stations: tuple[str, ...] = Field(min_length=1)


class Stop(_Model):
    """A stop of a new line, or a new stop.

    A station of the network, a unit's seat (``unit`` alone), or a point (``lon``/``lat``)
    in a unit of the region.
    """

    station: str | None = None
    unit: str | None = None
    lon: float | None = None
    lat: float | None = None

    @model_validator(mode="after")
    def _placed(self) -> Stop:
        if self.station is None and self.unit is None and self.lon is None:
            msg = "a stop needs a station, a unit or a point (lon, lat)"
            raise ValueError(msg)
        if (self.lon is None) != (self.lat is None):
            msg = "give both lon and lat"
            raise ValueError(msg)
        return self


class AddStop(_Model):
    """A new stop on a line, between the station ``after`` and the next one."""

    kind: Literal["add_stop"]
    line: str
    after: str
    stop: Stop


class NewLine(_Model):
    """A new rail line through ordered stops."""

    kind: Literal["new_line"]
    name_zh: str = Field(min_length=1)
    mode: RailMode
    stops: tuple[Stop, ...] = Field(min_length=2)
    speed_kph: float | None = Field(default=None, gt=0, le=600)
    run_minutes: float | None = Field(default=None, gt=0)
    peak: float = Field(gt=0)
    offpeak: float | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _speed(self) -> NewLine:
        if (self.speed_kph is None) == (self.run_minutes is None):
            msg = "give speed_kph or run_minutes (one of them)"
            raise ValueError(msg)
        return self


class RoadLink(_Model):
    """A new expressway link between two units (seat to seat)."""

    kind: Literal["road_link"]
    name_zh: str = "新道路连接"
    from_unit: str
    to_unit: str
    speed_kph: float = Field(gt=0, le=150)


Modification = Annotated[
    Headway | Speed | OpenYear | RemoveStops | AddStop | NewLine | RoadLink,
    Field(discriminator="kind"),
]


class Baseline(_Model):
    """The locked baseline of a plan: a year or preset, the period and the service pattern."""

    year: str = "today"
    period: Literal["peak", "offpeak"] = "peak"
    service: Literal["today", "plan"] = "today"


class ScenarioPlan(_Model):
    """A scenario file: a name, the baseline and the ordered modifications."""

    cymap_scenario: Literal[1] = 1
    name: str = ""
    baseline: Baseline = Baseline()
    modifications: tuple[Modification, ...] = ()


def read_plan(path: str | Path) -> ScenarioPlan:
    """Read and check a scenario file (YAML).

    Raises
    ------
    DataValidationError
        Naming the file, the field (``modifications[2].peak``) and the problem, for every
        problem at once; the data the file names (lines, stations, units) are checked too.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        msg = f"{path}: cannot read the scenario file ({err.strerror})"
        raise DataValidationError(msg) from err
    return parse_plan(text, source=str(path))


@functools.lru_cache(maxsize=256)
def plan_from_text(text: str) -> ScenarioPlan:
    """:func:`parse_plan` cached by the text (the pages' state carries the plan as YAML)."""
    return parse_plan(text, source="scenario")


def parse_plan(text: str, *, source: str = "scenario file") -> ScenarioPlan:
    """A scenario plan from YAML text (see :func:`read_plan`)."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as err:
        msg = f"{source}: not YAML ({err})"
        raise DataValidationError(msg) from err
    try:
        plan = ScenarioPlan.model_validate(raw or {})
    except ValidationError as err:
        problems = []
        for e in err.errors():
            parts = [p for p in e["loc"] if not (isinstance(p, str) and p in _KINDS)]
            where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)
            problems.append(f"{where.lstrip('.') or 'file'}: {e['msg']}")
        msg = f"{source}: " + "; ".join(problems)
        raise DataValidationError(msg) from err
    check_plan(plan, source=source)
    return plan


_KINDS = {"headway", "speed", "open_year", "remove_stops", "add_stop", "new_line", "road_link"}


def check_plan(plan: ScenarioPlan, *, source: str = "scenario") -> None:
    """Check the names a plan uses against the network and the region.

    Raises
    ------
    DataValidationError
        Naming the modification and the field: an unknown line (with near matches), a
        station the line does not stop at, a unit not in the region, a point outside it.
    """
    problems = []
    try:
        scenarios.for_year(plan.baseline.year)
    except CymapError as err:
        problems.append(f"baseline.year: {err}")
    net = network.load_network()
    for i, mod in enumerate(plan.modifications):
        where = f"modifications[{i}] ({mod.kind})"
        line = getattr(mod, "line", None)
        if line is not None:
            try:
                line_id = network.resolve_line_id(line)
            except CymapError as err:
                problems.append(f"{where}.line: {err}")
                continue
            stations = {s.station for s in net.stops.get(line_id, ())}
            named = list(getattr(mod, "stations", ())) + (
                [mod.after] if isinstance(mod, AddStop) else []
            )
            missing = [s for s in named if s not in stations]
            if missing:
                problems.append(
                    f"{where}: {line_id} has no stop {missing}; its stops: {sorted(stations)}"
                )
            if isinstance(mod, RemoveStops | AddStop) and line_id not in net.stops:
                problems.append(f"{where}.line: {line_id} is a road; stops belong to rail lines")
        stops = getattr(mod, "stops", ()) or ((mod.stop,) if isinstance(mod, AddStop) else ())
        for k, stop in enumerate(stops):
            problem = _stop_problem(stop, net)
            if problem:
                field = "stop" if isinstance(mod, AddStop) else f"stops[{k}]"
                problems.append(f"{where}.{field}: {problem}")
        for field in ("from_unit", "to_unit"):
            value = getattr(mod, field, None)
            if value is not None:
                try:
                    network.place_adcodes(value)
                except UnknownNameError as err:
                    problems.append(f"{where}.{field}: {err}")
    if problems:
        msg = f"{source}: " + "; ".join(problems)
        raise DataValidationError(msg)


def _stop_problem(stop: Stop, net: network.NetworkData) -> str | None:
    if stop.lon is not None:
        if network.county_of_point(stop.lon, stop.lat) is None:
            return f"the point ({stop.lon}, {stop.lat}) lies outside the region"
        return None
    if stop.station is not None and stop.unit is None:
        known = {s.station for stops in net.stops.values() for s in stops}
        if stop.station not in known:
            return f"no station {stop.station!r} in the network; give its unit or a point"
        return None
    try:
        network.place_adcodes(stop.unit)
    except UnknownNameError as err:
        return str(err)
    return None


def plan_scenario(plan: ScenarioPlan) -> scenarios.Scenario:
    """The scenario of a plan: its baseline with the modifications attached."""
    base = scenarios.for_year(
        plan.baseline.year, period=plan.baseline.period, service=plan.baseline.service
    )
    return base.modified(plan.modifications)


def dump_plan(plan: ScenarioPlan) -> str:
    """A plan as YAML text (what the page's download writes and :func:`parse_plan` reads)."""
    data = plan.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


#: Longest scenario a link may carry (characters of the URL value); longer plans are shared
#: as files.
MAX_LINK_CHARS = 4000


def encode_link(plan: ScenarioPlan) -> str:
    """A plan as a compact URL value (zlib-compressed YAML, URL-safe base64).

    Raises
    ------
    DataValidationError
        When the plan is too long for a link (:data:`MAX_LINK_CHARS`): save it as a file.
    """
    packed = base64.urlsafe_b64encode(zlib.compress(dump_plan(plan).encode("utf-8"), 9))
    text = packed.decode("ascii").rstrip("=")
    if len(text) > MAX_LINK_CHARS:
        msg = (
            f"the scenario is too long for a link ({len(text)} > {MAX_LINK_CHARS} characters); "
            "download it as a file and share the file"
        )
        raise DataValidationError(msg)
    return text


def decode_link(text: str) -> ScenarioPlan:
    """The plan of a link value (:func:`encode_link`), checked like a file.

    Raises
    ------
    DataValidationError
        When the value is not a scenario link or the plan in it is not valid.
    """
    if len(text) > MAX_LINK_CHARS:
        msg = f"the scenario link is longer than {MAX_LINK_CHARS} characters"
        raise DataValidationError(msg)
    try:
        raw = zlib.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (ValueError, zlib.error) as err:
        msg = "the link's scenario cannot be read (cut short or changed?)"
        raise DataValidationError(msg) from err
    return plan_from_text(raw.decode("utf-8"))
