"""Turkish casing and alphabetical order, where Python's defaults get Turkish wrong."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.languages import TURKISH_ALPHABET, sort_key_for, turkish_lower, turkish_sort_key, turkish_upper


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


# --- Any text at all (issue 17, finding 5) ---------------------------------------

WORDS = st.text(alphabet=TURKISH_ALPHABET, max_size=8)


@given(st.text())
def test_the_turkish_key_never_raises_and_its_keys_always_compare(text):
    key = turkish_sort_key(text)
    assert (key < turkish_sort_key("a")) or (key >= turkish_sort_key("a"))


@pytest.mark.parametrize("digit", ["²", "①", "٣", "２", "⁹", "𝟘"])
def test_digits_of_every_kind_sort_among_the_digits_before_letters(digit):
    assert turkish_sort_key("0") < turkish_sort_key(digit) < turkish_sort_key("a")
    assert turkish_sort_key(f"m{digit}") < turkish_sort_key("ma")


def test_a_superscript_digit_sorts_with_its_digit():
    assert sorted(["m3", "m²", "m1", "ma"], key=turkish_sort_key) == ["m1", "m²", "m3", "ma"]


@given(WORDS, WORDS)
def test_words_of_the_turkish_alphabet_sort_as_the_dictionary_does(a, b):
    def dictionary(word):
        return [TURKISH_ALPHABET.index(letter) for letter in word]

    assert (turkish_sort_key(a) < turkish_sort_key(b)) == (dictionary(a) < dictionary(b))
    assert turkish_sort_key(turkish_upper(a)) == turkish_sort_key(a)


@given(st.text(), st.text(), st.text())
def test_the_key_is_a_total_order_on_what_it_compares(a, b, c):
    ka, kb, kc = (turkish_sort_key(t) for t in (a, b, c))
    assert (ka < kb) + (ka == kb) + (ka > kb) == 1
    # equal keys only for texts that differ in case or surrounding spaces
    assert (ka == kb) == (turkish_lower(a.strip()) == turkish_lower(b.strip()))
    if ka <= kb <= kc:
        assert ka <= kc
