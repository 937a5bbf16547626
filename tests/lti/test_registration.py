"""LTI Dynamic Registration: one pasted URL registers the platform; a link works once and only when signed."""

import io
import json

import responses
from django.core.management import call_command

from lti.models import Platform
from lti.registration import TOOL_CONFIGURATION

CONFIG_URL = "https://moodle.school.test/mod/lti/openid-configuration.php"
REGISTER_URL = "https://moodle.school.test/mod/lti/openid-registration.php"
CONFIG = {
    "issuer": "https://moodle.school.test",
    "authorization_endpoint": "https://moodle.school.test/mod/lti/auth.php",
    "token_endpoint": "https://moodle.school.test/mod/lti/token.php",
    "jwks_uri": "https://moodle.school.test/mod/lti/certs.php",
    "registration_endpoint": REGISTER_URL,
    "https://purl.imsglobal.org/spec/lti-platform-configuration": {"product_family_code": "moodle"},
}


def registration_path():
    out = io.StringIO()
    call_command("lti_registration_url", "https://ddo.example", stdout=out)
    url = out.getvalue().strip()
    assert url.startswith("https://ddo.example/lti/register/")
    return url.removeprefix("https://ddo.example")


def serve_platform(mock, asked):
    mock.add(responses.GET, CONFIG_URL, json=CONFIG)

    def register(request):
        asked.append((request.headers.get("Authorization"), json.loads(request.body)))
        return 200, {}, json.dumps({"client_id": "dyn-client", TOOL_CONFIGURATION: {"deployment_id": "7"}})

    mock.add_callback(responses.POST, REGISTER_URL, callback=register)


def test_a_pasted_url_registers_the_platform_once(client, mock, db):
    asked = []
    serve_platform(mock, asked)
    path = registration_path()
    query = {"openid_configuration": CONFIG_URL, "registration_token": "reg-token"}
    page = client.get(path, query)
    assert page.status_code == 200 and 'name="openid_configuration"' in page.content.decode()
    assert not Platform.objects.exists()  # nothing until the administrator confirms
    done = client.post(path, query)
    assert done.status_code == 200 and "lti/registered.js" in done.content.decode()
    platform = Platform.objects.get()
    assert (platform.issuer, platform.client_id, platform.deployment_ids) == (CONFIG["issuer"], "dyn-client", ["7"])
    assert platform.key_set_url == CONFIG["jwks_uri"] and platform.auth_token_url == CONFIG["token_endpoint"]
    authorization, body = asked[0]
    assert authorization == "Bearer reg-token"
    assert body["initiate_login_uri"].endswith("/lti/login/") and body["jwks_uri"].endswith("/.well-known/jwks.json")
    assert body[TOOL_CONFIGURATION]["messages"][0]["type"] == "LtiDeepLinkingRequest"
    again = client.post(path, query)
    assert again.status_code == 400 and "used already" in again.content.decode()
    assert Platform.objects.count() == 1


def test_a_made_up_registration_link_is_refused(client, mock, db):
    response = client.post("/lti/register/not-signed/", {"openid_configuration": CONFIG_URL})
    assert response.status_code == 400 and "not valid" in response.content.decode()
    assert not Platform.objects.exists()


def test_a_configuration_naming_another_issuer_is_refused(client, mock, db):
    mock.add(responses.GET, CONFIG_URL, json={**CONFIG, "issuer": "https://evil.test"})
    response = client.post(registration_path(), {"openid_configuration": CONFIG_URL, "registration_token": "t"})
    assert response.status_code == 400 and "another site" in response.content.decode()
    assert not Platform.objects.exists()
