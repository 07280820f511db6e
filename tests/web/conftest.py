"""Web fixtures: the app built by create_app with the parametrised ``services`` injected."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from habeas.services.context import Services

warnings.filterwarnings("ignore", category=DeprecationWarning)

@pytest.fixture
def client(services: Services) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from habeas.web import create_app

    app = create_app(services.settings, services=services)
    with TestClient(app) as test_client:
        yield test_client
