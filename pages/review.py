"""Review: the queue of uncertain links side by side → confirm / reject with a note (audited)."""

from __future__ import annotations

import streamlit as st

from chipwatch.ui import keys
from chipwatch.ui.review import ReviewAction, gone_message, pair_label, queued_row, reasons, side_by_side
from chipwatch.ui.store import display_name, guarded, note_flushed, settings, store, warn_if_graph_behind
from chipwatch.ui.tables import cell_text
from graph.resolve.link import link_score_text
from graph.resolve.review import (
    Decision,
    confirmed_over_guard,
    decide,
    load_decisions,
    pair_key,
    pending_queue,
)


def _clicked(source: str, target: str, decision: Decision) -> None:
    """A button's callback: its args were bound when it was drawn, so this is the pair shown."""
    note = str(st.session_state.get(keys.REVIEW_NOTE) or "")
    st.session_state[keys.REVIEW_ACTION] = ReviewAction(source, target, decision, note)


st.header("Review")
# the queue comes from `chipwatch resolve` (the tables), the side-by-side records from the graph: a
# party ingested with --no-graph is queued but not in the graph yet
warn_if_graph_behind()
with guarded():
    s = settings()
    queue = pending_queue(s)
    overrides = confirmed_over_guard(s)
    g = store()

action: ReviewAction | None = st.session_state.pop(keys.REVIEW_ACTION, None)
shown: tuple[str, str] | None = st.session_state.pop(keys.REVIEW_SHOWN, None)
if action is not None:
    clicked = queued_row(queue, action.source, action.target)
    if clicked is None:  # decided by someone else since it was drawn: record nothing
        decided = load_decisions(s).get(pair_key(action.source, action.target))
        st.warning(gone_message(action.source, action.target, decided, clicked=True))
    else:
        with guarded():
            j = decide(
                s,
                action.source,
                action.target,
                action.decision,
                note=action.note,
                context={"score": float(clicked["score"]), "via": "app"},
                store=g,
            )
            g.flush()
            note_flushed(g)  # the open store already holds the decision: no reload for the next render
        a, b = (f"{display_name(g, n)} ({n})" for n in (j.a, j.b))
        st.session_state[keys.REVIEW_DONE] = f"Recorded {j.decision.value} for {a} ↔ {b}."
        # The note was written for the pair just decided: left in the box, it went on record
        # for the next pair shown with one click.
        st.session_state[keys.REVIEW_NOTE] = ""
        st.rerun()
elif shown is not None and queued_row(queue, *shown) is None:
    decided = load_decisions(s).get(pair_key(*shown))
    message = gone_message(*shown, decided, clicked=False)
    if st.session_state.get(keys.REVIEW_NOTE):  # typed for the pair gone, not for the one shown now
        st.session_state[keys.REVIEW_NOTE] = ""
        message += " Your note was cleared: it was written for that pair."
    st.warning(message)

done = st.session_state.pop(keys.REVIEW_DONE, None)
if done:
    st.success(done)
if not overrides.empty:
    # A confirmation stands against the anti-chaining guard (a human decision overrides the
    # automatic checks), but the officer must see what it joins.
    st.warning(
        f"{len(overrides)} confirmed link(s) join records the anti-chaining guard keeps apart; "
        "the confirmation stands (reject the pair to withdraw it):\n\n"
        + "\n".join(f"- {a} ↔ {b}: {reason}" for a, b, reason in overrides.itertuples(index=False, name=None))
    )
if queue.empty:
    st.info("The review queue is empty (run `chipwatch resolve` to fill it).")
    st.stop()

st.caption(f"{len(queue)} pairs waiting for a decision")
# Options are the pairs' ids, not queue positions: another officer's decision shifts the
# positions between renders, and the pick must stay on the pair it was made on.
labels = {
    (str(src), str(tgt)): pair_label(g, str(src), str(tgt), float(score))
    for src, tgt, score in zip(queue["source"], queue["target"], queue["score"], strict=True)
}
pick = st.selectbox("Pair", list(labels), format_func=lambda p: labels.get(p, str(p)), key=keys.REVIEW_PICK)
source, target = pick
row = queued_row(queue, source, target)
assert row is not None  # an option of this render
st.session_state[keys.REVIEW_SHOWN] = pick
st.table(side_by_side(g, source, target))
st.markdown(f"**Score {link_score_text(float(row['score']))}** · method {cell_text(row.get('method'))}")
for reason in reasons(row["reasons_json"]):
    st.markdown(f"- {reason}")

st.text_input("Note (why)", key=keys.REVIEW_NOTE)
c1, c2 = st.columns(2)
c1.button(
    "Confirm: same entity",
    key=keys.REVIEW_CONFIRM,
    on_click=_clicked,
    args=(source, target, Decision.CONFIRM),
)
c2.button(
    "Reject: different entities",
    key=keys.REVIEW_REJECT,
    on_click=_clicked,
    args=(source, target, Decision.REJECT),
)
