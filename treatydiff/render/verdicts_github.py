"""Stage 4, render: the verdicts of ``check``/``lint`` as GitHub Actions workflow commands.

One ``::error file=F,line=N,title=RULE::message`` per failed verdict, which GitHub shows as an annotation on
that line of the file (``line`` is left out when unknown, ``file`` too); passing rules print nothing but the
last line, a ``::notice`` with the summary. Values are escaped as the runner decodes them
(actions/toolkit ``command.ts``): in the message ``%``, CR and LF; in properties also ``:`` and ``,``, which
would otherwise end the property. Other control characters (form feeds survive in treaty texts) and Unicode
line separators become spaces, so no reader of the log sees a command broken in two.
"""

from __future__ import annotations

import re

from rich.console import Console

from treatydiff.model import Verdict, Verdicts
from treatydiff.render import VERDICTS
from treatydiff.render.verdicts_common import by_rule, summary

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]")


@VERDICTS.register("github")
def render(verdicts: Verdicts, console: Console) -> str:
    """The workflow commands, one a line, ending with a newline; the console is not used."""
    lines = [error(rule, verdict) for rule, failures in by_rule(verdicts) for verdict in failures]
    lines.append(command("notice", {"title": f"treatydiff {verdicts.command}"}, summary(verdicts)))
    return "\n".join(lines) + "\n"


def error(rule: str, verdict: Verdict) -> str:
    properties: dict[str, str] = {}
    if verdict.file:
        properties["file"] = verdict.file
    if verdict.file and verdict.line:
        properties["line"] = str(verdict.line)
    properties["title"] = rule
    return command("error", properties, verdict.message or rule)


def command(name: str, properties: dict[str, str], message: str) -> str:
    """``::name k=v,k=v::message`` with every value escaped."""
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def escape_data(text: str) -> str:
    text = _CONTROL.sub(" ", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
