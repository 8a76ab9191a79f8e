"""The weights the context step (:mod:`cleanseed.boilerplate.context`) judges lines by: what each
kind of line gains when kept, where a label stands, how far a table or a rule's removal reaches,
what it costs to cut a page, and the ids its removals carry. Tuned on the dev half of the
page-text benchmark (``benchmarks/pagetext.py``) only.
"""

from __future__ import annotations

#: What it costs to leave the header of a page for its content, or its content for its footer.
EDGE = 3.0
#: What it costs to enter a stretch of chrome inside the content, and again to leave it.
INNER = 10.0
#: The weight of each kind of line (:func:`~cleanseed.boilerplate.lines.kind_of`) on its own:
#: what keeping it gains, and dropping it loses. Labels are weighed by where they stand
#: (LABEL_WEIGHTS), prose by its length.
WEIGHTS: dict[str | None, float] = {
    "text": 0.25,  # a heading, a short sentence, an item of a list: goes with its neighbours
    "cell": 0.25,  # a table's cell, a count: goes with its neighbours
    "data": 0.25,  # a date, a score, a line of code: goes with its neighbours
    "row": -2.5,  # labels joined by separators: a menu, a share bar
    "mark": -0.5,  # a separator on a line of its own
    "teaser": -1.0,  # a line of a list of teasers, between its stamps: goes where it stands
    None: -2.0,  # removed by a rule: chrome, and a sign of chrome around it
    # removed by a rule of a class that articles hold too (a caption, a dateline): it weighs
    # as removed, but neither ends what hangs below prose nor marks the labels beside it
    "quiet": -2.0,
}
#: A line of prose weighs a point for every PROSE_CHARS characters, from PROSE_MIN to PROSE_MAX:
#: content, unless it is short and stands alone amid chrome.
PROSE_CHARS = 30.0
PROSE_MIN = 2.0
PROSE_MAX = 10.0
#: The weight of a label by where it stands: before any prose (a menu above the article);
#: below prose with no chrome in between, within ATTACHED lines of it (an item of a list that
#: ends an article, or a menu right below it: little is known) or further; or past a line a
#: rule removed or a row of labels (chrome is under way). A plain label is a menu's.
NO_PROSE, BELOW_PROSE, FAR, PAST_CHROME = range(4)
ATTACHED = 10
LABEL_WEIGHTS = {
    ("plain", NO_PROSE): -1.0, ("label", NO_PROSE): -0.5,
    ("plain", BELOW_PROSE): -0.2, ("label", BELOW_PROSE): 0.0,
    ("plain", FAR): -0.7, ("label", FAR): -0.4,
    ("plain", PAST_CHROME): -1.5, ("label", PAST_CHROME): -1.0,
}
#: A label within NEAR_REACH lines of a line a rule removed weighs NEAR_WEIGHT more: a link
#: next to a share bar, a copyright line, a cookie banner.
NEAR_REACH = 4
NEAR_WEIGHT = -0.5
#: The weight of a label just above a line of prose: a heading.
HEADING_WEIGHT = 0.25
#: A label with at least CELLS lines of digits or code within TABLE_REACH lines of it is a cell
#: of a table (or a word of a program), not a menu item: it weighs nothing.
CELLS = 3
TABLE_REACH = 8
#: A stretch goes only if it holds evidence of chrome: a line a rule removed, a row of labels,
#: or a run of at least MENU_RUN plain labels that weigh MENU_WEIGHT or less (a menu's shape,
#: not a list hanging below prose).
MENU_RUN = 4
MENU_WEIGHT = -0.5
#: A stretch goes only if the lines in it that no rule removed weigh OWN_WEIGHT or more
#: against: the rules took the chrome they name, and a line or two beside it (a heading, a
#: short line at the end of an article) is no proof that more is chrome.
OWN_WEIGHT = 3.0
#: A text of fewer non-blank lines is not a page.
MIN_LINES = 4
#: At most this many rounds of judging the remaining lines again (one or two in practice).
MAX_ROUNDS = 32

RULE_ROW = "context.label_row"
RULE_RUN = "context.short_run"
RULE_PROSE = "context.low_prose"
RULE_RECORD = "context.post_record"
RULE_ENTRY = "context.contents_entry"
RULE_TEASER = "context.teaser_list"
