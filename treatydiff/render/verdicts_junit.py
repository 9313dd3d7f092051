"""Stage 4, render: the verdicts of ``check``/``lint`` as JUnit XML, for CI dashboards and test-report actions.

``<testsuites>`` holding one ``<testsuite name="treatydiff check">`` (or lint) with one ``<testcase>`` per rule
that ran, passing ones included; a failed rule holds one ``<failure>`` whose ``message`` summarises it and
whose text lists every finding of that rule, one a line (``Art. 5 — rev2.md:14 — message``). Built with
``xml.etree`` so every attribute and text is escaped; characters XML 1.0 cannot hold (form feeds and other
control characters that survive in treaty texts) are dropped first. No timestamps or durations: the same
verdicts always give the same file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from rich.console import Console

from treatydiff.model import Verdict, Verdicts
from treatydiff.render import VERDICTS
from treatydiff.render.verdicts_common import by_rule, finding, one_line

#: Characters not allowed in XML 1.0 (controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@VERDICTS.register("junit")
def render(verdicts: Verdicts, console: Console) -> str:
    """The XML document with its declaration, indented, ending with a newline; the console is not used."""
    groups = by_rule(verdicts)
    failed = sum(1 for _, failures in groups if failures)
    counts = {"tests": str(len(groups)), "failures": str(failed), "errors": "0", "skipped": "0"}
    name = f"treatydiff {verdicts.command}"
    root = ET.Element("testsuites", {"name": "treatydiff", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": name, **counts})
    for rule, failures in groups:
        case = ET.SubElement(suite, "testcase", {"classname": f"treatydiff.{verdicts.command}", "name": _clean(rule)})
        if failures:
            failure = ET.SubElement(case, "failure", {"message": _clean(failure_message(failures)), "type": "failed"})
            failure.text = _clean("\n".join(finding(v) or v.rule for v in failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def failure_message(failures: tuple[Verdict, ...]) -> str:
    """The one line a dashboard shows: the finding itself, or how many there are and the first."""
    first = finding(failures[0]) or one_line(failures[0].rule)
    return first if len(failures) == 1 else f"{len(failures)} findings; first: {first}"


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)
