"""The LTI 1.3 claim names and vocabularies (pure: no Django)."""

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
VERSION = LTI + "version"
MESSAGE_TYPE = LTI + "message_type"
DEPLOYMENT_ID = LTI + "deployment_id"
ROLES = LTI + "roles"
CONTEXT = LTI + "context"
RESOURCE_LINK = LTI + "resource_link"
CUSTOM = LTI + "custom"
TARGET_LINK_URI = LTI + "target_link_uri"
LAUNCH_PRESENTATION = LTI + "launch_presentation"
AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
DL_SETTINGS = DL + "deep_linking_settings"
DL_CONTENT_ITEMS = DL + "content_items"
DL_DATA = DL + "data"

LTI_VERSION = "1.3.0"
RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest"
DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest"
DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse"
MESSAGE_TYPES = (RESOURCE_LINK_REQUEST, DEEP_LINKING_REQUEST)

SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
SCOPE_MEMBERSHIPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"

# Roles that teach: the context roles (full URI or the short form platforms also send) and the
# institution roles a platform's administrators carry.
_TEACHING = ("Instructor", "Administrator", "ContentDeveloper", "TeachingAssistant")
_LEARNING = ("Learner", "Student")


MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership"


def _role_names(roles):
    """The course roles by name: '...lis/v2/membership#Instructor' (or the short 'Instructor') -> Instructor.

    Only course (membership) roles count: an institution role ('...institution/person#Instructor')
    says what someone is elsewhere in the school, not in this course.
    """
    names = set()
    for role in roles:
        role = str(role)
        if role.startswith(MEMBERSHIP) or ":" not in role:
            names.add(role.rsplit("#", 1)[-1])
    return names


def teaches(roles):
    return bool(_role_names(roles) & set(_TEACHING))


def learns(roles):
    return bool(_role_names(roles) & set(_LEARNING))


OUR_LANGUAGES = ("tr", "en")


def language_of(payload):
    """The launch's locale ('en-GB', 'tr_TR') as one of our languages, or None."""
    locale = str((payload.get(LAUNCH_PRESENTATION) or {}).get("locale", "")).lower()
    language = locale.replace("_", "-").split("-")[0]
    return language if language in OUR_LANGUAGES else None
