#!/usr/bin/python3
"""Predict, then reveal, in the real window (xdotool under Xvfb, see xapp.py).

lesson_questions: lesson 01 step 1 asks the value of output (0, 1) and the argmax of (1, 1); the output grid
hides them; a wrong answer (the window's average) gets a hint, the right one reveals it; a click on the
input cell holding 8 answers the argmax question; the step's reveal text shows only once both are answered.
quiz_mode: "Quiz me" on the default layer hides the current window's value until it is answered.
Usage: quiz_gui_driver.py --app PATH --lessons DIR SCENARIO.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xapp import FreshApp, check, run_scenario  # noqa: E402


def answer(app, anchor, text):
    app.click_anchor(app.report(), anchor, fx=0.5)
    app.key("ctrl+a")  # replace what the field holds
    app.type(text)
    app.key("Return")
    return app.report()


def scenario_lesson_questions(exe, lessons):
    app = FreshApp(exe, ["--lesson", os.path.join(lessons, "01-pool2d-from-scratch.json"), "--step", "1"],
                   "poolscope-quiz-")
    s = app.report()
    cards = s["quiz"]["cards"]
    check([c["kind"] for c in cards] == ["value", "argmax"], f"lesson 01 step 1 asks: {cards}")
    check("lesson.reveal" not in s["anchors"], "the step's reveal is shown before its questions are answered")
    s = answer(app, "quiz.answer0", "3")
    card = s["quiz"]["cards"][0]
    check(card["correct"] is False and card["hint"] and not card["revealed"], f"after a wrong answer: {card}")
    s = answer(app, "quiz.answer0", "5")
    card = s["quiz"]["cards"][0]
    check(card["correct"] is True and card["revealed"] and card["attempts"] == 2, f"after 5: {card}")
    check("lesson.reveal" not in s["anchors"], "the step's reveal is shown with a question still open")
    # The 3x3 input plane in the card: click its bottom-right cell (8), then Check.
    x, y, w, h = app.scrolled_to(app.report(), "quiz.grid")["anchors"]["quiz.grid"]
    app.click(x + w * 5 / 6, y + h * 5 / 6)
    app.click_anchor(app.report(), "quiz.check1")
    s = app.report()
    card = s["quiz"]["cards"][1]
    check(card["correct"] is True and card["revealed"], f"argmax after clicking 8: {card}")
    check("lesson.reveal" in s["anchors"], "the step's reveal is not shown once both questions are answered")
    check(app.quit_with_ctrl_q() == 0, "exit status")


def scenario_quiz_mode(exe, lessons):
    app = FreshApp(exe, [], "poolscope-quiz-")
    app.click_anchor(app.report(), "ui.quiz_mode", fx=0.1)
    s = app.report()
    check(s["quiz"]["mode"] and s["quiz"]["hides_current"], f"quiz mode: {s['quiz']}")
    s = answer(app, "quiz.answer0", "5")  # max of the first window (0, 1, 4, 5 and padding)
    check(s["quiz"]["cards"][0]["correct"] is True and not s["quiz"]["hides_current"], f"after 5: {s['quiz']}")
    app.click_anchor(s, "ui.forward")
    s = app.report()
    check(s["step"] == 1 and s["quiz"]["hides_current"], f"the next window is asked too: {s['quiz']}")
    check(app.quit_with_ctrl_q() == 0, "exit status")


SCENARIOS = {"lesson_questions": scenario_lesson_questions, "quiz_mode": scenario_quiz_mode}


if __name__ == "__main__":
    sys.exit(run_scenario(SCENARIOS, "lessons"))
