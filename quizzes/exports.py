"""Reports as spreadsheets: XLSX (openpyxl, write-only) and CSV (UTF-8 with a BOM, so Excel reads Turkish letters).

Both formats carry the same rows (the results workbook names the class and each
assignment's dates once, on a sheet of their own, where the CSV repeats them in
every row), and both stream: rows are generated one at a time, the CSV goes out
through StreamingHttpResponse as it is written, the XLSX is written row by row
by openpyxl's write-only mode into a temporary file that is then sent in
chunks, so a class of thousands of students never sits in memory as a file.
Numbers stay numbers and dates real dates; Excel has no time zones, so dates
are written in Istanbul local time, naive.

Every CSV row names its class (the first column), so files of several classes
can be put together; a workbook names it in its title and on its Assignments
sheet. The Turkish CSV is written as Turkish Excel reads it: ``;`` between
fields and a decimal comma.
"""

import csv
import datetime
import itertools
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .models import QuestionType, topic_label
from .presentation import text_in
from .reports import presentation

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "yyyy-mm-dd hh:mm"
_ASCII = str.maketrans("çğıöşüÇĞİÖŞÜâîûÂÎÛ", "cgiosuCGIOSUaiuAIU")
# Column widths are read from the headers and the first rows only (the rest is never held in memory).
WIDTH_SAMPLE = 200


def filename(classroom, report, extension):
    """An ASCII file name: "9-a-dijital-donusum-results.xlsx" (ı → i, not dropped)."""
    stem = slugify(classroom.name.translate(_ASCII)) or f"class-{classroom.pk}"
    return f"{stem}-{report}.{extension}"


def _local(value, zone=None):
    """A date and time as Excel shows it: Istanbul (or ``zone``) local time, naive, to the second."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(zone or timezone.get_current_timezone())
        return value.replace(tzinfo=None, microsecond=0)
    return value


def _number(value, digits=1):
    return None if value is None else round(float(value), digits)


# A text cell starting with one of these is run as a formula by spreadsheets; a
# student could name themselves "=HYPERLINK(...)". Such text is kept as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value):
    """Text a spreadsheet would read as a formula gets a leading apostrophe (OWASP's advice for CSV)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# --- Rows ------------------------------------------------------------------------------


def question_type_label(code):
    """A question type in the page's language ("tek seçim"), a code outside the vocabulary as it is."""
    return str(dict(QuestionType.choices).get(code, code))


def results_table(overview, *, workbook=False):
    """One row per student and assignment (long format: easy to filter and pivot); rows are generated.

    The CSV names the class and the assignment's dates in every row, so that files of several
    classes can be put together. The ``workbook`` gives them once, on its Assignments sheet
    (``assignments_table``) and in its title: 12,000 cells fewer in a class of 200 with 20
    assignments, 40 % of the time openpyxl takes to write the file.
    """
    headers = [
        *([] if workbook else [_("Class")]),
        _("Student"),
        _("Username"),
        _("Assignment"),
        *([] if workbook else [_("Opens"), _("Due")]),
        _("Status"),
        _("Attempts submitted"),
        _("Score (%)"),
        _("First submitted"),
    ]
    name = overview.classroom.name
    status = {code: str(label) for code, label in presentation.STATUS_LABELS.items()}
    zone = timezone.get_current_timezone()
    # Each assignment's dates once, not once per student (the time zone lookup is most of a row's cost).
    assignment_dates = {a.pk: [_local(a.opens_at, zone), _local(a.due_at, zone)] for a in overview.assignments}
    rows = (
        [
            *(() if workbook else (name,)),
            row.name,
            row.student.get_username(),
            cell.assignment.title,
            *(() if workbook else assignment_dates[cell.assignment.pk]),
            status.get(cell.status, cell.status),
            cell.submitted,
            _number(cell.percent),
            _local(cell.first_submitted_at, zone),
        ]
        for row in overview.rows
        for cell in row.cells
    )
    return headers, rows


def assignments_table(overview):
    """One row per assignment: its dates and how the class did (the overview's summary rows)."""
    headers = [
        _("Class"),
        _("Assignment"),
        _("Opens"),
        _("Due"),
        _("Students"),
        _("Completed"),
        _("Mean (%)"),
        _("Median (%)"),
    ]
    zone = timezone.get_current_timezone()
    rows = [
        [
            overview.classroom.name,
            summary.assignment.title,
            _local(summary.assignment.opens_at, zone),
            _local(summary.assignment.due_at, zone),
            summary.students,
            summary.completed,
            _number(summary.mean),
            _number(summary.median),
        ]
        for summary in overview.summaries
    ]
    return headers, rows


def items_table(analysis):
    """One row per question: its text first, the key only as a detail further right."""
    headers = [
        _("Class"),
        _("Question"),
        _("Topic"),
        _("Type"),
        _("Answers"),
        _("Facility (%)"),
        _("Discrimination (%)"),
        _("Enough answers to trust"),
        _("Flags"),
        _("Answers in Turkish"),
        _("Facility in Turkish (%)"),
        _("Answers in English"),
        _("Facility in English (%)"),
        _("Gap, English − Turkish (points)"),
        _("Correct answer"),
        _("Most chosen wrong option"),
        _("Its share of answers (%)"),
        _("Content item"),
        _("Question key"),
    ]
    language = get_language()
    name = analysis.classroom.name
    rows = []
    for item in analysis.items:
        tr, en = item.languages
        top = max(item.distractors, key=lambda d: d.count, default=None)
        rows.append(
            [
                name,
                presentation.question_text(item.prompt, language),
                str(topic_label(item.topic)),
                question_type_label(item.type),
                item.n,
                _number(item.facility),
                _number(item.discrimination),
                _("yes") if item.trusted else _("no"),
                "; ".join(str(presentation.flag_label(code)) for code in item.flags),
                tr.n,
                _number(tr.facility),
                en.n,
                _number(en.facility),
                _number(item.language_gap),
                text_in(item.correct_text, language),
                text_in(top.text, language) if top and top.count else "",
                _number(top.share) if top and top.count else None,
                item.item_ref,
                item.key,
            ]
        )
    return headers, rows


def distractors_table(analysis):
    headers = [
        _("Class"),
        _("Question"),
        _("Wrong option"),
        _("Chosen"),
        _("Share of answers (%)"),
        _("Mean score of choosers (%)"),
        _("Question key"),
    ]
    language = get_language()
    name = analysis.classroom.name
    rows = [
        [
            name,
            presentation.question_text(item.prompt, language),
            text_in(d.text, language),
            d.count,
            _number(d.share),
            _number(d.mean_percent),
            item.key,
        ]
        for item in analysis.items
        for d in item.distractors
    ]
    return headers, rows


# --- Writers ------------------------------------------------------------------------------


def _widths(headers, sample):
    widths = [len(str(h)) for h in headers]
    for row in sample:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], 16 if isinstance(value, datetime.datetime) else len(str(value or "")))
    return [min(max(width + 2, 8), 60) for width in widths]


def _write_sheet(workbook, title, headers, rows):
    """One sheet in write-only mode, row by row: bold headers, frozen first row, widths from the first rows."""
    sheet = workbook.create_sheet(title[:31])
    rows = iter(rows)
    sample = list(itertools.islice(rows, WIDTH_SAMPLE))
    for i, width in enumerate(_widths(headers, sample), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=str(header))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    # One styled cell per date column, given each row's value: a write-only row is written as it is
    # appended, and styling a new cell for every date was a third of a big export's time.
    dates = {}
    for row in itertools.chain(sample, rows):
        sheet.append([_xlsx_value(sheet, value, dates, column) for column, value in enumerate(row)])


def _xlsx_value(sheet, value, dates, column):
    if isinstance(value, datetime.datetime):
        cell = dates.get(column)
        if cell is None:
            cell = dates[column] = WriteOnlyCell(sheet)
            cell.number_format = DATE_FORMAT
        cell.value = value
        return cell
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # openpyxl would store it as a formula
        return cell
    return value


def xlsx_response(name, sheets, title=""):
    """``sheets``: [(title, headers, rows)] → an attachment streamed from a temporary file."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    for sheet_title, headers, rows in sheets:
        _write_sheet(workbook, sheet_title, headers, rows)
    file = tempfile.TemporaryFile()  # removed when the response closes it
    workbook.save(file)
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=name, content_type=XLSX_TYPE)


class _Echo:
    """A file-like object whose write returns what it is given: csv.writer then yields lines."""

    def write(self, value):
        return value


def csv_dialect(language):
    """(delimiter, decimal mark) as the spreadsheet of that language reads a CSV: Turkish Excel wants ; and ,."""
    return (";", ",") if (language or "").startswith("tr") else (",", ".")


def _csv_value(value, decimal):
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, float):
        return repr(value).replace(".", decimal) if decimal != "." else repr(value)
    return "" if value is None else _csv_safe(value)


def csv_lines(headers, rows, language):
    """The CSV, line by line, after a BOM (so Excel reads UTF-8)."""
    delimiter, decimal = csv_dialect(language)
    writer = csv.writer(_Echo(), delimiter=delimiter)
    yield "\ufeff" + writer.writerow([str(h) for h in headers])
    for row in rows:
        yield writer.writerow([_csv_value(v, decimal) for v in row])


def csv_response(name, headers, rows):
    lines = csv_lines(headers, rows, get_language())
    response = StreamingHttpResponse((line.encode("utf-8") for line in lines), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


def results_xlsx(overview):
    return xlsx_response(
        filename(overview.classroom, "results", "xlsx"),
        [(_("Results"), *results_table(overview, workbook=True)), (_("Assignments"), *assignments_table(overview))],
        overview.classroom.name,
    )


def results_csv(overview):
    headers, rows = results_table(overview)
    return csv_response(filename(overview.classroom, "results", "csv"), headers, rows)


def items_xlsx(analysis):
    return xlsx_response(
        filename(analysis.classroom, "items", "xlsx"),
        [(_("Questions"), *items_table(analysis)), (_("Wrong options"), *distractors_table(analysis))],
        analysis.classroom.name,
    )


def items_csv(analysis):
    headers, rows = items_table(analysis)
    return csv_response(filename(analysis.classroom, "items", "csv"), headers, rows)
