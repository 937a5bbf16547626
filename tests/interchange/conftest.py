"""Questions to export, and the IMS schemas to validate the QTI packages against (loaded once a session)."""

import gzip
import json
import os
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT.parent / "shared" / "schemas" / "qti-2.1"
SNAPSHOT = ROOT / "tests" / "snapshots" / "generation.json.gz"


@pytest.fixture(scope="session")
def bank():
    """Every question key of the real content rebuilt with three seeds (the generator's snapshot): {seed: questions}."""
    rebuilt = json.loads(gzip.decompress(SNAPSHOT.read_bytes()))["fixture"]["rebuilt"]
    return {int(seed): questions for seed, questions in rebuilt.items()}


def _schema(relative):
    path = SCHEMAS / relative
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"the IMS schemas are missing on CI: {path}")
        pytest.skip(f"the IMS schemas are not beside the clone: {path}")
    return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture(scope="session")
def qti_schemas():
    """{"item": the QTI 2.1 schema, "manifest": the IMS CP 1.1 schema}."""
    return {"item": _schema("qtiv2p1/imsqti_v2p1.xsd"), "manifest": _schema("imscp_v1p1.xsd")}


@pytest.fixture(scope="session")
def validate(qti_schemas):
    def check(kind, tree):
        qti_schemas[kind].assertValid(tree)

    return check
