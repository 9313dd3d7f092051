"""Stage 4, render: the verdicts of ``check``/``lint`` for people reading a terminal or a CI log.

One line per failed verdict, ``✗ rule — Art. 5 — rev2.md:14 — message``, in the order the rules ran; then one
``✓ rule`` line per rule that passed; then the summary, ``2 of 5 rules failed`` or ``clean: 5 rules passed``.
Lines are never wrapped (``soft_wrap``), so a log stays greppable. Every piece of treaty text goes in as a
``Text``, never as markup. Without colour (a pipe, a file, ``NO_COLOR``) the console drops the styles and the
marks ``✗``/``✓`` carry the meaning alone.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from treatydiff.model import Verdicts
from treatydiff.render import VERDICTS
from treatydiff.render.verdicts_common import by_rule, finding, summary

FAILED_STYLE = "bold #d55e00"  # vermillion of the Okabe-Ito palette, as deletions in the change report
PASSED_STYLE = "#009e73"  # bluish green of the same palette


@VERDICTS.register("text")
def render(verdicts: Verdicts, console: Console) -> str:
    with console.capture() as capture:
        for line in lines(verdicts):
            console.print(line, soft_wrap=True, highlight=False)
    return capture.get()


def lines(verdicts: Verdicts) -> list[Text]:
    groups = by_rule(verdicts)
    out: list[Text] = []
    for rule, failures in groups:
        for verdict in failures:
            line = Text.assemble(("✗ ", FAILED_STYLE), (rule, "bold"))
            detail = finding(verdict)
            if detail:
                line.append(" — " + detail)
            out.append(line)
    out.extend(Text.assemble(("✓ ", PASSED_STYLE), rule) for rule, failures in groups if not failures)
    out.append(Text(summary(verdicts), style=FAILED_STYLE if not verdicts.passed else PASSED_STYLE + " bold"))
    return out
