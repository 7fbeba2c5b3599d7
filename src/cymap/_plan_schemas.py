"""Pydantic models of the plans catalogue files in ``geodata/plans/`` (``extra="forbid"``).

Each model checks one item of ``documents.yaml``, ``groupings.yaml``, ``corridors.yaml`` or
``targets.yaml``. Cross-file checks (document ids, grouping ids, place names) are done by
:mod:`cymap.plans` after every file has parsed.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_LINE_ID = re.compile(r"^[a-z][a-z0-9_]*_(hsr|railway|intercity|suburban|line|exp)$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Model):
    """Where the text says it: document id, 1-based line and a verbatim quote."""

    document: str
    line: int = Field(ge=1)
    quote: str = Field(min_length=1)
    quote_simplified: str | None = None


class Document(_Model):
    """One planning document in ``../shared/seeds``."""

    id: str = Field(pattern=r"^\d{3}$")
    file: str
    title_zh: str
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None
    script: Literal["simplified", "traditional"]
    doc_type: str
    covers: list[str] = []
    covers_grouping: str | None = None
    evidence: list[Evidence] = Field(min_length=1)
    note: str | None = None


class Member(_Model):
    """One member unit of a grouping, in the words of the text."""

    name: str
    as_written: str | None = None
    membership: Literal["stated", "inferred"] = "stated"
    inferred_reason: str | None = None
    tier: str | None = None
    partial: bool = False
    excludes: list[str] = []
    note: str | None = None
    evidence: Evidence

    @model_validator(mode="after")
    def _reason_for_inferred(self) -> Member:
        if self.membership == "inferred" and not self.inferred_reason:
            msg = "membership 'inferred' needs an inferred_reason"
            raise ValueError(msg)
        return self


class Grouping(_Model):
    """A named spatial grouping (metropolitan area, tier, zone …) and its members."""

    id: str
    name_zh: str
    name_en: str
    aliases: list[str] = []
    kind: Literal[
        "plan_scope",
        "metropolitan_area",
        "core",
        "tier",
        "planning_zone",
        "integration_region",
        "cooperation_zone",
        "wing",
        "platform",
        "unenumerated",
    ]
    enumerated: bool = True
    open_list: bool = False
    inferred: bool = False
    inferred_reason: str | None = None
    parent: str | None = None
    documents: list[str] = Field(min_length=1)
    evidence: list[Evidence] = Field(min_length=1)
    note: str | None = None
    members: list[Member] = []

    @field_validator("id")
    @classmethod
    def _ascii_id(cls, value: str) -> str:
        if not _ID.match(value):
            msg = f"id {value!r} must be lowercase ascii (letters, digits, _), e.g. 'cq_metro'"
            raise ValueError(msg)
        return value

    @model_validator(mode="after")
    def _members_match_enumerated(self) -> Grouping:
        if self.enumerated and not self.members:
            msg = "an enumerated grouping needs members (or set enumerated: false)"
            raise ValueError(msg)
        if not self.enumerated and self.members:
            msg = "a grouping with enumerated: false must not list members (do not guess them)"
            raise ValueError(msg)
        if self.inferred and not self.inferred_reason:
            msg = "inferred: true needs an inferred_reason"
            raise ValueError(msg)
        return self


class CorridorMember(_Model):
    """One place on a corridor, in order."""

    name: str
    as_written: str | None = None
    role: Literal["origin"] | None = None
    context_adcode: str | None = Field(default=None, pattern=r"^\d{6}$")
    note: str | None = None
    evidence: Evidence | None = None


class Corridor(_Model):
    """A development axis, belt or radial corridor: ordered places and carrier lines."""

    id: str
    name_zh: str
    name_en: str
    aliases: list[str] = []
    kind: Literal["axis", "belt", "radial_corridor"]
    direction: str | None = None
    parent: str | None = None
    parent_grouping: str | None = None
    components: list[str] = []
    route_stated: bool = True
    members: list[CorridorMember] = Field(min_length=2)
    carriers: list[str] = []
    carrier_notes: str | None = None
    documents: list[str] = Field(min_length=1)
    evidence: list[Evidence] = Field(min_length=1)
    note: str | None = None

    @field_validator("id")
    @classmethod
    def _ascii_id(cls, value: str) -> str:
        if not _ID.match(value):
            msg = f"id {value!r} must be lowercase ascii (letters, digits, _)"
            raise ValueError(msg)
        return value

    @field_validator("carriers")
    @classmethod
    def _line_ids(cls, value: list[str]) -> list[str]:
        bad = [v for v in value if not _LINE_ID.match(v)]
        if bad:
            msg = (
                f"carrier ids {bad} are not line ids (lowercase ascii ending in _hsr, _railway, "
                "_intercity, _suburban, _line or _exp); put other carriers in carrier_notes"
            )
            raise ValueError(msg)
        return value


class Target(_Model):
    """A time or size target in machine-readable form (see contracts: Target schema)."""

    id: str
    name_zh: str
    kind: Literal["reach", "pair", "size"]
    year: int | None = None
    max_minutes: float | None = Field(default=None, gt=0)
    origin: str | None = None
    destinations: str | list[str] | None = None
    destination: str | None = None
    measure: Literal["door_to_door", "in_vehicle"] | None = None
    grouping: str | None = None
    area_km2: float | None = Field(default=None, gt=0)
    population: int | None = Field(default=None, gt=0)
    checkable: bool = True
    evidence: list[Evidence] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Target:
        need = {
            "reach": ["max_minutes", "measure"]
            + (["origin", "destinations"] if self.checkable else []),
            "pair": ["max_minutes", "measure", "origin", "destination"],
            "size": ["grouping", "area_km2", "population", "year"],
        }[self.kind]
        missing = [name for name in need if getattr(self, name) is None]
        if missing:
            msg = f"a {self.kind!r} target needs {', '.join(missing)}"
            raise ValueError(msg)
        return self


class DocumentsFile(_Model):
    """``documents.yaml``."""

    documents: list[Document]


class GroupingsFile(_Model):
    """``groupings.yaml``."""

    groupings: list[Grouping]


class CorridorsFile(_Model):
    """``corridors.yaml``."""

    corridors: list[Corridor]


class TargetsFile(_Model):
    """``targets.yaml``."""

    targets: list[Target]
