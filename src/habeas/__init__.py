"""Habeas: a sourced, reviewable database of immigration-detention facts.

Data flows one way: sources -> ingest -> extract -> store -> review -> publish.
"""

__version__ = "0.1.0"
