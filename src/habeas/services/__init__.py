"""Use cases: the only layer that combines ingest, extract and store."""
