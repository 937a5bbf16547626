"""Exports read back: XLSX through openpyxl, CSV as UTF-8 with a BOM; Turkish letters, real dates and numbers."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.utils import timezone

from tests.factories import as_user, make_assignment, make_attempt, make_classroom, make_student, make_teacher, question

pytestmark = pytest.mark.django_db

QUESTIONS = [question("q:1"), question("q:2"), question("q:3"), question("q:4")]
DUE = datetime.datetime(2025, 3, 8, 17, 30, tzinfo=datetime.UTC)  # 20:30 in Istanbul
SUBMITTED = datetime.datetime(2025, 3, 5, 9, 15, tzinfo=datetime.UTC)  # 12:15 in Istanbul


@pytest.fixture
def teacher():
    return make_teacher()


@pytest.fixture
def exported(teacher):
    """Two students with Turkish names; Ğülşen submitted 3 of 4 right, Işıl has not started."""
    gulsen = make_student("gulsen", "Ğülşen Çınar")
    isil = make_student("isil", "Işıl İnce")
    classroom = make_classroom(teacher, [gulsen, isil], name="9-A Dijital Dönüşüm")
    assignment = make_assignment(
        classroom,
        "Daireler ve görevler",
        opens_at=DUE - datetime.timedelta(days=7),
        due_at=DUE,
    )
    make_attempt(gulsen, assignment, ["a", "a", "a", "b"], questions=QUESTIONS, submitted_at=SUBMITTED)
    return classroom, assignment


def get(client, teacher, classroom, name, language="en", query=""):
    client.force_login(teacher)
    response = client.get(f"/{language}/teach/classes/{classroom.pk}/export/{name}{query}")
    assert response.status_code == 200
    return response


def workbook(response):
    assert response.streaming  # written row by row, never held whole in memory
    return openpyxl.load_workbook(io.BytesIO(response.getvalue()))


def csv_text(response):
    assert response.streaming  # sent line by line as it is written
    content = response.getvalue()
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM that tells Excel it is UTF-8
    return content.decode("utf-8-sig")


def csv_rows(response, delimiter=","):
    return list(csv.reader(io.StringIO(csv_text(response)), delimiter=delimiter))


def local_naive(value):
    return timezone.localtime(value).replace(tzinfo=None)


# --- Class results ----------------------------------------------------------------------------


def test_results_xlsx_has_one_row_per_student_and_assignment(client, teacher, exported):
    classroom, _assignment = exported
    response = get(client, teacher, classroom, "results.xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="9-a-dijital-donusum-results.xlsx"'
    book = workbook(response)
    rows = list(book["Results"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Student", "Username", "Assignment", "Status")
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Ğülşen Çınar", "Işıl İnce"}  # Turkish letters intact
    gulsen = by_name["Ğülşen Çınar"]
    assert gulsen[2] == "Daireler ve görevler"
    assert gulsen[3] == "Done"
    assert gulsen[4] == 1 and isinstance(gulsen[4], int)
    assert gulsen[5] == 75 and isinstance(gulsen[5], int | float)  # a number, not "75%"
    assert by_name["Işıl İnce"][5] is None
    # The class named inside the file: its title, and each row of the Assignments sheet.
    assert book.properties.title == "9-A Dijital Dönüşüm"
    assert [row[0] for row in book["Assignments"].iter_rows(min_row=2, values_only=True)] == ["9-A Dijital Dönüşüm"]


def test_results_xlsx_dates_are_real_dates_in_istanbul_time(client, teacher, exported):
    classroom, _assignment = exported
    book = workbook(get(client, teacher, classroom, "results.xlsx"))
    results, assignments = book["Results"], book["Assignments"]
    headers = [cell.value for cell in results[1]]
    row = next(r for r in results.iter_rows(min_row=2) if r[0].value == "Ğülşen Çınar")
    submitted = row[headers.index("First submitted")]
    assert submitted.is_date and submitted.value == datetime.datetime(2025, 3, 5, 12, 15)
    assert submitted.number_format == "yyyy-mm-dd hh:mm"
    # Each assignment's dates once, on the workbook's second sheet.
    headers = [cell.value for cell in assignments[1]]
    assert headers == ["Class", "Assignment", "Opens", "Due", "Students", "Completed", "Mean (%)", "Median (%)"]
    (row,) = assignments.iter_rows(min_row=2)
    due = row[headers.index("Due")]
    assert due.is_date and due.value == datetime.datetime(2025, 3, 8, 20, 30) == local_naive(DUE)
    assert due.number_format == "yyyy-mm-dd hh:mm"
    assert [c.value for c in row[:2]] == ["9-A Dijital Dönüşüm", "Daireler ve görevler"]
    assert [c.value for c in row[4:]] == [2, 1, 75, 75]  # two students, one done, one missing


def test_every_date_of_a_big_results_workbook_is_a_date(client, teacher):
    """Date cells share one styled cell per column: every row must still carry its own date."""
    students = [make_student(f"s{i}") for i in range(30)]
    classroom = make_classroom(teacher, students, name="Büyük")
    assignment = make_assignment(classroom, "Zaman çizelgesi")
    for i, student in enumerate(students):
        attempt = make_attempt(student, assignment, ["a"], questions=[question("q:1")])
        type(attempt).objects.filter(pk=attempt.pk).update(submitted_at=DUE - datetime.timedelta(hours=i))
    sheet = workbook(get(client, teacher, classroom, "results.xlsx"))["Results"]
    submitted = {row[1].value: row[6] for row in sheet.iter_rows(min_row=2)}
    assert len(submitted) == 30
    for i in range(30):
        cell = submitted[f"s{i}"]
        assert cell.is_date and cell.value == local_naive(DUE - datetime.timedelta(hours=i)).replace(microsecond=0)


def test_results_csv_is_utf8_with_a_bom_and_plain_numbers(client, teacher, exported):
    classroom, _assignment = exported
    response = get(client, teacher, classroom, "results.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="9-a-dijital-donusum-results.csv"'
    rows = csv_rows(response)
    headers = rows[0]
    gulsen = next(r for r in rows[1:] if r[1] == "Ğülşen Çınar")
    assert gulsen[headers.index("Score (%)")] == "75.0"
    assert gulsen[headers.index("Due")] == "2025-03-08 20:30"
    assert gulsen[headers.index("First submitted")] == "2025-03-05 12:15"
    isil = next(r for r in rows[1:] if r[1] == "Işıl İnce")
    assert isil[headers.index("Score (%)")] == ""
    assert isil[headers.index("Status")] == "Missing"  # past due, never started


def test_results_headers_follow_the_page_language(client, teacher, exported):
    classroom, _assignment = exported
    english = csv_rows(get(client, teacher, classroom, "results.csv", language="en"))[0]
    turkish = csv_rows(get(client, teacher, classroom, "results.csv", language="tr"), delimiter=";")[0]
    assert len(english) == len(turkish)
    assert english[:2] == ["Class", "Student"]
    assert turkish[:2] == ["Sınıf", "Öğrenci"]


def test_text_that_looks_like_a_formula_stays_text(client, teacher):
    hostile = make_student("hostile", '=HYPERLINK("http://example.org") x')
    classroom = make_classroom(teacher, [hostile], name="Sınıf")
    make_assignment(classroom, "+SUM(A1:A9)")
    sheet = workbook(get(client, teacher, classroom, "results.xlsx")).active
    cell = sheet["A2"]
    assert cell.data_type == "s"
    assert cell.value.startswith("=HYPERLINK")
    assert sheet["C2"].value == "+SUM(A1:A9)"
    rows = csv_rows(get(client, teacher, classroom, "results.csv"))
    assert rows[1][1].startswith("'=HYPERLINK")
    assert rows[1][3] == "'+SUM(A1:A9)"


def test_a_class_name_without_ascii_letters_still_gets_a_file_name(client, teacher):
    classroom = make_classroom(teacher, name="Ğğ")
    response = get(client, teacher, classroom, "results.csv")
    assert 'filename="gg-results.csv"' in response["Content-Disposition"]
    classroom = make_classroom(teacher, name="!!!")
    response = get(client, teacher, classroom, "results.csv")
    assert f'filename="class-{classroom.pk}-results.csv"' in response["Content-Disposition"]


# --- Item analysis ------------------------------------------------------------------------------


@pytest.fixture
def analysed(teacher):
    """Twelve first attempts at four questions (enough to flag): q:1 right for all, q:4 missed by all."""
    names = ["Çağla Öz", "Şükrü Işık", "İpek Ün", "Ozan Ay"]
    students = [make_student(f"s{i}", f"{names[i % 4]} {i}") for i in range(12)]
    classroom = make_classroom(teacher, students, name="10-B Tarih")
    assignment = make_assignment(classroom, "Zaman çizelgesi")
    patterns = [["a", "a", "a", "b"], ["a", "a", "b", "c"], ["a", "b", "c", "b"], ["a", "c", "b", "d"]]
    for i, student in enumerate(students):
        make_attempt(student, assignment, patterns[i % 4], questions=QUESTIONS, language="tr")
    return classroom, assignment


def test_items_xlsx_has_questions_and_wrong_options_sheets(client, teacher, analysed):
    classroom, _assignment = analysed
    response = get(client, teacher, classroom, "items.xlsx", language="tr")
    assert 'filename="10-b-tarih-items.xlsx"' in response["Content-Disposition"]
    book = workbook(response)
    assert len(book.sheetnames) == 2
    questions, wrong = (book[name] for name in book.sheetnames)
    headers = [cell.value for cell in questions[1]]
    assert headers[:4] == ["Sınıf", "Soru", "Konu", "Tür"]  # the question as text first, the key last
    assert headers[-1] == "Soru anahtarı"
    rows = {row[-1]: dict(zip(headers, row, strict=True)) for row in questions.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"q:1", "q:2", "q:3", "q:4"}
    q1, q4 = rows["q:1"], rows["q:4"]
    assert q1["Sınıf"] == "10-B Tarih"
    assert q1["Soru"] == "Soru q:1?"  # the question in the page's language
    assert q1["Tür"] == "tek seçimli"  # the type in Turkish, not "single"
    assert q1["Yanıtlar"] == 12 and isinstance(q1["Yanıtlar"], int)
    assert q1["Kolaylık (%)"] == 100.0 and isinstance(q1["Kolaylık (%)"], int | float)
    assert q4["Kolaylık (%)"] == 0.0
    assert q1["İçerik öğesi"] == "department:1"
    assert q1["Doğru yanıt"] == "Veri Dairesi"  # the correct answer, Turkish text
    wrong_headers = [cell.value for cell in wrong[1]]
    wrong_rows = [dict(zip(wrong_headers, row, strict=True)) for row in wrong.iter_rows(min_row=2, values_only=True)]
    # q:4's wrong options b, c, d were chosen 6, 3, 3 times of 12.
    q4_wrong = {row["Yanlış seçenek"]: row for row in wrong_rows if row["Soru anahtarı"] == "q:4"}
    assert q4_wrong["Siber Güvenlik Dairesi"]["Soru"] == "Soru q:4?"
    assert q4_wrong["Siber Güvenlik Dairesi"]["Seçilme"] == 6
    assert q4_wrong["Siber Güvenlik Dairesi"]["Yanıtlar içindeki pay (%)"] == 50.0
    assert q4_wrong["Işık Dairesi"]["Seçilme"] == 3


def test_items_csv_reads_back_with_the_same_figures(client, teacher, analysed):
    classroom, _assignment = analysed
    rows = csv_rows(get(client, teacher, classroom, "items.csv"))
    headers = rows[0]
    assert headers[:4] == ["Class", "Question", "Topic", "Type"]
    by_key = {row[-1]: row for row in rows[1:]}
    assert by_key["q:1"][1] == "Question q:1?"
    assert by_key["q:1"][3] == "single choice"
    assert by_key["q:1"][headers.index("Facility (%)")] == "100.0"
    assert by_key["q:2"][headers.index("Facility (%)")] == "50.0"
    assert by_key["q:1"][headers.index("Discrimination (%)")] == ""  # undefined: everyone right
    assert "too easy" in by_key["q:1"][headers.index("Flags")]
    assert "too hard" in by_key["q:4"][headers.index("Flags")]


def test_items_export_follows_the_assignment_filter(client, teacher, analysed):
    classroom, assignment = analysed
    other = make_assignment(classroom, "Başka")
    make_attempt(classroom.students.first(), other, ["a"], questions=[question("q:9")])
    everything = csv_rows(get(client, teacher, classroom, "items.csv"))
    assert "q:9" in [row[-1] for row in everything]
    filtered = csv_rows(get(client, teacher, classroom, "items.csv", query=f"?assignment={assignment.pk}"))
    assert "q:9" not in [row[-1] for row in filtered]


def test_empty_reports_export_their_headers(client, teacher):
    classroom = make_classroom(teacher, name="Boş")
    for name in ("results.xlsx", "items.xlsx"):
        book = workbook(get(client, teacher, classroom, name))
        assert book.active.max_row == 1
    assert len(csv_rows(get(client, teacher, classroom, "items.csv"))) == 1


def test_unknown_export_is_not_found(client, teacher, small_class):
    classroom, _students, _first = small_class
    as_user(client, teacher)
    assert client.get(f"/en/teach/classes/{classroom.pk}/export/results.pdf").status_code == 404
    assert client.get(f"/en/teach/classes/{classroom.pk}/export/grades.csv").status_code == 404


def test_turkish_csv_opens_in_columns_in_turkish_excel(client, teacher, analysed):
    """Turkish Excel splits on ";" and reads "50,0" as a number: a "," file would land in one column."""
    classroom, _assignment = analysed
    response = get(client, teacher, classroom, "items.csv", language="tr")
    text = csv_text(response)
    assert text.splitlines()[0].startswith("Sınıf;Soru;Konu;Tür;")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    headers = rows[0]
    by_key = {row[-1]: dict(zip(headers, row, strict=True)) for row in rows[1:]}
    assert by_key["q:2"]["Kolaylık (%)"] == "50,0"  # decimal comma
    assert by_key["q:2"]["Tür"] == "tek seçimli"
    assert by_key["q:2"]["Sınıf"] == "10-B Tarih"
    assert by_key["q:2"]["Soru"] == "Soru q:2?"


def test_turkish_results_csv_uses_semicolons_and_decimal_commas(client, teacher, exported):
    classroom, _assignment = exported
    rows = csv_rows(get(client, teacher, classroom, "results.csv", language="tr"), delimiter=";")
    headers = rows[0]
    gulsen = next(dict(zip(headers, r, strict=True)) for r in rows[1:] if r[1] == "Ğülşen Çınar")
    assert gulsen["Puan (%)"] == "75,0"
    assert gulsen["Sınıf"] == "9-A Dijital Dönüşüm"
    assert gulsen["Son tarih"] == "2025-03-08 20:30"


def test_the_class_name_is_inside_the_xlsx(client, teacher, analysed):
    classroom, _assignment = analysed
    book = workbook(get(client, teacher, classroom, "items.xlsx"))
    assert book.properties.title == "10-B Tarih"
    for sheet in book.worksheets:
        assert {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)} == {"10-B Tarih"}
