"""Headers of the page tables: the data's column codes named in the page's language."""

from __future__ import annotations

import pandas as pd

#: English headers of the page tables (those of :mod:`cymap.tables`, the source tables of
#: :mod:`cymap.tables.sources` included). The tables keep the data's own column names when no
#: language is given (exports, the command line).
EN_HEADERS = {
    "adcode": "Adcode",
    "name_zh": "Name",
    "tier": "Tier",
    "membership": "Basis",
    "partial": "Partly included",
    "quote": "Quote",
    "source": "Source",
    "line": "Line",
    "note": "Note",
    "area_km2": "Area km²",
    "population_2020": "Population 2020",
    "level": "Level",
    "side": "Side",
    "minutes": "Minutes",
    "kind": "Kind",
    "members": "Places (in order)",
    "carriers": "Carrier lines",
    "carrier_notes": "Other carriers",
    "documents": "Documents",
    "item": "Item",
    "document": "Document",
    "target": "Target",
    "year": "Year",
    "limit_min": "Limit (min)",
    "open_in_scenario": "Open in the scenario",
    "delta_population": "Population brought within",
    "delta_km2": "Area brought within (km²)",
    "population_faster": "Population with shorter trips",
    "minutes_saved_per_person": "Mean saving (min)",
    "units_crossing": "Units whose seat comes within",
    "share_area_within": "Area within the limit (%)",
    "share_population_within": "Population within the limit (%)",
    "measure": "Time counted",
    "as_stated": "As the plan reads it",
    "passes": "Met",
    "units_checked": "Units checked",
    "units_passing": "Units passing",
    "failing": "Failing (min)",
    "id": "No.",
    "title": "Title",
    "issuer": "Issuer",
    "doc_number": "Document number",
    "date": "Date",
    "script": "Script",
    "file": "File",
    "dataset": "Dataset",
    "version": "Version",
    "licence": "Licence",
    "use": "Use",
    "line_id": "Line id",
    "mode": "Mode",
    "status": "Status",
    "open_year": "Opening year",
    "design_speed_kph": "Design speed (km/h)",
    "length_km": "Length (km)",
    "ref": "Ref.",
    "seed": "Document",
    "reason": "Reason",
    "parameter": "Parameter",
    "default": "Default",
    "meaning": "Meaning",
    "within": "Within the limit",
    "minutes_base": "Baseline (min)",
    "minutes_other": "Scenario (min)",
    "minutes_saved": "Saved (min)",
    "reached": "Reached",
    "via": "Fastest way via",
    "via_scenario": "Scenario's fastest way via",
    "in_vehicle_min": "Of which in vehicles (min)",
    "other_min": "Of which access, waits, transfers (min)",
    "n_members": "Members",
    "stated_area_km2": "Stated area km²",
    "stated_population": "Stated population",
    "stated_year": "Stated for",
    "stated_source": "Source of the stated figures",
}


def page_headers(table: pd.DataFrame, lang: str | None, zh: dict[str, str]) -> pd.DataFrame:
    """``table`` with the page's headers: ``zh`` in Chinese, :data:`EN_HEADERS` in English."""
    if lang == "zh":
        return table.rename(columns=zh)
    if lang == "en":
        return table.rename(columns=EN_HEADERS)
    return table
