"""`reviewer triage`: walk the pending revisions in the terminal and decide each one.

Every action goes through the Store with the version the editor was shown, so a revision someone
else decided in the meantime gives a conflict message instead of a silent second decision.
End of input (Ctrl-D, a closed pipe) ends the walk like ``q``.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.prompt import Prompt

from reviewer.commands.store_output import label, print_findings, print_revision
from reviewer.errors import ReviewerError
from reviewer.store import ConflictError, InvalidTransition, RevisionView, Store

ACTIONS = {
    "a": "approve",
    "r": "reject",
    "c": "request changes",
    "w": "waive a finding",
    "o": "override (approve blocked)",
    "s": "skip",
    "q": "quit",
}
MENU = "  ".join(f"[bold]{key}[/bold] {text}" for key, text in ACTIONS.items())


class _Quit(Exception):
    pass


def run_triage(
    store: Store,
    *,
    by: str,
    console: Console,
    verdict: str | None = None,
    language: str | None = None,
    limit: int | None = None,
) -> Counter[str]:
    """Ask about each pending revision; returns how many got which outcome."""
    if not by.strip():
        raise ReviewerError("triage needs your name (--by NAME)")
    pending = store.queue(status="pending", verdict=verdict, language=language, limit=limit)
    outcomes: Counter[str] = Counter()
    if not pending:
        console.print("nothing pending")
        return outcomes
    try:
        for n, item in enumerate(pending, 1):
            console.rule(f"{n}/{len(pending)}")
            outcomes[_triage_one(store, item.id, by, console)] += 1
    except _Quit:
        outcomes["quit"] += 1
    done = ", ".join(
        f"{count} {label(outcome)}" for outcome, count in outcomes.items() if outcome != "quit"
    )
    console.print(f"\ntriage done: {done or 'no decisions'}")
    return outcomes


def _triage_one(store: Store, revision_id: int, by: str, console: Console) -> str:
    view = store.get(revision_id)
    if view.status != "pending":
        console.print(f"revision {view.id} is {label(view.status)} by now; skipped")
        return "skipped"
    print_revision(view, console)
    while True:
        console.print(MENU)
        choice = _ask(console, "action", choices=list(ACTIONS))
        if choice == "q":
            raise _Quit
        if choice == "s":
            return "skipped"
        try:
            if choice == "w":
                view = _waive(store, view, by, console)
                continue
            outcome = _decide(store, view, choice, by, console)
        except InvalidTransition as exc:
            console.print(f"[red]{escape(str(exc))}[/red]")
            if store.get(view.id).status == "pending":
                continue  # e.g. blocked: waive or override, then try again
            return "conflict"
        except ConflictError as exc:
            console.print(f"[red]{escape(str(exc))}[/red]")
            return "conflict"
        except ReviewerError as exc:
            console.print(f"[red]{escape(str(exc))}[/red]")
            continue
        console.print(f"[green]revision {view.id} {label(outcome)}[/green]")
        return outcome


def _decide(store: Store, view: RevisionView, choice: str, by: str, console: Console) -> str:
    version = view.version
    if choice == "a":
        note = _ask(console, "note (optional)", default="") or None
        store.approve(view.id, by=by, note=note, expected_version=version)
        return "approved"
    if choice == "o":
        reason = _ask_required(console, "override reason")
        store.approve(view.id, by=by, override_reason=reason, expected_version=version)
        return "approved"
    if choice == "r":
        store.reject(
            view.id, by=by, note=_ask_required(console, "why rejected"), expected_version=version
        )
        return "rejected"
    store.request_changes(
        view.id, by=by, note=_ask_required(console, "what to change"), expected_version=version
    )
    return "changes_requested"


def _waive(store: Store, view: RevisionView, by: str, console: Console) -> RevisionView:
    findings = view.report.findings if view.report else []
    open_findings = [f for f in findings if f.id not in view.waived_ids]
    if not open_findings:
        console.print("no findings left to waive")
        return view
    listed = print_findings(view, console, numbered=True)
    answer = _ask(console, "finding (number or id)")
    finding_id = answer
    if answer.isdigit() and 1 <= int(answer) <= len(listed):
        finding_id = listed[int(answer) - 1].id
    reason = _ask_required(console, "reason")
    store.waive(view.id, finding_id, by=by, reason=reason)
    updated = store.get(view.id)
    console.print(f"waived {finding_id}; verdict now {label(updated.effective_verdict)}")
    return updated


def _ask(console: Console, prompt: str, **kwargs: object) -> str:
    try:
        return Prompt.ask(prompt, console=console, **kwargs).strip()  # type: ignore[arg-type]
    except EOFError:
        raise _Quit from None


def _ask_required(console: Console, prompt: str) -> str:
    while True:
        answer = _ask(console, prompt)
        if answer:
            return answer
        console.print("[red]needed for the record[/red]")
