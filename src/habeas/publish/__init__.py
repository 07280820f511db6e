"""Country data profiles: assemble reviewed facts, render them (HTML, PDF, charts), export them."""
