"""Every call to a platform goes through here: one session, timeouts always."""

import requests

TIMEOUT = (5, 15)  # connect, read (seconds)


class PlatformUnreachable(Exception):
    """A timeout, a refused connection or a 5xx: worth trying again later.

    Its text is the platform's answer (or the connection's error) as it came; ``problem`` (a value of
    lti.models.Problem) names what went wrong, for an explanation in the teacher's language."""

    def __init__(self, answer, problem="unreachable"):
        super().__init__(answer)
        self.problem = problem


class PlatformRefused(Exception):
    """A 4xx: trying again will not help."""

    def __init__(self, status, text, problem="refused"):
        super().__init__(f"{status}: {text[:300]}" if status else text[:300])
        self.status, self.problem = status, problem


def call(method, url, **kwargs):
    try:
        response = requests.request(method, url, timeout=TIMEOUT, **kwargs)
    except requests.RequestException as error:
        raise PlatformUnreachable(str(error)[:300]) from error
    if response.status_code >= 500:
        raise PlatformUnreachable(f"{response.status_code}: {response.text[:300]}")
    if response.status_code >= 400:
        raise PlatformRefused(response.status_code, response.text)
    return response
