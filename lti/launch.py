"""OIDC login initiation and the checks every launch passes before anything is created.

Login initiation draws a state and a nonce and keeps them in the shared cache (every worker on
every instance sees them), keyed by the state; the launch takes the state back exactly once, and
the id_token's nonce must be the one drawn for it, and is then spent for good (``cache.add``).
"""

import secrets
import time
from dataclasses import dataclass

import jwt
from django.core.cache import cache
from django.utils.translation import gettext as _

from . import claims as c
from . import http, platform_keys
from .models import Platform

STATE_SECONDS = 600  # from the login redirect to the launch
NONCE_SECONDS = 3600  # longer than any token we accept lives
LEEWAY = 60  # seconds of clock difference allowed on iat/exp
STATE_COOKIE = "lti1p3-state"


class LaunchError(Exception):
    """A launch we refuse; the message is shown to the person (HTTP 400 unless ``status`` says otherwise)."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


@dataclass
class Login:
    platform: Platform
    state: str
    nonce: str
    redirect_uri: str
    login_hint: str
    lti_message_hint: str


def find_platform(issuer, client_id):
    """The registration for (issuer, client id); the client id may be left out only if the issuer has one."""
    found = Platform.objects.filter(issuer=issuer, is_active=True)
    if client_id:
        found = found.filter(client_id=client_id)
    found = list(found[:2])
    if len(found) != 1:
        raise LaunchError(_("This learning platform is not registered with DDO Learn (or its client id is missing)."))
    return found[0]


def start_login(params):
    """Check an OIDC login initiation and draw its state and nonce."""
    if not params.get("iss") or not params.get("login_hint") or not params.get("target_link_uri"):
        raise LaunchError(_("The login request lacks the issuer, the login hint or the target link."))
    platform = find_platform(params["iss"], params.get("client_id", ""))
    state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    cache.set(f"lti:state:{state}", {"platform": platform.pk, "nonce": nonce}, STATE_SECONDS)
    return Login(
        platform,
        state,
        nonce,
        params["target_link_uri"],
        params["login_hint"],
        params.get("lti_message_hint", ""),
    )


def peek_state(state):
    """The login's record for ``state`` without spending it (None if unknown or expired)."""
    return cache.get(f"lti:state:{state}") if state else None


def note_storage(state, target):
    """This login also keeps its state in the platform's storage frame ``target`` (lti_storage_target)."""
    record = peek_state(state)
    if record is not None:
        cache.set(f"lti:state:{state}", {**record, "storage": target}, STATE_SECONDS)


def take_state(state):
    """The login's record for ``state``, usable once; LaunchError if unknown, expired or used."""
    key = f"lti:state:{state}"
    record = cache.get(key) if state else None
    if record is None or not cache.delete(key):
        raise LaunchError(_("This launch is unknown or has expired: start it again from your course."))
    return record


def verify_id_token(token, platform, nonce):
    """The id_token's claims once its signature, audience, times, nonce and LTI claims have passed."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.InvalidTokenError:
        raise LaunchError(_("The launch token is not a signed token.")) from None
    if header.get("alg") != "RS256" or not header.get("kid"):
        raise LaunchError(_("The launch token does not name its signing key."))
    try:
        key = platform_keys.public_key(platform, header["kid"])
    except http.PlatformUnreachable:
        raise LaunchError(_("The platform's keys could not be read; try again in a minute."), status=502) from None
    if key is None:
        raise LaunchError(_("The launch token is signed with a key the platform does not publish."))
    try:
        payload = jwt.decode(
            token,
            key,
            algorithms=["RS256"],
            audience=platform.client_id,
            issuer=platform.issuer,
            leeway=LEEWAY,
            options={"require": ["exp", "iat", "iss", "aud"]},
        )
    except jwt.InvalidSignatureError:
        raise LaunchError(_("The launch token's signature is wrong.")) from None
    except jwt.InvalidAudienceError:
        raise LaunchError(_("The launch token is meant for another tool.")) from None
    except jwt.InvalidIssuerError:
        raise LaunchError(_("The launch token comes from another platform.")) from None
    except (jwt.ExpiredSignatureError, jwt.ImmatureSignatureError):
        raise LaunchError(_("The launch token has expired or is not valid yet.")) from None
    except jwt.InvalidTokenError:
        raise LaunchError(_("The launch token is not valid.")) from None
    _check_times(payload)
    _check_audience(payload, platform)
    _check_lti_claims(payload, platform)
    if payload.get("nonce") != nonce:
        raise LaunchError(_("The launch token does not belong to this login."))
    if not cache.add(f"lti:nonce:{platform.pk}:{nonce}", 1, NONCE_SECONDS):
        raise LaunchError(_("This launch was used already."))
    return payload


def _check_times(payload):
    # PyJWT refuses a future iat only with its own rules; say it plainly here.
    if payload["iat"] > time.time() + LEEWAY:
        raise LaunchError(_("The launch token has expired or is not valid yet."))


def _check_audience(payload, platform):
    audience = payload["aud"] if isinstance(payload["aud"], list) else [payload["aud"]]
    azp = payload.get("azp")
    if (len(audience) > 1 or azp is not None) and azp != platform.client_id:
        raise LaunchError(_("The launch token is meant for another tool."))


def _check_lti_claims(payload, platform):
    if payload.get(c.VERSION) != c.LTI_VERSION:
        raise LaunchError(_("Only LTI 1.3.0 launches are supported."))
    message_type = payload.get(c.MESSAGE_TYPE)
    if message_type not in c.MESSAGE_TYPES:
        raise LaunchError(_("This kind of LTI message is not supported."))
    if payload.get(c.DEPLOYMENT_ID) not in platform.deployment_ids:
        raise LaunchError(_("This deployment of DDO Learn is not registered."))
    if not payload.get("sub"):
        raise LaunchError(_("The launch does not say who you are; anonymous launches are not supported."))
    roles = payload.get(c.ROLES)
    if not isinstance(roles, list):
        raise LaunchError(_("The launch does not carry your roles."))
    if not (payload.get(c.CONTEXT) or {}).get("id"):
        raise LaunchError(_("The launch does not name its course."))
    if message_type == c.RESOURCE_LINK_REQUEST and not (payload.get(c.RESOURCE_LINK) or {}).get("id"):
        raise LaunchError(_("The launch does not name its resource link."))
    if message_type == c.DEEP_LINKING_REQUEST:
        if not c.teaches(roles):
            raise LaunchError(_("Only the course's teachers can add DDO Learn activities."), status=403)
        if not (payload.get(c.DL_SETTINGS) or {}).get("deep_link_return_url"):
            raise LaunchError(_("The deep linking request lacks its return address."))
