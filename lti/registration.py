"""LTI Dynamic Registration: the administrator pastes one URL into the platform, which opens it with its
``openid_configuration`` and a ``registration_token``; we read the platform's configuration, register
ourselves at its registration endpoint, and keep the platform it answers with.

The URL carries a signed one-day token (``manage.py lti_registration_url``) and is good for one
registration: nobody else can register a platform with us by finding the address.
"""

import secrets
from urllib.parse import urlsplit

from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError
from django.utils.translation import gettext as _

from . import claims as c
from . import http
from .models import Platform, origin_of

SALT = "lti.registration"
VALID_SECONDS = 24 * 3600
PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration"
TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"


class RegistrationError(Exception):
    pass


def new_token():
    return signing.dumps(secrets.token_urlsafe(12), salt=SALT)


def check_token(token):
    try:
        signing.loads(token, salt=SALT, max_age=VALID_SECONDS)
    except signing.BadSignature:
        raise RegistrationError(_("This registration link is not valid or has expired: make a new one.")) from None
    if cache.get(f"lti:registered:{token}"):
        raise RegistrationError(_("This registration link was used already: make a new one."))


def platform_configuration(url):
    """The platform's OpenID configuration; its issuer must be the configuration URL's own site."""
    try:
        config = http.call("GET", url).json()
    except (http.PlatformUnreachable, http.PlatformRefused, ValueError):
        raise RegistrationError(_("The platform's configuration could not be read.")) from None
    needed = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint")
    if not all(isinstance(config.get(k), str) for k in needed):
        raise RegistrationError(_("The platform's configuration lacks an address LTI needs."))
    if origin_of(config["issuer"]) != origin_of(url) or urlsplit(config["issuer"]).scheme != "https":
        raise RegistrationError(_("The platform's configuration names another site as its issuer."))
    return config


def tool_configuration(base_url, name):
    launch, login, jwks = f"{base_url}/lti/launch/", f"{base_url}/lti/login/", f"{base_url}/.well-known/jwks.json"
    return {
        "application_type": "web",
        "response_types": ["id_token"],
        "grant_types": ["implicit", "client_credentials"],
        "initiate_login_uri": login,
        "redirect_uris": [launch],
        "client_name": name,
        "jwks_uri": jwks,
        "token_endpoint_auth_method": "private_key_jwt",
        "scope": " ".join([c.SCOPE_SCORE, c.SCOPE_LINEITEM, c.SCOPE_MEMBERSHIPS]),
        TOOL_CONFIGURATION: {
            "domain": urlsplit(base_url).netloc,
            "target_link_uri": launch,
            "claims": ["iss", "sub", "name", "given_name", "family_name", "email"],
            "messages": [{"type": c.DEEP_LINKING_REQUEST, "target_link_uri": launch, "label": name}],
        },
    }


def register(token, config_url, registration_token, base_url):
    """Register with the platform; returns the new Platform. Raises RegistrationError."""
    check_token(token)
    config = platform_configuration(config_url)
    headers = {"Authorization": f"Bearer {registration_token}"} if registration_token else {}
    try:
        answer = http.call(
            "POST", config["registration_endpoint"], json=tool_configuration(base_url, "DDO Learn"), headers=headers
        ).json()
    except (http.PlatformUnreachable, http.PlatformRefused, ValueError) as error:
        raise RegistrationError(_("The platform refused the registration: %(error)s") % {"error": error}) from None
    client_id = answer.get("client_id")
    deployment = (answer.get(TOOL_CONFIGURATION) or {}).get("deployment_id")
    if not client_id:
        raise RegistrationError(_("The platform's answer lacks a client id."))
    product = (config.get(PLATFORM_CONFIGURATION) or {}).get("product_family_code", "")
    if not cache.add(f"lti:registered:{token}", 1, VALID_SECONDS):
        raise RegistrationError(_("This registration link was used already: make a new one."))
    try:
        return Platform.objects.create(
            name=f"{product or urlsplit(config['issuer']).netloc}"[:120],
            issuer=config["issuer"],
            client_id=client_id,
            deployment_ids=[deployment] if deployment else [],
            auth_login_url=config["authorization_endpoint"],
            auth_token_url=config["token_endpoint"],
            key_set_url=config["jwks_uri"],
        )
    except IntegrityError:
        raise RegistrationError(_("This platform is registered already with this client id.")) from None
