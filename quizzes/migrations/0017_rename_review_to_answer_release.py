# "Review" now means spaced review only (models/review.py); when an assignment shows its right answers
# is its answer release. A rename: every assignment keeps its setting.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0016_practise_what_the_class_missed"),
    ]

    operations = [
        migrations.RenameField(model_name="assignment", old_name="review", new_name="answer_release"),
    ]
