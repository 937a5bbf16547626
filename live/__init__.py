"""The live class game: a teacher projects questions, pupils answer on their phones against the server's clock.

Its own app beside ``quizzes`` (which never imports it): it draws questions with quizzes' generator and
saves the players' answers as attempts through quizzes' services when a game ends.
"""
