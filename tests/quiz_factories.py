"""A learner's own quiz without the generator: hand-made frozen questions of each type, and an attempt at them."""


def frozen_questions(count=3):
    """Hand-made frozen questions of each type (the generator is tested on its own)."""
    single = {
        "key": "dept_focus:siber",
        "template": "dept_focus",
        "item": "department:siber",
        "type": "single",
        "topic": "departments",
        "difficulty": "medium",
        "prompt": {"tr": "Siber güvenliğe hangi daire odaklandı?", "en": "Which department focused on cyber security?"},
        "options": [
            {"key": "department:veri", "text": {"tr": "Veri Dairesi", "en": "Data Department"}},
            {"key": "department:siber", "text": {"tr": "Siber Dairesi", "en": "Cyber Department"}},
            {"key": "decoy:tarim", "text": {"tr": "Tarım Dairesi", "en": "Agriculture Department"}},
        ],
        "targets": [],
        "answer": "department:siber",
        "explanation": {"tr": "Siber Dairesi siber güvenliğe odaklandı.", "en": "The Cyber Department did."},
        "source": {
            "title": {"tr": "Kaynak", "en": "Source"},
            "publisher": "mynet",
            "published_on": "2025-12-25",
            "url": "",
        },
    }
    ordering = {
        **single,
        "key": "order_four:a",
        "type": "ordering",
        "topic": "timeline",
        "prompt": {"tr": "Sıraya koyun.", "en": "Put in order."},
        "options": [
            {"key": "event:c", "text": {"tr": "Üçüncü", "en": "Third"}},
            {"key": "event:a", "text": {"tr": "Birinci", "en": "First"}},
            {"key": "event:b", "text": {"tr": "İkinci", "en": "Second"}},
        ],
        "answer": ["event:a", "event:b", "event:c"],
    }
    matching = {
        **single,
        "key": "match:x",
        "type": "matching",
        "prompt": {"tr": "Eşleştirin.", "en": "Match them."},
        "options": [
            {"key": "department:a", "text": {"tr": "A Dairesi", "en": "Department A"}},
            {"key": "department:b", "text": {"tr": "B Dairesi", "en": "Department B"}},
        ],
        "targets": [
            {"key": "focus:b", "text": {"tr": "B işi", "en": "B's work"}},
            {"key": "focus:a", "text": {"tr": "A işi", "en": "A's work"}},
        ],
        "answer": {"department:a": "focus:a", "department:b": "focus:b"},
    }
    questions = [single, ordering, matching]
    while len(questions) < count:
        questions.append({**single, "key": f"dept_focus:extra-{len(questions)}"})
    return questions[:count]


def make_quiz_attempt(user=None, guest_key="", count=3):
    """An open attempt at ``frozen_questions(count)`` for a user, or for a guest's key."""
    from quizzes.owners import Owner
    from quizzes.services.attempts import _create_attempt

    owner = Owner(user=user, guest_key=guest_key)
    return _create_attempt(owner, frozen_questions(count), topic="mixed", difficulty="any", length=count, seed=1)


def save_url(attempt, language="tr"):
    return f"/{language}/attempts/{attempt.public_id}/answers/"
