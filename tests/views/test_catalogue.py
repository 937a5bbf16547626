"""The quiz catalogue (quizzes/)."""


def test_it_offers_topics_and_named_quizzes(client, content):
    html = client.get("/en/quizzes/").content.decode()
    assert "Timeline 2017–2025" in html
    assert "Meet the office" in html
