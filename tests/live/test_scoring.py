"""The live game's points, streaks and time accommodations: pure, no database."""

from live import scoring
from live.scoring import POINTS, Round, answer_points, player_limit, ranking, standings, streak_bonus


def test_an_answer_at_once_earns_the_full_points_and_at_the_last_moment_half():
    assert answer_points(0, 20, 20) == POINTS
    assert answer_points(10, 20, 20) == round(POINTS * 0.75)
    assert answer_points(20, 20, 20) == POINTS // 2


def test_time_is_clamped_to_the_players_limit():
    assert answer_points(35, 20, 20) == POINTS // 2
    assert answer_points(-3, 20, 20) == POINTS


def test_accuracy_only_ignores_time():
    assert answer_points(19, 20, 20, accuracy_only=True) == POINTS


def test_extra_time_stretches_the_limit_and_tenfold_is_untimed():
    assert player_limit(20, 150) == 30
    assert player_limit(20, 200) == 40
    assert player_limit(20, 100) == 20
    assert player_limit(20, None) == 20
    assert player_limit(20, 1000) is None


def test_an_accommodated_player_scores_on_their_own_clock():
    # 30 s into a 20 s question: a 2 × player is at 3/4 of their time.
    assert answer_points(30, player_limit(20, 200), 20) == round(POINTS * (1 - 0.75 / 2))


def test_an_untimed_player_earns_at_least_half():
    assert answer_points(500, None, 20) == POINTS // 2
    assert answer_points(0, None, 20) == POINTS


def test_the_streak_bonus_grows_and_stops_at_its_cap():
    assert [streak_bonus(n) for n in range(1, 9)] == [0, 100, 200, 300, 400, 500, 500, 500]


def _round(answers, answer="a", skipped=False):
    return Round(answer=answer, seconds=20, answers=answers, skipped=skipped)


def test_standings_add_points_streaks_and_reset_on_a_wrong_or_missing_answer():
    rounds = [
        _round({"1": ("a", 0.0), "2": ("b", 0.0)}),
        _round({"1": ("a", 0.0), "2": ("a", 0.0)}),
        _round({"2": ("a", 0.0)}),
    ]
    table = standings({"1": 100, "2": 100}, rounds)
    assert table["1"].total == POINTS + POINTS + 100
    assert table["1"].streak == 0 and table["1"].last_right is None
    assert table["2"].total == POINTS + POINTS + 100
    assert table["2"].streak == 2 and table["2"].right == 2 and table["2"].answered == 3


def test_a_skipped_question_counts_for_nobody_and_keeps_streaks():
    rounds = [_round({"1": ("a", 0.0)}), _round({"1": ("b", 0.0)}, skipped=True), _round({"1": ("a", 0.0)})]
    table = standings({"1": 100}, rounds)
    assert table["1"].total == 2 * POINTS + 100
    assert table["1"].answered == 2


def test_accuracy_only_gives_no_streak_bonus():
    rounds = [_round({"1": ("a", 5.0)}), _round({"1": ("a", 19.0)})]
    assert standings({"1": 100}, rounds, accuracy_only=True)["1"].total == 2 * POINTS


def test_ranking_is_by_total_then_right_answers_then_joining_order():
    table = {
        "1": scoring.Standing(total=10, right=1),
        "2": scoring.Standing(total=30),
        "3": scoring.Standing(total=10, right=2),
    }
    assert ranking(table) == ["2", "3", "1"]
    assert ranking({"1": scoring.Standing(), "2": scoring.Standing()}) == ["1", "2"]


def test_distribution_counts_each_option_in_order_and_ignores_strangers():
    answers = {"1": ("b", 1.0), "2": ("b", 2.0), "3": ("a", 1.0), "4": ("zzz", 1.0)}
    assert scoring.distribution(["a", "b", "c"], answers) == [1, 2, 0]
