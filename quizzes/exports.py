"""Reports as spreadsheets: XLSX (openpyxl) and CSV (UTF-8 with a BOM, so Excel reads Turkish letters).

Both formats carry the same rows. Numbers stay numbers and dates real dates;
Excel has no time zones, so dates are written in Istanbul local time, naive.
"""

import csv
import datetime
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .models import topic_label
from .presentation import text_in
from .reports import presentation

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "yyyy-mm-dd hh:mm"
_ASCII = str.maketrans("çğıöşüÇĞİÖŞÜâîûÂÎÛ", "cgiosuCGIOSUaiuAIU")


def filename(classroom, report, extension):
    """An ASCII file name: "9-a-dijital-donusum-results.xlsx" (ı → i, not dropped)."""
    stem = slugify(classroom.name.translate(_ASCII)) or f"class-{classroom.pk}"
    return f"{stem}-{report}.{extension}"


def _local(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
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


def results_table(overview):
    """One row per student and assignment (long format: easy to filter and pivot)."""
    headers = [
        _("Student"),
        _("Username"),
        _("Assignment"),
        _("Opens"),
        _("Due"),
        _("Status"),
        _("Attempts submitted"),
        _("Score (%)"),
        _("First submitted"),
    ]
    rows = []
    for row in overview.rows:
        for cell in row.cells:
            a = cell.assignment
            rows.append(
                [
                    row.name,
                    row.student.get_username(),
                    a.title,
                    _local(a.opens_at),
                    _local(a.due_at),
                    str(presentation.status_label(cell.status)),
                    cell.submitted,
                    _number(cell.percent),
                    _local(cell.first_submitted_at),
                ]
            )
    return headers, rows


def items_table(analysis):
    headers = [
        _("Question key"),
        _("Question"),
        _("Topic"),
        _("Type"),
        _("Content item"),
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
    ]
    language = get_language()
    rows = []
    for item in analysis.items:
        tr, en = item.languages
        top = max(item.distractors, key=lambda d: d.count, default=None)
        rows.append(
            [
                item.key,
                presentation.question_text(item.prompt, language),
                str(topic_label(item.topic)),
                item.type,
                item.item_ref,
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
            ]
        )
    return headers, rows


def distractors_table(analysis):
    headers = [
        _("Question key"),
        _("Wrong option"),
        _("Chosen"),
        _("Share of answers (%)"),
        _("Mean score of choosers (%)"),
    ]
    language = get_language()
    rows = [
        [item.key, text_in(d.text, language), d.count, _number(d.share), _number(d.mean_percent)]
        for item in analysis.items
        for d in item.distractors
    ]
    return headers, rows


# --- Writers ------------------------------------------------------------------------------


def _widths(headers, rows):
    widths = [len(str(h)) for h in headers]
    for row in rows:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], 16 if isinstance(value, datetime.datetime) else len(str(value or "")))
    return [min(max(width + 2, 8), 60) for width in widths]


def _write_sheet(workbook, title, headers, rows):
    """One sheet in write-only mode (several times faster on a big class): bold headers, frozen first row."""
    sheet = workbook.create_sheet(title[:31])
    for i, width in enumerate(_widths(headers, rows), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=str(header))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_xlsx_value(sheet, value) for value in row])


def _xlsx_value(sheet, value):
    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # openpyxl would store it as a formula
        return cell
    return value


def xlsx_response(name, sheets):
    """``sheets``: [(title, headers, rows)] → an attachment response."""
    workbook = Workbook(write_only=True)
    for title, headers, rows in sheets:
        _write_sheet(workbook, title, headers, rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


def _csv_value(value):
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return "" if value is None else _csv_safe(value)


def csv_response(name, headers, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows([_csv_value(v) for v in row] for row in rows)
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


def results_xlsx(overview):
    headers, rows = results_table(overview)
    return xlsx_response(filename(overview.classroom, "results", "xlsx"), [(_("Results"), headers, rows)])


def results_csv(overview):
    headers, rows = results_table(overview)
    return csv_response(filename(overview.classroom, "results", "csv"), headers, rows)


def items_xlsx(analysis):
    return xlsx_response(
        filename(analysis.classroom, "items", "xlsx"),
        [(_("Questions"), *items_table(analysis)), (_("Wrong options"), *distractors_table(analysis))],
    )


def items_csv(analysis):
    headers, rows = items_table(analysis)
    return csv_response(filename(analysis.classroom, "items", "csv"), headers, rows)
