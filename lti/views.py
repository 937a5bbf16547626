"""The tool's endpoints: our key set, OIDC login initiation, the launch, the deep-linking chooser,
and the teacher's LTI page (scores sent, roster sync)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login as sign_in
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from quizzes import user_cache
from quizzes.models import Classroom
from quizzes.roles import teacher_required
from quizzes.services import classes
from quizzes.services.attempts import NoQuestions

from . import claims as c
from . import deep_linking, grades, http, keys, launch, registration, roster
from .forms import QuizSettingsForm
from .framing import allow_framing, remember_origins
from .models import Course, OutgoingScore, Platform, ResourceLink, ScoreStatus, origin_of
from .services import complete_launch


def _refuse(request, error, platform=None):
    response = render(request, "lti/refused.html", {"message": str(error)}, status=error.status)
    return allow_framing(response, platform.origins() if platform else [])


@require_GET
def jwks(request):
    response = JsonResponse(keys.key_set())
    response["Cache-Control"] = "public, max-age=300"
    return response


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def login(request):
    params = request.POST if request.method == "POST" else request.GET
    try:
        started = launch.start_login(params)
    except launch.LaunchError as error:
        return _refuse(request, error)
    platform = started.platform
    query = {
        "scope": "openid",
        "response_type": "id_token",
        "response_mode": "form_post",
        "prompt": "none",
        "client_id": platform.client_id,
        "redirect_uri": started.redirect_uri,
        "login_hint": started.login_hint,
        "state": started.state,
        "nonce": started.nonce,
    }
    if started.lti_message_hint:
        query["lti_message_hint"] = started.lti_message_hint
    auth_url = f"{platform.auth_login_url}{'&' if '?' in platform.auth_login_url else '?'}{urlencode(query)}"
    target = params.get("lti_storage_target")
    if target:
        # The browser may refuse our cookie in the platform's iframe: keep state and nonce in the
        # platform's storage too (postMessage), then go on to the platform's authorisation.
        launch.note_storage(started.state, target)
        response = render(
            request,
            "lti/login_storage.html",
            {
                "auth_url": auth_url,
                "state": started.state,
                "nonce": started.nonce,
                "target": target,
                "origin": platform.origins()[0],
            },
        )
        allow_framing(response, platform.origins())
    else:
        response = allow_framing(redirect(auth_url), platform.origins())
    response.set_cookie(
        launch.STATE_COOKIE, started.state, max_age=launch.STATE_SECONDS, secure=True, httponly=True, samesite="None"
    )
    return response


@csrf_exempt
@never_cache
@require_POST
def launch_view(request):
    state, token = request.POST.get("state", ""), request.POST.get("id_token", "")
    record = launch.peek_state(state)
    platform = Platform.objects.filter(pk=record["platform"], is_active=True).first() if record else None
    try:
        if platform is None:
            raise launch.LaunchError(_("This launch is unknown or has expired: start it again from your course."))
        if request.COOKIES.get(launch.STATE_COOKIE) != state:
            if not record.get("storage"):
                raise launch.LaunchError(
                    _("Your browser refused this launch's cookie: open DDO Learn in a new window from your course.")
                )
            if request.POST.get("lti_storage_checked") != "1":
                # Check the state the platform's storage kept, in the browser, then post again.
                response = render(
                    request,
                    "lti/launch_storage.html",
                    {"state": state, "id_token": token, "target": record["storage"], "origin": platform.origins()[0]},
                )
                return allow_framing(response, platform.origins())
        launch.take_state(state)
        payload = launch.verify_id_token(token, platform, record["nonce"])
        launched = complete_launch(platform, payload)
    except launch.LaunchError as error:
        return _refuse(request, error, platform)
    sign_in(request, launched.user, backend=user_cache.PATH)  # the site's own backend
    # The platform's language for this person, if it is one of ours; else the browser's.
    with translation.override(c.language_of(payload) or translation.get_language()):
        if payload[c.MESSAGE_TYPE] == c.DEEP_LINKING_REQUEST:
            key = deep_linking.remember_request(platform, payload, launched.user)
            response = redirect("lti:deep_link", key=key)
        elif launched.teaches:
            response = redirect("lti:course", pk=launched.course.pk)
        else:
            response = _start(request, launched)
    response.delete_cookie(launch.STATE_COOKIE, samesite="None")
    remember_origins(response, platform.origins())
    return allow_framing(response, platform.origins())


def _start(request, launched):
    try:
        attempt, _new = classes.start_assignment(launched.user, launched.resource_link.assignment_id, timezone.now())
    except (classes.NoAttemptsLeft, classes.AssignmentNotOpen, classes.NotAMember, NoQuestions):
        return redirect("quizzes:my_classes")  # the class page says why
    return redirect("quizzes:take", public_id=attempt.public_id)


@csrf_exempt  # the unguessable, per-user request key stands in for the CSRF cookie a framed page may lack
@never_cache
@require_http_methods(["GET", "POST"])
def deep_link(request, key):
    record = deep_linking.request_for(key, request.user) if request.user.is_authenticated else None
    if record is None:
        raise Http404
    platform = get_object_or_404(Platform, pk=record["platform"])
    quizzes = list(deep_linking.choosable_quizzes())
    own = QuizSettingsForm(request.POST if request.method == "POST" else None)
    error = ""
    if request.method == "POST" and own.is_valid():
        launch_url = request.build_absolute_uri(reverse("lti_platform:launch"))
        items = [deep_linking.content_item(q, launch_url) for q in quizzes if q.slug in request.POST.getlist("quiz")]
        if own.cleaned_data["topic"]:
            items.append(deep_linking.settings_item(own.cleaned_data, launch_url))
        if not items:
            error = _("Choose at least one quiz.")
        elif len(items) > 1 and not record["accept_multiple"]:
            error = _("This course takes one activity at a time: choose one quiz.")
        else:
            deep_linking.forget_request(key)
            jwt = deep_linking.response_jwt(platform, record, items)
            response = render(request, "lti/deep_link_return.html", {"return_url": record["return_url"], "jwt": jwt})
            allow_framing(response, platform.origins())
            # The form goes back to the platform: the site's CSP allows forms to 'self' only.
            response._csp_replace["form-action"] = ["'self'", origin_of(record["return_url"])]
            return response
    invalid = request.method == "POST"
    context = {"quizzes": quizzes, "error": error, "own": own}
    response = render(request, "lti/deep_link.html", context, status=400 if invalid else 200)
    return allow_framing(response, platform.origins())


def _own_course(request, pk):
    """The course of a class the teacher teaches (owner or co-teacher); anyone else: 404."""
    taught = Classroom.objects.taught_by(request.user)
    return get_object_or_404(Course.objects.select_related("classroom", "platform"), pk=pk, classroom__in=taught)


@teacher_required
@require_GET
def course(request, pk):
    course = _own_course(request, pk)
    scores = (
        OutgoingScore.objects.filter(resource_link__course=course)
        .exclude(status=ScoreStatus.SENT)
        .select_related("attempt__user", "resource_link__assignment")
        .order_by("-timestamp")[:200]
    )
    sent = OutgoingScore.objects.filter(resource_link__course=course, status=ScoreStatus.SENT).count()
    # Links the platform launched without a column, whose column could not be made (lti/lineitems.py).
    columnless = ResourceLink.objects.filter(course=course, lineitem_url="").exclude(
        lineitem_error="", lineitem_problem=""
    )
    context = {"course": course, "scores": scores, "sent": sent, "columnless": columnless.select_related("assignment")}
    return render(request, "lti/course.html", context)


@teacher_required
@require_POST
def sync(request, pk):
    course = _own_course(request, pk)
    if not course.memberships_url:
        messages.error(request, _("The platform did not offer its class list for this course."))
        return redirect("lti:course", pk=course.pk)
    try:
        synced = roster.sync_course(course)
    except (http.PlatformUnreachable, http.PlatformRefused) as error:
        messages.error(request, _("The platform's class list could not be read: %(error)s") % {"error": error})
        return redirect("lti:course", pk=course.pk)
    messages.success(
        request,
        _("Class synced: %(added)d added, %(removed)d removed, %(learners)d learners on the platform.")
        % {"added": synced.added, "removed": synced.removed, "learners": synced.learners},
    )
    return redirect("lti:course", pk=course.pk)


@teacher_required
@require_POST
def resend(request, pk, score_pk):
    course = _own_course(request, pk)
    score = get_object_or_404(OutgoingScore, pk=score_pk, resource_link__course=course, status=ScoreStatus.REFUSED)
    OutgoingScore.objects.filter(pk=score.pk).update(status=ScoreStatus.WAITING, last_error="", problem="")
    grades.send_score.enqueue(score.pk)
    messages.success(request, _("The score will be sent again."))
    return redirect("lti:course", pk=course.pk)


@teacher_required
@require_POST
def make_lineitem(request, pk, link_pk):
    """The teacher asks again for a gradebook column the platform refused or failed to make."""
    course = _own_course(request, pk)
    link = get_object_or_404(ResourceLink.objects.exclude(lineitems_url=""), pk=link_pk, course=course, lineitem_url="")
    grades.create_lineitem.enqueue(link.pk)
    messages.success(request, _("The platform will be asked again for this assignment's gradebook column."))
    return redirect("lti:course", pk=course.pk)


@csrf_exempt  # opened by the platform, often in its iframe; the signed one-time link stands in for CSRF
@never_cache
@require_http_methods(["GET", "POST"])
def dynamic_registration(request, token):
    params = request.POST if request.method == "POST" else request.GET
    config_url = params.get("openid_configuration", "")
    context = {"config_url": config_url, "registration_token": params.get("registration_token", "")}
    try:
        registration.check_token(token)
        if not config_url:
            raise registration.RegistrationError(_("The platform did not send its configuration address."))
        if request.method == "POST":
            base_url = request.build_absolute_uri("/").rstrip("/")
            context["platform"] = registration.register(token, config_url, context["registration_token"], base_url)
    except registration.RegistrationError as error:
        context["error"] = str(error)
    response = render(request, "lti/register.html", context, status=400 if "error" in context else 200)
    response._csp_replace = {"frame-ancestors": ["*"]}  # any platform may open it; the link is the secret
    response.xframe_options_exempt = True
    return response
