"""Imports every extractor module so that each registers itself."""

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
)

for _name in _MODULES:
    try:
        importlib.import_module(f"habeas.extract.{_name}")
    except ModuleNotFoundError as exc:  # a component not written yet is simply absent
        if exc.name != f"habeas.extract.{_name}":
            raise
