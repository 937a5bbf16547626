"""A teacher's accommodations: a student's extra time in the class's timed assignments."""

from ..models import Accommodation, Membership


class NotAMember(Exception):
    """The student is not in this class."""


def set_accommodation(classroom, student_id, time_percent):
    """Give ``student_id`` ``time_percent`` of every timed assignment's limit in ``classroom``; 100 takes it back.

    Attempts already started keep their deadline; the next ones get the new time.
    """
    if not Membership.objects.filter(classroom=classroom, student_id=student_id).exists():
        raise NotAMember
    if time_percent <= 100:
        Accommodation.objects.filter(classroom=classroom, student_id=student_id).delete()
        return None
    accommodation, _created = Accommodation.objects.update_or_create(
        classroom=classroom, student_id=student_id, defaults={"time_percent": time_percent}
    )
    return accommodation
