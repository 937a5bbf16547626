"""Turkish casing and alphabetical order, where Python's defaults get Turkish wrong."""

from quizzes.languages import sort_key_for, turkish_lower, turkish_sort_key, turkish_upper


def test_turkish_upper_keeps_the_dot_on_i():
    assert turkish_upper("istanbul ılık") == "İSTANBUL ILIK"
    assert "istanbul".upper() == "ISTANBUL"  # what plain .upper() would have shown


def test_turkish_lower_keeps_dotless_i():
    assert turkish_lower("IŞIK İLE") == "ışık ile"


def test_turkish_order_puts_dotted_and_dotless_i_apart():
    words = ["İnternet", "Işık", "Ilık", "ılgın", "iğne", "Hukuk", "Jandarma"]
    assert sorted(words, key=turkish_sort_key) == ["Hukuk", "ılgın", "Ilık", "Işık", "iğne", "İnternet", "Jandarma"]


def test_turkish_order_puts_cedilla_letters_after_their_base():
    words = ["Şube", "Çağrı", "Dijital", "Siber", "Cumhurbaşkanlığı", "Öğrenci", "Ofis", "Üniversite", "Ulusal", "Zekâ"]
    assert sorted(words, key=turkish_sort_key) == [
        "Cumhurbaşkanlığı",
        "Çağrı",
        "Dijital",
        "Ofis",
        "Öğrenci",
        "Siber",
        "Şube",
        "Ulusal",
        "Üniversite",
        "Zekâ",
    ]


def test_english_order_is_plain_casefolded():
    key = sort_key_for("en")
    assert sorted(["cyber", "Artificial", "digital"], key=key) == ["Artificial", "cyber", "digital"]
