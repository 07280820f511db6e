"""Imports every extractor module so that each registers itself.

A module that fails to import is an error, not a silently missing extractor.
"""

import importlib

_MODULES = (
    "statistics",
    "profile_tables",
    "table_statistics",
    "treaties",
    "statuses",
    "laws",
    "cases",
    "events",
    "facilities",
    "institutions",
    "recommendations",
    "scored",
)

for _name in _MODULES:
    importlib.import_module(f"habeas.extract.{_name}")
