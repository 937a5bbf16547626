"""deploy/classroom.py: the addresses a classroom allows and prints, by the interface it listens on."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
from classroom import EVERY_INTERFACE, addresses_for, lan_addresses  # noqa: E402 (deploy/classroom.py)


def test_listening_on_one_network_address_allows_that_address():
    # `--host 192.168.1.23`: the students open that address, so it must be allowed (it was a 400 on every page).
    assert addresses_for("192.168.1.23") == ["192.168.1.23"]


def test_listening_on_the_laptop_only_allows_no_network_address():
    assert addresses_for("127.0.0.1") == [] and addresses_for("localhost") == [] and addresses_for("::1") == []


def test_listening_everywhere_allows_the_laptops_network_addresses():
    assert addresses_for(EVERY_INTERFACE) == lan_addresses()
