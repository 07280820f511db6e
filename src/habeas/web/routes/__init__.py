"""Routes by resource: each module has view functions returning dicts and thin routes."""
