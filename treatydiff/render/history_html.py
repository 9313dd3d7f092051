"""Stage 4, render: the history of n drafts as one self-contained HTML page (``-f html``).

The drafts, the survival of the first draft's text, the per-step summary, then the matrix as a table that
scrolls sideways inside the page with its first column (the provisions) kept in view, and its legend. With a
selection (``--article``): the matrix of the selected lineages, then each one's timeline, each step with the
compare report's redline (``compare_html.change_parts``). Built with the compare page's element builder
(``compare_html.el``/``block``), which escapes every piece of treaty text, under the same
Content-Security-Policy and styles. A provision's title, a draft's words, is isolated in its own direction
(``<span dir="auto">``) after the number the tool writes, as on the compare page.
"""

from __future__ import annotations

from rich.console import Console

from treatydiff.history import History, Lineage
from treatydiff.model import Outcome, RenderOptions
from treatydiff.render import HISTORY
from treatydiff.render import history_common as common
from treatydiff.render.compare_html import Markup, block, change_parts, el, page

#: What the history page adds to the compare page's styles: a matrix that scrolls both ways inside its frame,
#: its header row and first column sticky.
HISTORY_CSS = """
.matrix-wrap { overflow: auto; max-width: 100%; max-height: 80vh; border: 1px solid var(--rule);
  margin: .5rem 0 1rem; }
table.matrix thead th { position: sticky; top: 0; z-index: 2; background: #f3f4f6; }
table.matrix { margin: 0; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.matrix th:first-child, table.matrix td:first-child { position: sticky; left: 0; z-index: 1;
  background: var(--paper); max-width: 22rem; overflow: hidden; text-overflow: ellipsis; }
table.matrix thead th:first-child { background: #f3f4f6; z-index: 3; }
table.matrix td.cell { text-align: center; }
td.flagged .mark { color: #7a5200; font-weight: 700; }
.legend { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: .88rem; }
.legend code { font-weight: 700; }
section.lineage { margin: 2rem 0; }
h4 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 1rem 0 .25rem; }
""".strip()


@HISTORY.register("html")
def render(history: History, options: RenderOptions, console: Console) -> str:
    """The whole page, ending with a newline. The console is not used."""
    labels = [d.label for d in history.drafts]
    title = f"History: {' → '.join(labels) if len(labels) <= 4 else f'{labels[0]} → … → {labels[-1]}'}"
    body: list[str] = [_header(history, title)]
    if not history.selection:
        body.append(_steps(history))
    if not history.lineages:
        body.append(el("p", f"No provision matches {', '.join(history.selection)}.", class_="none"))
    else:
        body.append(_matrix(history))
        if history.selection:
            body += [_timeline(history, lineage, options) for lineage in history.lineages]
    return page(title, body, HISTORY_CSS, wide=True)


def _header(history: History, title: str) -> Markup:
    rows = [el("tr", el("th", draft_id, scope="row"), el("td", draft.label), el("td", common.draft_line(draft)))
            for draft_id, draft in zip(common.draft_ids(history), history.drafts, strict=True)]
    parts: list[str] = [el("h1", title)]
    if history.selection:
        count = len(history.lineages)
        parts.append(el("p", f"Provisions matching {', '.join(history.selection)}: {count} "
                             f"lineage{'s' if count != 1 else ''}.", class_="sources"))
    parts.append(block("table", el("thead", el("tr", el("th", ""), el("th", "draft"), el("th", "file"))),
                       block("tbody", *rows)))
    if not history.selection:
        parts.append(el("p", common.survival_sentence(history)))
    return block("header", *parts)


def _steps(history: History) -> Markup:
    shown = common.step_outcomes(history)
    head = el("tr", el("th", "step"), *(el("th", o.value, class_="num") for o in shown),
              *(el("th", h, class_="num") for h in ("words inserted", "words deleted", "share changed",
                                                    "substantive", "flagged")))
    rows = []
    for row in common.step_rows(history):
        counts = [el("td", str(n := row.outcomes[o.value]), class_="num" if n else "num zero") for o in shown]
        rows.append(el("tr", el("th", row.label, scope="row"), *counts,
                       *(el("td", value, class_="num") for value in (
                           str(row.words_inserted), str(row.words_deleted), f"{row.share_changed:.1%}",
                           str(row.substantive), str(row.flagged)))))
    table = block("table", el("thead", head), block("tbody", *rows))
    return block("section", el("h2", "Per step"), table, id="steps")


def _legend() -> Markup:
    items: list[str] = []
    for k, item in enumerate(common.LEGEND):
        if k:
            items.append(" · ")
        items += [el("code", item.symbol), f" {item.meaning}"]
    return el("p", "Legend: ", *items, class_="legend")


def _matrix(history: History) -> Markup:
    labels = common.column_labels(history)
    head = el("tr", el("th", "provision", scope="col"), *(el("th", label, scope="col") for label in labels))
    rows = [el("tr", el("th", *_name(lineage), scope="row"),
               *(_cell(lineage, i) for i in range(len(history.drafts))))
            for lineage in history.lineages]
    table = block("table", el("thead", head), block("tbody", *rows), class_="matrix")
    parts: list[str] = [el("h2", "Matrix"), _legend(), block("div", table, class_="matrix-wrap")]
    if not history.selection:
        every = common.changed_every_step(history)
        parts.append(el("p", "Changed in every step: ",
                        ", ".join(common.lineage_ref(x) for x in every) or "none"))
    return block("section", *parts, id="matrix")


def _name(lineage: Lineage) -> list[str]:
    """``common.lineage_name`` (``Art. 4a Scope``) with the title, a draft's words, isolated in its own direction."""
    name, number = common.lineage_name(lineage), common.lineage_ref(lineage)
    if name == number or not name.startswith(f"{number} "):
        return [name]
    return [number, " ", el("span", name[len(number) + 1:], dir="auto")]


def _cell(lineage: Lineage, index: int) -> Markup:
    text = common.cell_text(lineage, index)
    outcome = common.cell_outcome(lineage, index)
    classes = ["cell"] + ([f"o-{outcome.value}"] if outcome is not None else [])
    if text.endswith(common.FLAGGED):
        return el("td", text[:-1], el("span", common.FLAGGED, class_="mark"), class_=" ".join([*classes, "flagged"]))
    return el("td", text, class_=" ".join(classes))


def _timeline(history: History, lineage: Lineage, options: RenderOptions) -> Markup:
    parts: list[str] = [el("h2", *_name(lineage)),
                        el("p", common.lineage_span(history, lineage), class_="path")]
    for entry in common.timeline(history, lineage):
        parts.append(el("h4", entry.headline))
        change = entry.change
        if change is not None and change.outcome is not Outcome.UNCHANGED:
            before, after = history.drafts[entry.index - 1], history.drafts[entry.index]
            parts.append(block("section", *change_parts(change, options, (before.label, after.label),
                                                        (before.language, after.language)),
                               class_=f"change c-{change.outcome.value}"))
    return block("section", *parts, class_="lineage")
