"""Password spraying (issue 17, finding 4): lockouts count per username and address, so one
address could try a few passwords on every account. A wider limit on failed logins per address,
across usernames, stops that, and is wide enough for a class behind one school address."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.test import Client

from tests.conftest import PASSWORD, make_user
from tests.security.test_logins import CountingHasher

LOGIN = "/en/accounts/login/"
ADMIN_LOGIN = "/en/admin/login/"


def accounts(prefix, count):
    """``count`` pupils who share one password (one hash: make_password per user is the slow part)."""
    password = make_password(PASSWORD)
    users = [get_user_model()(username=f"{prefix}{n:02d}", password=password) for n in range(count)]
    return get_user_model().objects.bulk_create(users)


def post(client, username, password, url=LOGIN, **extra):
    return client.post(url, {"username": username, "password": password}, **extra).status_code


def signed_in(client):
    return "_auth_user_id" in client.session


# --- With the real defaults ----------------------------------------------------


def test_a_class_of_forty_on_one_address_who_each_mistype_twice_all_sign_in(db):
    pupils = {pupil.username: Client() for pupil in accounts("sinif", 40)}
    # The worst order for a per-address count: every typo first, then every right password.
    typos = [post(client, username, "yanlis") for username, client in pupils.items() for _ in range(2)]
    assert typos == [200] * 80
    logins = [post(client, username, PASSWORD) for username, client in pupils.items()]
    assert logins == [302] * 40
    assert all(signed_in(client) for client in pupils.values())


def test_spraying_a_few_passwords_over_many_accounts_from_one_address_meets_429(client, db):
    victims = accounts("hedef", 80)
    guesses = [(victim.username, password) for password in ("123456", "sifre123", "qwerty") for victim in victims]
    statuses = []
    for username, password in guesses:  # 240 wrong logins, 3 per account: below the per-username lockout
        statuses.append(post(client, username, password))
        if statuses[-1] == 429:
            break
    assert 429 in statuses, "240 wrong logins over 80 accounts from one address were all answered"
    first = statuses.index(429)
    assert 80 < first < 240  # more than a class's typos; a sprayer gets a few hundred tries at most
    assert set(statuses[:first]) == {200}
    # From then on the address is refused whatever the account and password, a right one included.
    assert post(client, "hedef00", PASSWORD) == 429
    assert post(client, "hedef79", "123456") == 429
    assert not signed_in(client)


# --- The mechanism, with a small limit -----------------------------------------


@pytest.fixture
def five_per_address(settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 5


def spray(client, count, url=LOGIN, **extra):
    return [post(client, f"yok{n}", "wrong", url, **extra) for n in range(count)]


def test_the_address_is_paused_without_checking_any_password(client, student, five_per_address, settings):
    settings.PASSWORD_HASHERS = ["tests.security.test_logins.CountingHasher"]
    make_user("sahibi")  # hashed before counting starts
    CountingHasher.verified = 0
    assert spray(client, 5) == [200] * 5
    checked = CountingHasher.verified
    wrong = client.post(LOGIN, {"username": "ogrenci", "password": "wrong"})
    right = client.post(LOGIN, {"username": "ogrenci", "password": PASSWORD})
    assert wrong.status_code == right.status_code == 429
    assert wrong.content == right.content
    assert CountingHasher.verified == checked
    assert not signed_in(client)


def test_other_addresses_still_sign_in(client, student, five_per_address):
    spray(client, 5, REMOTE_ADDR="10.0.0.1")
    assert post(client, "ogrenci", PASSWORD, REMOTE_ADDR="10.0.0.1") == 429
    assert post(client, "ogrenci", PASSWORD, REMOTE_ADDR="10.0.0.2") == 302


def test_the_admin_login_counts_and_is_refused_too(client, editor, five_per_address):
    assert spray(client, 3, ADMIN_LOGIN) == [200] * 3
    assert spray(client, 2) == [200] * 2
    assert post(client, "editor", PASSWORD, ADMIN_LOGIN) == 429
    assert post(client, "editor", PASSWORD) == 429


def test_a_sprayer_behind_a_trusted_proxy_cannot_pose_as_many_addresses(client, student, five_per_address, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        forwarded = f"1.1.1.{n}, 198.51.100.7"  # the left part is the client's own writing
        assert post(client, f"yok{n}", "wrong", HTTP_X_FORWARDED_FOR=forwarded) == 200
    assert post(client, "ogrenci", PASSWORD, HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.7") == 429
    assert post(client, "ogrenci", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.8") == 302


def test_a_sprayer_on_ipv6_cannot_walk_through_the_addresses_of_its_own_network(client, student, five_per_address):
    # A home or school line gets a whole /64: 2**64 addresses, one network.
    for n in range(1, 6):
        assert post(client, f"yok{n}", "wrong", REMOTE_ADDR=f"2001:db8:1:2::{n:x}") == 200
    assert post(client, "ogrenci", PASSWORD, REMOTE_ADDR="2001:db8:1:2:ffff::9") == 429
    assert post(client, "ogrenci", PASSWORD, REMOTE_ADDR="2001:db8:1:3::1") == 302


def test_ipv4_clients_seen_on_an_ipv6_socket_are_still_one_address_each(client, student, five_per_address):
    spray(client, 5, REMOTE_ADDR="::ffff:198.51.100.7")
    assert post(client, "ogrenci", PASSWORD, REMOTE_ADDR="198.51.100.7") == 429
    assert post(client, "ogrenci", PASSWORD, REMOTE_ADDR="::ffff:198.51.100.8") == 302


def test_a_sprayers_own_login_does_not_clear_the_addresss_count(client, student, five_per_address):
    assert spray(client, 4) == [200] * 4
    assert post(client, "ogrenci", PASSWORD) == 302  # clears this pupil's failures only
    client.post("/en/accounts/logout/")
    assert spray(client, 1) == [200]
    assert post(client, "diger", "wrong") == 429


def test_failures_older_than_the_cool_off_no_longer_count(client, student, five_per_address, settings):
    spray(client, 5)
    assert post(client, "ogrenci", PASSWORD) == 429
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - settings.AXES_COOLOFF_TIME)
    assert post(client, "ogrenci", PASSWORD) == 302


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ["Too many failed logins from your network", "are paused", "15 minutes, after"]),
        ("tr", ["Ağınızdan birçok kullanıcı adıyla çok fazla başarısız", "durduruldu", "15 dakika sonra, saat"]),
    ],
)
def test_the_page_says_the_whole_network_is_paused_and_until_when(client, db, five_per_address, language, texts):
    url = f"/{language}/accounts/login/"
    spray(client, 5, url)
    response = client.post(url, {"username": "baska", "password": "wrong"})
    assert response.status_code == 429
    page = " ".join(response.content.decode().split())
    for text in texts:
        assert text in page
    assert "can still log in" not in page and "devam edebilir" not in page
