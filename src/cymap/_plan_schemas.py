"""Models, reader and cross-file checks of the plans catalogue in ``geodata/plans/``.

The pydantic models use ``extra="forbid"``; the reader turns their errors into messages naming
the file, the item and the field.

Each model checks one item of ``documents.yaml``, ``groupings.yaml``, ``corridors.yaml`` or
``targets.yaml``; :func:`check_catalogue` then checks across files (document ids, grouping ids,
place names) and reports every problem at once.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import names
from ._errors import DataValidationError, UnknownNameError
from ._yaml import read_yaml

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


class NoteReading(_Model):
    """The simplified-Chinese reading of one English note of the data."""

    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)


class NotesFile(_Model):
    """``notes_zh.yaml``: Chinese readings of a folder's English notes, keyed by the text."""

    notes: list[NoteReading]


PLANS_DIR = "plans"
FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "documents": ("documents.yaml", DocumentsFile),
    "groupings": ("groupings.yaml", GroupingsFile),
    "corridors": ("corridors.yaml", CorridorsFile),
    "targets": ("targets.yaml", TargetsFile),
}


@dataclasses.dataclass(frozen=True)
class Catalogue:
    """The validated catalogue. Items keep the order of their files."""

    documents: tuple[Document, ...]
    groupings: tuple[Grouping, ...]
    corridors: tuple[Corridor, ...]
    targets: tuple[Target, ...]
    data_dir: Path

    def document(self, doc_id: str) -> Document:
        """The document with this id (e.g. ``"002"``)."""
        return {d.id: d for d in self.documents}[doc_id]


def name_key(text: str) -> str:
    """Normalised lookup key: no spaces, simplified script, ascii brackets, lower case."""
    return names._normalise(str(text)).replace("（", "(").replace("）", ")").lower()


def _item_label(data: Any, key: str, index: int) -> str:
    try:
        item_id = data[key][index].get("id")
    except (AttributeError, IndexError, KeyError, TypeError):
        item_id = None
    return f"{key}[{index}]" + (f" (id {item_id!r})" if item_id else "")


def read_file(path: Path, key: str, model: type[BaseModel]) -> Any:
    """Parse one YAML file with its model; errors name the file, item and field."""
    data = read_yaml(path, what="plans catalogue file")
    try:
        return getattr(model.model_validate(data), key)
    except ValidationError as err:
        lines = []
        for e in err.errors():
            loc = list(e["loc"])
            where = key
            if len(loc) >= 2 and loc[0] == key and isinstance(loc[1], int):
                where = _item_label(data, key, loc[1])
                loc = loc[2:]
            elif loc and loc[0] == key:
                loc = loc[1:]
            field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)
            got = (
                f" (got {e['input']!r})"
                if "input" in e and not isinstance(e["input"], dict | list)
                else ""
            )
            lines.append(f"{path}: {where}{field}: {e['msg']}{got}")
        msg = "\n".join(lines)
        raise DataValidationError(msg) from err


def check_catalogue(cat: Catalogue, plans_dir: Path) -> None:
    """Cross-file checks; collect every problem, then raise once."""
    problems: list[str] = []
    doc_ids = {d.id for d in cat.documents}
    group_ids = {g.id for g in cat.groupings}

    def evidence(where: str, evs: list) -> None:
        for ev in evs:
            if ev.document not in doc_ids:
                problems.append(
                    f"{where}: evidence.document {ev.document!r} is not in documents.yaml"
                )
            elif cat.document(ev.document).script == "traditional" and not ev.quote_simplified:
                problems.append(f"{where}: evidence from {ev.document} needs quote_simplified")

    def place(where: str, name: str) -> None:
        try:
            names.resolve_adcode(name)
        except UnknownNameError as err:
            problems.append(f"{where}: {err}")

    for fname, items in (
        ("groupings.yaml", cat.groupings),
        ("corridors.yaml", cat.corridors),
        ("targets.yaml", cat.targets),
        ("documents.yaml", cat.documents),
    ):
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                problems.append(f"{plans_dir / fname}: item {i}: duplicate id {item.id!r}")
            seen.add(item.id)
    for i, d in enumerate(cat.documents):
        where = f"{plans_dir / 'documents.yaml'}: documents[{i}] (id {d.id!r})"
        evidence(where, d.evidence)
        for j, name in enumerate(d.covers):
            place(f"{where}.covers[{j}]", name)
    labels: dict[str, str] = {}
    for i, g in enumerate(cat.groupings):
        where = f"{plans_dir / 'groupings.yaml'}: groupings[{i}] (id {g.id!r})"
        evidence(where, g.evidence)
        for key in {name_key(k) for k in (g.id, g.name_zh, *g.aliases)}:
            if key in labels and labels[key] != g.id:
                problems.append(f"{where}: name or alias {key!r} is also used by {labels[key]!r}")
            labels[key] = g.id
        if g.parent and g.parent not in group_ids:
            problems.append(f"{where}.parent: unknown grouping {g.parent!r}")
        problems.extend(
            f"{where}.documents: unknown document {d!r}" for d in g.documents if d not in doc_ids
        )
        for j, m in enumerate(g.members):
            evidence(f"{where}.members[{j}]", [m.evidence])
            place(f"{where}.members[{j}].name", m.name)
            for k, ex in enumerate(m.excludes):
                place(f"{where}.members[{j}].excludes[{k}]", ex)
    for i, c in enumerate(cat.corridors):
        where = f"{plans_dir / 'corridors.yaml'}: corridors[{i}] (id {c.id!r})"
        evidence(where, c.evidence)
        for j, m in enumerate(c.members):
            if m.evidence:
                evidence(f"{where}.members[{j}]", [m.evidence])
            if not m.context_adcode:
                place(f"{where}.members[{j}].name", m.name)
        if c.parent_grouping and c.parent_grouping not in group_ids:
            problems.append(f"{where}.parent_grouping: unknown grouping {c.parent_grouping!r}")
    for i, t in enumerate(cat.targets):
        where = f"{plans_dir / 'targets.yaml'}: targets[{i}] (id {t.id!r})"
        evidence(where, t.evidence)
        if t.grouping and t.grouping not in group_ids:
            problems.append(f"{where}.grouping: unknown grouping {t.grouping!r}")
        dests = t.destinations if isinstance(t.destinations, list) else [t.destinations]
        for field, value in [("origin", t.origin), ("destination", t.destination)] + [
            ("destinations", d) for d in dests
        ]:
            if value and value not in group_ids:
                place(f"{where}.{field}", value)
    if problems:
        raise DataValidationError("\n".join(problems))
