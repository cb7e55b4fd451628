"""Keys shared by the Open Badges tests; generating them once keeps the folder fast."""

from __future__ import annotations

import pytest
from joserfc.jwk import ECKey, OKPKey, RSAKey


@pytest.fixture(scope="session")
def rsa_key() -> RSAKey:
    return RSAKey.generate_key(2048)


@pytest.fixture(scope="session")
def other_rsa_key() -> RSAKey:
    return RSAKey.generate_key(2048)


@pytest.fixture(scope="session")
def ec_key() -> ECKey:
    return ECKey.generate_key("P-256")


@pytest.fixture(scope="session")
def other_ec_key() -> ECKey:
    return ECKey.generate_key("P-256")


@pytest.fixture(scope="session")
def ed_key() -> OKPKey:
    return OKPKey.generate_key("Ed25519")
