"""Review: the queue of uncertain links side by side → confirm / reject with a note (audited)."""

from __future__ import annotations

import streamlit as st

from chipwatch.ui import keys
from chipwatch.ui.review import pair_label, reasons, side_by_side
from chipwatch.ui.store import guarded, note_flushed, settings, store
from graph.resolve.review import Decision, confirmed_over_guard, decide, pending_queue

st.header("Review")
with guarded():
    s = settings()
    queue = pending_queue(s)
    overrides = confirmed_over_guard(s)
    g = store()

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
# Options are queue positions, labelled uniquely: a selectbox maps the label back to the option.
labels = {
    i: pair_label(g, str(src), str(tgt), float(score))
    for i, (src, tgt, score) in enumerate(zip(queue["source"], queue["target"], queue["score"], strict=True))
}
pick = st.selectbox("Pair", list(labels), format_func=lambda i: labels[i], key=keys.REVIEW_PICK)
row = queue.iloc[int(pick)]
st.table(side_by_side(g, str(row["source"]), str(row["target"])))
st.markdown(f"**Score {float(row['score']):.2f}** · method {row.get('method', '')}")
for reason in reasons(row["reasons_json"]):
    st.markdown(f"- {reason}")

note = st.text_input("Note (why)", key=keys.REVIEW_NOTE)
c1, c2 = st.columns(2)
choice = None
if c1.button("Confirm: same entity", key=keys.REVIEW_CONFIRM):
    choice = Decision.CONFIRM
if c2.button("Reject: different entities", key=keys.REVIEW_REJECT):
    choice = Decision.REJECT
if choice is not None:
    with guarded():
        j = decide(
            s,
            str(row["source"]),
            str(row["target"]),
            choice,
            note=note,
            context={"score": float(row["score"]), "via": "app"},
            store=g,
        )
        g.flush()
        note_flushed(g)  # the open store already holds the decision: no reload for the next render
    st.session_state[keys.REVIEW_DONE] = f"Recorded {j.decision.value} for {j.a} ↔ {j.b}."
    st.rerun()
