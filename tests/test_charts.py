"""The SVG charts: pure functions, labels and numbers in, markup out, read back as XML."""

import re
import xml.etree.ElementTree as ET

from quizzes.charts import bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup):
    return ET.fromstring(markup)  # noqa: S314 -- our own markup, parsed to check it is well-formed


def texts(root):
    return [t.text for t in root.iter(f"{SVG}text")]


def axis_numbers(root):
    """The y axis: the text beside each horizontal grid line, bottom to top."""
    grid = list(root.iter(f"{SVG}line"))
    right_aligned = [
        t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end" and not t.get("transform")
    ]
    assert len(grid) == len(right_aligned)
    return right_aligned


# --- Bar chart ------------------------------------------------------------------------------------


def test_a_bar_chart_is_an_image_with_a_title_and_a_description():
    root = parse(bar_chart([("A", 1)], title="Score distribution", description="Students per band", y_label="n"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Score distribution"
    assert root.find(f"{SVG}title").text == "Score distribution"
    assert root.find(f"{SVG}desc").text == "Students per band"
    assert "n" in texts(root)


def test_each_bar_carries_its_number_as_text():
    root = parse(bar_chart([("Daireler", 75), ("Görevler", 50), ("Zaman", 12.5)], title="t", y_max=100))
    assert len(root.findall(f"{SVG}rect")) == 3
    shown = texts(root)
    for number in ("75", "50", "12.5"):
        assert number in shown
    assert [r.find(f"{SVG}title").text for r in root.findall(f"{SVG}rect")] == [
        "Daireler: 75",
        "Görevler: 50",
        "Zaman: 12.5",
    ]


def test_taller_values_give_taller_bars():
    heights = [
        float(r.get("height"))
        for r in parse(bar_chart([("a", 25), ("b", 100)], title="t", y_max=100)).findall(f"{SVG}rect")
    ]
    assert heights[1] == 4 * heights[0]


def test_the_y_axis_runs_from_zero_to_the_given_maximum_in_quarters():
    root = parse(bar_chart([("a", 40)], title="t", y_max=100))
    assert axis_numbers(root) == ["0", "25", "50", "75", "100"]


def test_without_a_maximum_the_y_axis_ends_at_the_largest_value():
    assert axis_numbers(parse(bar_chart([("a", 3), ("b", 8)], title="t"))) == ["0", "2", "4", "6", "8"]


def test_a_bar_above_the_maximum_stays_inside_the_chart():
    rects = parse(bar_chart([("a", 100), ("b", 150)], title="t", y_max=100)).findall(f"{SVG}rect")
    assert rects[0].get("height") == rects[1].get("height")


def test_a_missing_value_is_drawn_as_zero():
    root = parse(bar_chart([("a", None)], title="t", y_max=100))
    assert root.find(f"{SVG}rect").get("height") == "0.0"
    assert "0" in texts(root)


def test_an_empty_bar_chart_is_still_a_valid_image_with_an_axis():
    root = parse(bar_chart([], title="Nothing yet"))
    assert root.find(f"{SVG}title").text == "Nothing yet"
    assert root.findall(f"{SVG}rect") == []
    assert axis_numbers(root) == ["0", "0.25", "0.5", "0.75", "1"]


def test_labels_and_titles_are_escaped():
    markup = bar_chart([("<b>Ar&Ge</b>", 1)], title='Dairenin "payı" <%>', y_label="&")
    root = parse(markup)  # would raise on unescaped markup
    assert "<b>" not in markup
    assert "<b>Ar&Ge</b>" in texts(root)
    assert root.get("aria-label") == 'Dairenin "payı" <%>'


def test_a_long_label_is_shortened_with_an_ellipsis():
    label = "Cumhurbaşkanlığı Dijital Dönüşüm Ofisi"
    shown = texts(parse(bar_chart([(label, 1)], title="t")))
    assert label not in shown
    assert label[:21] + "…" in shown


def test_turkish_letters_are_kept():
    shown = texts(parse(bar_chart([("Işık İçişleri Ğşçöü", 1)], title="Şule")))
    assert "Işık İçişleri Ğşçöü" in shown


# --- Line chart -----------------------------------------------------------------------------------


def test_a_line_chart_joins_its_points_with_the_number_at_each():
    root = parse(line_chart([("01.03", 40), ("02.03", 60), ("03.03", 100)], title="Trend", y_label="%"))
    points = root.find(f"{SVG}polyline").get("points").split()
    assert len(points) == 3
    assert len(root.findall(f"{SVG}rect")) == 3  # a square marker at each point, readable without colour
    shown = texts(root)
    for number in ("40", "60", "100", "01.03", "03.03", "%"):
        assert number in shown


def test_a_higher_score_is_drawn_higher():
    root = parse(line_chart([("a", 20), ("b", 80)], title="t"))
    (x1, y1), (x2, y2) = (map(float, p.split(",")) for p in root.find(f"{SVG}polyline").get("points").split())
    assert x1 < x2
    assert y2 < y1  # SVG's y grows downwards


def test_the_line_charts_y_axis_is_percent_unless_told():
    assert axis_numbers(parse(line_chart([("a", 50)], title="t"))) == ["0", "25", "50", "75", "100"]
    assert axis_numbers(parse(line_chart([("a", 2)], title="t", y_max=4))) == ["0", "1", "2", "3", "4"]


def test_a_point_above_the_maximum_stays_inside_the_chart():
    root = parse(line_chart([("a", 100), ("b", 250)], title="t"))
    ys = [p.split(",")[1] for p in root.find(f"{SVG}polyline").get("points").split()]
    assert ys[0] == ys[1]


def test_an_empty_line_chart_has_no_line():
    root = parse(line_chart([], title="No attempts"))
    assert root.find(f"{SVG}polyline") is None
    assert root.find(f"{SVG}title").text == "No attempts"
    assert axis_numbers(root) == ["0", "25", "50", "75", "100"]


def test_a_chart_loads_nothing_from_another_site():
    markup = bar_chart([("a", 1)], title="t") + line_chart([("a", 1)], title="t")
    assert not re.search(r"(href|src)=", markup)
