from django.db import migrations

EDITORS = "Editors"
TEACHERS = "Teachers"
EDITOR_MODELS = ("source", "organisation", "department", "duty", "timelineevent", "decoy", "glossaryterm", "quiz")
ACTIONS = ("add", "change", "delete", "view")


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    codenames = [f"{action}_{model}" for model in EDITOR_MODELS for action in ACTIONS]
    editors.permissions.set(Permission.objects.filter(content_type__app_label="quizzes", codename__in=codenames))
    Group.objects.get_or_create(name=TEACHERS)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, TEACHERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
