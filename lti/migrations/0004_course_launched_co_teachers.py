from django.conf import settings
from django.db import migrations, models


def co_teachers_from_the_platform(apps, schema_editor):
    """Before this field, a sync took co-teaching from any co-teacher with an account on the course's platform:
    those are taken to be the ones launches made (as the sync did)."""
    Course = apps.get_model("lti", "Course")
    LtiUser = apps.get_model("lti", "LtiUser")
    for course in Course.objects.select_related("classroom"):
        users = LtiUser.objects.filter(platform_id=course.platform_id, user__co_taught_classrooms=course.classroom_id)
        course.launched_co_teachers.add(*users.values_list("user_id", flat=True))


class Migration(migrations.Migration):
    dependencies = [
        ("lti", "0003_platform_problems_explained"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("quizzes", "0019_classroom_co_teachers"),
    ]

    operations = [
        migrations.AddField(
            model_name="course",
            name="launched_co_teachers",
            field=models.ManyToManyField(blank=True, related_name="+", to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(co_teachers_from_the_platform, migrations.RunPython.noop),
    ]
