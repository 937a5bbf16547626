"""The simulated users of bench_cluster.py and bench_classroom.py: threads of plain HTTP clients
(the standard library's http.client, one keep-alive connection each) that do what a browser does
on this site: sign in, start a quiz, answer it with an autosave after every answer (retried when it
fails, as static/js/quiz.js leaves the answer to be saved again), submit, read the result.

Each client records what it sent last for every attempt, so that the database can be checked
afterwards (``consistency``): every answer sent is stored, every score equals its marks, no
attempt is duplicated.
"""

import http.client
import re
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from statistics import quantiles
from urllib.parse import urlencode, urlsplit

RETRIES = 8


class Stats:
    """Latencies and errors, per phase (before and after an instance is killed)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.phase = "all"
        self.rows = {}  # phase -> {"latencies": [...], "errors": n, "retries": n, "start": t, "end": t}

    def record(self, seconds, ok, retried=False):
        with self.lock:
            row = self.rows.setdefault(
                self.phase, {"latencies": [], "errors": 0, "retries": 0, "start": time.monotonic(), "end": 0}
            )
            row["latencies"].append(seconds)
            row["errors"] += not ok
            row["retries"] += retried
            row["end"] = time.monotonic()

    def report(self):
        lines = []
        for phase, row in self.rows.items():
            lat = sorted(row["latencies"])
            span = max(row["end"] - row["start"], 1e-9)
            p50, p95 = (quantiles(lat, n=100)[49], quantiles(lat, n=100)[94]) if len(lat) > 2 else (0, 0)
            lines.append(
                f"{phase:<34} {len(lat):6d} requests  {len(lat) / span:7.1f} req/s  p50 {p50 * 1000:6.0f} ms"
                f"  p95 {p95 * 1000:6.0f} ms  errors {row['errors']}  retried {row['retries']}"
            )
        return "\n".join(lines)


@dataclass
class Attempt:
    username: str
    public_id: str
    fields: list = field(default_factory=list)  # the last form sent: [(name, value), ...]
    submitted: bool = False


class Browser:
    def __init__(self, host, port, stats, host_header=None):
        self.host, self.port, self.stats = host, port, stats
        self.host_header = host_header or f"{host}:{port}"
        self.cookies = {}
        self.connection = None

    def request(self, method, path, form=None, *, retry=False):
        """(status, location, body); with ``retry``, a refused connection or a 5xx is tried again."""
        for attempt in range(RETRIES if retry else 1):
            started = time.monotonic()
            try:
                status, location, body = self._once(method, path, form)
            except (OSError, http.client.HTTPException):
                self.connection = None
                status, location, body = 0, "", ""
            failed = status == 0 or status >= 500
            self.stats.record(time.monotonic() - started, ok=not failed, retried=attempt > 0)
            if not failed or not retry:
                return status, location, body
            time.sleep(0.3 * (attempt + 1))
        return status, location, body

    def _once(self, method, path, form):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=90)  # a phone waits as long
        headers = {"Host": self.host_header}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
            self.connection = None
        return response.status, urlsplit(response.getheader("Location", "")).path, text

    def csrf(self):
        return self.cookies.get("csrftoken", "")

    def log_in(self, username, password):
        self.request("GET", "/en/accounts/login/", retry=True)
        form = {"username": username, "password": password, "csrfmiddlewaretoken": self.csrf()}
        status, location, _ = self.request("POST", "/en/accounts/login/", form, retry=True)
        if status != 302:
            raise RuntimeError(f"{username} could not log in: {status}")

    def start_quiz(self, topic="mixed", length=10):
        """A new attempt's id. A start is not retried blindly (it would make a second attempt): after
        a failure the learner opens the catalogue and continues the unfinished quiz it lists, if any."""
        for _ in range(RETRIES):
            status, _, page = self.request("GET", "/en/quizzes/", retry=True)
            unfinished = re.search(r'<a href="/en/attempts/([^/"]+)/"', page)
            if unfinished:
                return unfinished.group(1)
            form = {"topic": topic, "length": length, "difficulty": "any", "csrfmiddlewaretoken": self.csrf()}
            status, location, _ = self.request("POST", "/en/quizzes/start/", form)
            match = re.match(r"^/en/attempts/([^/]+)/$", location)
            if status == 302 and match:
                return match.group(1)
            time.sleep(0.5)
        raise RuntimeError(f"could not start a quiz: {status} {location}")


def answers_on(page):
    """One answer per question of a quiz page: [(position, [(name, value), ...]), ...] in page order."""
    by_position = {}
    for name, position, value in re.findall(r'type="radio" name="(q-(\d+))" value="(\d+)"', page):
        by_position.setdefault(int(position), [(name, value)])
    for select in re.finditer(r'<select name="(q-(\d+)-\d+)"[^>]*>(.*?)</select>', page, re.S):
        values = [v for v in re.findall(r'<option value="([^"]*)"', select.group(3)) if v]
        chosen = by_position.setdefault(int(select.group(2)), [])
        chosen.append((select.group(1), values[len(chosen) % len(values)]))
    return sorted(by_position.items())


def take_quiz(browser, username, public_id, attempts, think=0.0):
    """Answer every question, autosaving after each; submit; read the result."""
    record = Attempt(username, public_id)
    attempts.append(record)  # a resumed attempt is never one this client submitted: it is listed once
    path = f"/en/attempts/{public_id}/"
    status, _, page = browser.request("GET", path, retry=True)
    if status != 200:
        raise RuntimeError(f"quiz page {status}")
    sent = []
    for _position, pairs in answers_on(page):
        sent.extend(pairs)
        time.sleep(think)
        form = [*sent, ("csrfmiddlewaretoken", browser.csrf()), ("action", "autosave")]
        status, _, _ = browser.request("POST", f"{path}answers/", form, retry=True)
        if status != 200:
            raise RuntimeError(f"autosave answered {status}")
        record.fields = list(sent)
    form = [*sent, ("csrfmiddlewaretoken", browser.csrf()), ("action", "submit")]
    status, location, _ = browser.request("POST", f"{path}answers/", form, retry=True)
    # 409: a retried submit whose first try had closed the attempt already.
    if status not in (302, 409):
        raise RuntimeError(f"submit answered {status}")
    record.submitted = True
    browser.request("GET", f"{path}result/", retry=True)


def consistency(attempts, usernames):
    """Read the database: (problems, summary). Needs django.setup() with the server's settings."""
    from django.http import QueryDict

    from quizzes.forms import responses_from_post
    from quizzes.models import Attempt as AttemptRow
    from quizzes.services.attempts import validate_response

    problems, answers_checked = [], 0
    rows = {a.public_id: a for a in AttemptRow.objects.filter(public_id__in=[r.public_id for r in attempts])}
    for record in attempts:
        row = rows.get(record.public_id)
        if row is None:
            problems.append(f"{record.public_id}: missing")
            continue
        sent, _errors = responses_from_post(row.questions, QueryDict(urlencode(record.fields)))
        stored = {a.position: a for a in row.answers.all()}
        for position, response in sent.items():
            answers_checked += 1
            if stored[position].response != validate_response(row.questions[position], response):
                stored_response = stored[position].response
                problems.append(f"{record.public_id} q{position}: sent {response!r}, stored {stored_response!r}")
        if record.submitted:
            if row.submitted_at is None:
                problems.append(f"{record.public_id}: submitted but open")
            elif row.score != sum(a.mark or 0 for a in stored.values()):
                problems.append(f"{record.public_id}: score {row.score} is not the sum of its marks")
    in_database = AttemptRow.objects.filter(user__username__in=usernames).count()
    if in_database != len(attempts):
        problems.append(f"{in_database} attempts in the database for {len(attempts)} started (duplicated or lost)")
    summary = (
        f"{len(attempts)} attempts ({sum(r.submitted for r in attempts)} submitted), {answers_checked} answers "
        f"checked, {in_database} attempts in the database"
    )
    return problems, summary


def print_outcome(stats, failures, attempts, usernames, fine):
    """Print the load figures, the client failures and what the database holds; True when nothing went wrong."""
    print(stats.report())
    print("client failures (gave up after retries):", len(failures), *failures[:5], sep="\n  " if failures else " ")
    problems, summary = consistency(attempts, usernames)
    print("consistency:", summary)
    print("  " + ("\n  ".join(problems[:20]) if problems else fine))
    return not problems and not failures
