"""The command line, a thin layer over the stages: parse options, load, render, write, return an exit code.

Every command returns an ``ExitCode``. ``TreatydiffGroup.main`` is the one place that turns what went wrong
into one ``error: ...`` line on standard error and an exit code, so click's ``CliRunner`` in the tests sees
exactly what a shell sees. Options that several commands share are defined once below (``load_options``,
``output_options``, ``debug_option``, ``format_option(registry)``); a new command is one more ``@cli.command``
that stacks them.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar, overload

import click
from rich.pager import Pager, SystemPager

from treatydiff import __version__, lang
from treatydiff.errors import ExitCode, ReportTooLarge, TreatydiffError
from treatydiff.model import (
    MAX_CHARS_FLOOR,
    PARTS,
    RECITALS_IN_FULL,
    Comparison,
    DiffOptions,
    Draft,
    LoadOptions,
    RenderOptions,
    Severity,
    Status,
    Verdict,
    Verdicts,
)

# (the registries know their format names without importing the renderers: Rich and each renderer load when a
# report is made, and the load stage when a draft is read, so --help and --version do not pay for them)
from treatydiff.render import COMPARE, HISTORY, OUTLINE, PARALLEL, PARALLEL_COMPARE, VERDICTS, Registry
from treatydiff.visible import visible

if TYPE_CHECKING:
    from rich.console import Console

    from treatydiff.gitdrafts import Revision

F = TypeVar("F", bound=Callable[..., Any])

#: Width of reports that go to no terminal (a pipe, a redirection, a file written with ``-o``): fixed, so the same
#: draft gives the same text everywhere, and wide enough for file names and the tables; ``$COLUMNS`` overrides it
#: (``report_width``).
FILE_WIDTH = 100
#: The loader's readers (``treatydiff.load.readers.READERS``), by name with their titles, in its order: written
#: out here so that building the commands (and ``--help``) does not import every reader;
#: ``tests/test_startup.py`` checks that it is the registry's list, so a new reader fails that test until it is
#: added here.
READER_FORMATS: tuple[tuple[str, str], ...] = (
    ("txt", "plain text"), ("md", "Markdown"), ("akn", "Akoma Ntoso XML"), ("formex", "Formex XML"),
    ("usbill", "US bill XML"), ("html", "HTML"), ("pdf", "PDF"), ("docx", "Word DOCX"),
)
#: Readers ``--from`` can force: the loader's registry.
READER_NAMES = tuple(name for name, _ in READER_FORMATS)
#: The formats drafts are read in, in words, from the same list ("plain text, Markdown, ... or Word DOCX"): a
#: command's help writes ``{formats}`` where it names them (``TreatydiffCommand``), so a new reader is listed there.
INPUT_FORMATS = ", ".join(title for _, title in READER_FORMATS[:-1]) + f" or {READER_FORMATS[-1][1]}"
#: What ``compare --ignore`` can leave out of the comparison (``DiffOptions.ignore``).
IGNORE_NAMES = ("case", "punctuation", "quotes", "numbering")
#: ``compare -o FILE`` without ``-f``: the report format by the file's extension (anything else: terminal).
EXTENSION_FORMATS = {
    ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json",
    ".svg": "svg", ".txt": "terminal", ".docx": "docx",
}
#: Report formats that are files of bytes, with what an error calls them: never written to a terminal.
BINARY_FORMATS = {"docx": "a Word file"}
#: ``--markdown-style``: how the Markdown report marks deletions and insertions.
MARKDOWN_STYLES = ("html", "plain")
SEVERITIES = tuple(s.value for s in Severity)
#: A draft argument. Not ``readable=True``: click would refuse an unreadable file with a usage error
#: ("invalid value for 'DRAFT'"); the loader says what is wrong with the file in the house style instead.
DRAFT_PATH = click.Path(allow_dash=True, path_type=str, readable=False)


@dataclass
class Env:
    """What one run of the CLI works in; tests swap in fakes (as httpie's ``Environment``).

    ``console``: where reports for standard output go; None builds one from ``--color``, the environment and
    whether standard output is a terminal. ``environ``: read for ``NO_COLOR`` and ``FORCE_COLOR``.
    ``debug``: set by ``--debug`` as soon as click parses it, so the error handler knows to show tracebacks.
    ``is_terminal``: whether standard output is a terminal (None: ask ``sys.stdout``); it decides paging, so a
    console forced into colour in a pipe (``--color always | less``) is not paged. ``pager``: what long reports
    go through on a terminal (None: the system pager, ``$PAGER`` or ``less``).
    """

    console: Console | None = None
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    debug: bool = False
    is_terminal: bool | None = None
    pager: Pager | None = None

    def stdout_is_terminal(self) -> bool:
        return self.is_terminal if self.is_terminal is not None else _stdout_is_terminal()


# --- errors and exit codes: the one place ----------------------------------------------------------------


class TreatydiffCommand(click.Command):
    """A command whose help says ``{formats}`` where it names the formats drafts are read in: ``INPUT_FORMATS``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.help:
            self.help = self.help.replace("{formats}", INPUT_FORMATS)


class TreatydiffGroup(click.Group):
    """A click group whose ``main`` maps every outcome to an ``ExitCode`` and a one-line message."""

    command_class = TreatydiffCommand

    @overload
    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: Literal[True] = True,
        **extra: Any,
    ) -> NoReturn: ...

    @overload
    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = ...,
        **extra: Any,
    ) -> Any: ...

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; exit with its code (``standalone_mode``) or return the code.

        Pass ``obj=Env(...)`` to run in a made-up environment (a console writing to a ``StringIO``)."""
        env = extra.pop("obj", None)
        if not isinstance(env, Env):
            env = Env()

        def invoke() -> Any:
            return super(TreatydiffGroup, self).main(
                args, prog_name or "treatydiff", complete_var, standalone_mode=False, obj=env, **extra
            )

        code = run_mapped(invoke, env)
        if standalone_mode:
            sys.exit(code)
        return code


def run_mapped(invoke: Callable[[], Any], env: Env) -> int:
    """Call ``invoke`` (click in non-standalone mode) and turn its result or error into an exit code."""
    try:
        result = invoke()
        return int(result) if result is not None else ExitCode.OK
    except TreatydiffError as exc:
        return _fail(env, exc.message(), ExitCode.ERROR)
    except click.UsageError as exc:
        if isinstance(exc, _NO_ARGS_IS_HELP):  # a bare `treatydiff`: click (>= 8.2) shows the help
            exc.show()
            return ExitCode.ERROR
        command = exc.ctx.command_path if exc.ctx else "treatydiff"
        return _fail(env, f"{_click_message(exc)} — see '{command} --help'", ExitCode.ERROR)
    except click.ClickException as exc:
        return _fail(env, _click_message(exc), ExitCode.ERROR)
    except (click.Abort, KeyboardInterrupt):  # click turns Ctrl-C into Abort
        click.echo("\nerror: interrupted", err=True)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`treatydiff outline x | head`): not an error of ours. Point
        # stdout at /dev/null so Python's own flush at exit does not complain a second time.
        _silence_stdout()
        return ExitCode.OK
    except Exception as exc:
        hint = "please report it" if env.debug else "rerun with --debug and report it"
        return _fail(env, f"internal error: {type(exc).__name__}: {exc} — {hint}", ExitCode.ERROR)


_NO_ARGS_IS_HELP: tuple[type[click.UsageError], ...] = tuple(
    t for t in (getattr(click.exceptions, "NoArgsIsHelpError", None),) if isinstance(t, type)
)


def _click_message(exc: click.ClickException) -> str:
    """Click's "No such option '--x'." in the house style: lower case start, no full stop before the dash."""
    text = exc.format_message().strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _fail(env: Env, message: str, code: ExitCode) -> int:
    if env.debug:
        import traceback

        traceback.print_exc(file=sys.stderr)
    say(f"error: {' '.join(message.splitlines())}")
    return code


def say(line: str) -> None:
    """One ``error:`` or ``warning:`` line on standard error, with nothing in it a terminal would obey (a file
    name can hold escape sequences: ``treatydiff.visible``)."""
    click.echo(visible(line), err=True)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests) or already closed
        pass


# --- shared options ------------------------------------------------------------------------------------


_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.I)
_SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2, "mib": 1024**2,
               "g": 1024**3, "gb": 1024**3, "gib": 1024**3}


def parse_size(ctx: click.Context | None, param: click.Parameter | None, value: str | int) -> int:
    """A size in bytes from ``50M``, ``200K``, ``1G``, ``1.5M`` or ``4096`` (K, M, G are powers of 1024)."""
    if isinstance(value, int):
        return value
    match = _SIZE.fullmatch(value)
    unit = match.group(2).lower() if match else ""
    if not match or unit not in _SIZE_UNITS:
        raise click.BadParameter(f"{value!r} is not a size: write it like 200K, 50M or 1G", ctx, param)
    size = int(float(match.group(1)) * _SIZE_UNITS[unit])
    if size <= 0:
        raise click.BadParameter(f"{value!r} is too small: it must be at least one byte", ctx, param)
    return size


def _stack(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """Several option decorators as one, applied in the order they are listed (as if written above a def)."""

    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


def format_option(registry: Registry[Any], default: str) -> Callable[[F], F]:
    """``-f/--format`` offering exactly the formats registered for this kind of report."""
    return click.option(
        "-f", "--format", "format_name", type=click.Choice(registry.names()), default=default,
        show_default=True, help="Output format.",
    )


#: ``--markup``: which text of a marked-up draft is read (``LoadOptions.markup``).
MARKUP_VIEWS = ("final", "original")
_MARKUP_KEY = "treatydiff.markup"


def _set_markup(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.meta[_MARKUP_KEY] = value


#: ``--columns A,B`` (and ``outline --column N``): the columns of amendment tables read (``LoadOptions.columns``).
_COLUMNS_KEY = "treatydiff.columns"


def _set_columns(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is None:
        return
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(p.isdigit() and int(p) >= 1 for p in parts):
        raise click.BadParameter(f"{value!r} is not two column numbers — write them as 1,2 or 1,3", ctx, param)
    ctx.meta[_COLUMNS_KEY] = (int(parts[0]), int(parts[1]))


#: ``--ocr [LANGS]``: PDF pages without a usable text layer read by OCR (``LoadOptions.ocr``).
_OCR_KEY = "treatydiff.ocr"


_OCR_LANGUAGE_KEY = "treatydiff.ocr-language"


def _set_ocr(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        ctx.meta[_OCR_KEY] = True


def _set_ocr_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        if not re.fullmatch(r"[A-Za-z_]+(?:\+[A-Za-z_]+)*", value):
            raise click.BadParameter(f"{value!r} is not a list of Tesseract languages — write it as eng or rus+eng",
                                     ctx, param)
        ctx.meta[_OCR_LANGUAGE_KEY] = value


#: ``--language CODE``: the language of the drafts (``LoadOptions.language``), instead of telling it from the text.
_LANGUAGE_KEY = "treatydiff.language"


def _set_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.meta[_LANGUAGE_KEY] = value.lower()


def _set_column(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    if value is not None:
        ctx.meta[_COLUMNS_KEY] = (value, value)


#: How drafts are read: ``from_format``, ``max_size`` -> ``load_options_from(...)``. ``--markup`` reaches
#: ``load_options_from`` through the click context, so a new load option does not change every command's
#: signature.
load_options = _stack(
    click.option(
        "--from", "from_format", type=click.Choice(READER_NAMES, case_sensitive=False), default=None,
        help="Read drafts as this format instead of judging by content and extension: "
        f"{', '.join(f'{name} ({title})' for name, title in READER_FORMATS)}.",
    ),
    click.option(
        "--max-size", callback=parse_size, default="50M", show_default=True, metavar="SIZE",
        help="Refuse larger files (200K, 50M, 1G; K, M, G are powers of 1024).",
    ),
    click.option(
        "--markup", type=click.Choice(MARKUP_VIEWS), default=None, expose_value=False, callback=_set_markup,
        help="A marked-up draft (tracked changes; deletions struck through, additions underlined or as its "
        "legend says): read the text with the changes made (final, the default) or before them (original).",
    ),
    click.option(
        "--columns", default=None, metavar="A,B", expose_value=False, callback=_set_columns,
        help="Amendment or comparison tables: the columns read as the original and the final text "
        "(default 1,2).",
    ),
    click.option(
        "--ocr", is_flag=True, default=False, expose_value=False, callback=_set_ocr,
        help="Read PDF pages with no usable text layer (scanned, or text that does not decode) with Tesseract "
        "OCR. Needs pip install 'treatydiff[ocr]' and the tesseract program.",
    ),
    click.option(
        "--ocr-language", default=None, metavar="LANGS", expose_value=False, callback=_set_ocr_language,
        help="The Tesseract languages of --ocr (default eng; e.g. rus+eng, ara, chi_sim).",
    ),
    click.option(
        "--language", type=click.Choice(lang.all_codes(), case_sensitive=False), default=None, metavar="CODE",
        expose_value=False, callback=_set_language,
        help=f"The language the drafts are written in ({', '.join(lang.all_codes())}), for their headings and the "
        "vocabulary of the legal-meaning flags; default: told from each draft's text.",
    ),
    click.option(  # the name of --markup before it applied to every format
        "--docx-view", type=click.Choice(MARKUP_VIEWS), default=None, expose_value=False, callback=_set_markup,
        hidden=True,
    ),
)

#: Where and how reports are written: ``output``, ``color``.
output_options = _stack(
    click.option(
        "-o", "--output", type=click.Path(allow_dash=True, readable=False, path_type=str), default=None,
        metavar="FILE",
        help="Write the report to FILE instead of standard output; nothing is written if anything fails.",
    ),
    click.option(
        "--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True,
        help="Colour: auto uses it only on a terminal and honours NO_COLOR and FORCE_COLOR.",
    ),
)


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(Env).debug = True


#: ``--debug``: tracebacks for errors. Eager, so it is known even when a later option fails.
debug_option = click.option(
    "--debug", is_flag=True, expose_value=False, is_eager=True, callback=_set_debug,
    help="Show the Python traceback of an error.",
)


# --- helpers shared by commands ------------------------------------------------------------------------


def load_options_from(from_format: str | None, max_size: int, markup: str | None = None) -> LoadOptions:
    """The ``LoadOptions`` of the shared load options; ``markup`` None: as ``--markup`` was given."""
    ctx = click.get_current_context(silent=True)
    meta = ctx.meta if ctx is not None else {}
    if markup is None:
        markup = meta.get(_MARKUP_KEY, "final")
    return LoadOptions(
        format=from_format.lower() if from_format else None, max_size=max_size, markup=markup,
        columns=meta.get(_COLUMNS_KEY, (1, 2)),
        ocr=meta.get(_OCR_LANGUAGE_KEY, "eng") if meta.get(_OCR_KEY) else None,
        language=meta.get(_LANGUAGE_KEY),
    )


def load(source: str, options: LoadOptions) -> Draft:
    """The loader (``load`` of ``treatydiff/load``), imported on first use: the readers, the normaliser and the
    parser are not needed to parse the command line or print its help."""
    from treatydiff.load import load as load_draft

    return load_draft(source, options)


def read_draft(source: str, options: LoadOptions) -> Draft:
    """Load one draft and report its warnings on standard error: ``warning: FILE[:LINE]: message``."""
    draft = load(source, options)
    _warn(draft)
    return draft


def read_pair(old: str, new: str | None, options: LoadOptions, jobs: int | None = None) -> tuple[Draft, Draft]:
    """The two drafts a comparison reads: OLD and NEW (two large files at once, with ``jobs`` processes, None: one
    per core); or, NEW not given, the original and final texts of the marked-up draft OLD (``load_views``, the
    file read once). Warnings reported as ``read_draft`` does."""
    from treatydiff.load import load_views

    if new is not None:
        from treatydiff.load import load_two

        return load_two(old, new, options, jobs=jobs, loaded=_warn)
    original, final = load_views(old, options)
    _warn(original)
    return original, final


def _warn(draft: Draft) -> None:
    for warning in draft.warnings:
        where = f"{draft.source}:{warning.line}" if warning.line else draft.source
        say(f"warning: {where}: {' '.join(warning.message.splitlines())}")


def refuse_to_overwrite(output: str | None, sources: Sequence[str | None]) -> None:
    """``-o FILE`` naming a file the command reads (a draft, the rules) would replace it by the report: refused
    before anything is read or written."""
    if output in (None, "-"):
        return
    for source in sources:
        if source in (None, "-"):
            continue
        try:
            same = os.path.samefile(output, source)
        except OSError:  # the report does not exist yet, or the source cannot be read (its load says so)
            continue
        if same:
            raise TreatydiffError(
                output, f"-o names {source}, which this command reads: the report would replace it",
                "write the report to another file",
            )


def wants_color(choice: str, is_terminal: bool, environ: Mapping[str, str]) -> bool:
    """``--color``: always and never win; auto honours NO_COLOR, then FORCE_COLOR, then the terminal."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR", "") not in ("", "0", "false"):
        return True
    return is_terminal


def make_console(env: Env, color: str, output: str | None) -> Console:
    """The one console a command renders with: the injected one, or one for the terminal, pipe or file."""
    from rich.console import Console

    to_stdout = output in (None, "-")
    if to_stdout and env.console is not None:
        return env.console
    is_terminal = to_stdout and env.stdout_is_terminal()
    width = None if is_terminal else report_width(env.environ)
    # A file gets colour codes only when asked in so many words: FORCE_COLOR is for pipes and CI logs.
    use_color = wants_color(color, is_terminal, env.environ) if to_stdout else color == "always"
    if not use_color:
        return Console(color_system=None, no_color=True, highlight=False, emoji=False, markup=False,
                       width=width)
    console = Console(force_terminal=True, no_color=False, highlight=False, emoji=False, markup=False,
                      width=width)
    if console.color_system is None:  # TERM=dumb and the like, but colour was asked for
        console = Console(force_terminal=True, color_system="standard", no_color=False, highlight=False,
                          emoji=False, markup=False, width=width)
    return console


def report_width(environ: Mapping[str, str]) -> int:
    """The width of a report that goes to no terminal: ``$COLUMNS`` when it is set to a number, else ``FILE_WIDTH``
    (not Rich's 80, nor the width of a terminal that standard error or input happens to be)."""
    columns = environ.get("COLUMNS", "").strip()
    if columns.isascii() and columns.isdigit() and len(columns) <= 5 and 0 < int(columns) <= 10_000:
        return int(columns)
    return FILE_WIDTH


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


#: ``LESS`` while the pager runs, when the user has none (git's default too): ``-R`` shows colours (``less`` prints
#: escape codes as ``ESC[1m`` without it), ``-X`` leaves the report on the screen when ``less`` quits (no switch to
#: the terminal's alternate screen and back), ``-F`` quits at once when the report fits after all.
LESS_DEFAULT = "-FRX"


class ColourPager(SystemPager):
    """The system pager (``$MANPAGER``, ``$PAGER``, else ``less``), run with ``LESS=-FRX`` (``LESS_DEFAULT``) in its
    environment when the user has no ``LESS`` of their own; a ``LESS`` that is set is passed on as it is.

    Run here, not through ``pydoc.pager`` as Rich's ``SystemPager`` does: from Python 3.13 pydoc sets ``LESS`` to
    its own ``-FR...`` (the user's too), and the report would be cleared when ``less`` quits. pydoc still serves
    where there is nothing to pipe to (no ``less``, Windows, a dumb terminal), with its own fallbacks."""

    def show(self, content: str) -> None:
        import shutil

        environ = os.environ
        command = environ.get("MANPAGER") or environ.get("PAGER") or ("less" if shutil.which("less") else "")
        if not command or sys.platform == "win32" or environ.get("TERM") in ("dumb", "emacs"):
            super().show(content)
            return
        pipe_to_pager(command, content, {**environ, "LESS": environ.get("LESS", LESS_DEFAULT)})


def pipe_to_pager(command: str, text: str, environ: Mapping[str, str]) -> None:
    """Feed ``text`` to the pager ``command`` (a shell command line, as ``$PAGER`` is) run in ``environ``, and wait
    for it to quit, as pydoc does: a pager quit before it read everything is no error, and Ctrl-C is the pager's."""
    import subprocess

    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=dict(environ), encoding=encoding,
                               errors="backslashreplace")
    assert process.stdin is not None
    try:
        # Ctrl-C while writing: what is left unwritten is given up, the pager stays
        with process.stdin as pipe, contextlib.suppress(KeyboardInterrupt):
            pipe.write(text)
    except OSError:  # (a closed pipe: the pager quit)
        pass
    while True:
        try:
            process.wait()
            return
        except KeyboardInterrupt:  # less ignores it too; leaving now would leave the terminal in its raw mode
            pass


def page(text: str, console: Console, pager: Pager | None) -> None:
    """Show a finished report through a pager, styles kept (``text`` already holds the terminal codes)."""
    with console.pager(pager=pager or ColourPager(), styles=True):
        console.out(text, end="", highlight=False)


#: The report formats for people at a terminal, which a pager shows: the change reports' and histories' ``terminal``,
#: the outlines' ``tree``.
PAGED_FORMATS = frozenset({"terminal", "tree"})


def wants_pager(env: Env, text: str, format_name: str, output: str | None, no_pager: bool, console: Console) -> bool:
    """Page a terminal report printed on a terminal that it does not fit, unless ``--no-pager`` or ``-o``."""
    if no_pager or output is not None or format_name not in PAGED_FORMATS or not env.stdout_is_terminal():
        return False
    return text.count("\n") > console.height


def deliver(text: str | bytes, output: str | None, console: Console) -> None:
    """Write a finished report to standard output (``None`` or ``-``) or to ``output`` (``write_report``). A
    write that fails (a full disk, ``/dev/full``) is an error of its own, never a report cut short with exit 0;
    a reader that went away (a closed pipe) stays a ``BrokenPipeError`` for the caller to take quietly. The bytes
    of a binary report go to the byte stream under standard output (``refuse_binary_on_terminal`` has made sure
    it is no terminal)."""
    if output in (None, "-"):
        try:
            if isinstance(text, bytes):
                stream = getattr(console.file, "buffer", None)
                if stream is None:
                    raise TreatydiffError("standard output", "takes text only, and this report is a binary file",
                                          "write it to a file with -o FILE")
                console.file.flush()
                stream.write(text)
                stream.flush()
                return
            console.file.write(text)
            console.file.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise TreatydiffError("standard output", f"cannot write the report: {exc.strerror or exc}",
                                  "free some space or write the report elsewhere with -o FILE") from None
    else:
        write_report(output, text)


#: Why a write failed, by ``errno``, in words a user can act on (a full disk is no matter of permissions); any
#: other failure is told in the system's words, with the hint of the step that failed.
_WRITE_FAILURES = {
    errno.ENOSPC: ("no space left on the device", "free some space, or write the report elsewhere"),
    getattr(errno, "EDQUOT", errno.ENOSPC): ("disk quota exceeded", "free some space, or write the report elsewhere"),
    errno.EFBIG: ("file too large for the file system (or for ulimit -f)", "write the report elsewhere"),
    errno.EACCES: ("permission denied", "check the path and the folder's permissions"),
    errno.EPERM: ("operation not permitted", "check the path and the folder's permissions"),
    errno.EROFS: ("read-only file system", "write the report to a file system that can be written"),
}
#: The folders whose entries are the open file descriptors of a process (Linux's /proc, the BSDs' and macOS's
#: /dev/fd; Linux's /dev/fd and /dev/stdout are links into /proc).
_DESCRIPTOR_FOLDER = re.compile(r"/proc/(?:self|thread-self|\d+)(?:/task/\d+)?/fd|/dev/fd")


def _cannot_write(path: str, exc: OSError, hint: str) -> TreatydiffError:
    """The error of a report that could not be written to ``path``."""
    problem, advice = _WRITE_FAILURES.get(exc.errno or 0, (exc.strerror or str(exc), hint))
    return TreatydiffError(path, f"cannot write: {problem}", advice)


def write_report(path: str, text: str | bytes) -> None:
    """Write ``text`` to ``path`` as shell redirection would, and safely: through a symbolic link to the file it
    names (the link stays); onto a device, a FIFO or a socket (``/dev/null``, a pipe) by writing through it, never
    by replacing it; onto an open file descriptor (``/dev/stdout``, ``/dev/fd/3``, ``/proc/self/fd/1``, a shell's
    ``>(cmd)``) by writing through it at its end, whatever it has open — a pipe, a terminal, or a file (``>>`` log
    kept); onto a regular file (or a new name) atomically (``write_atomically``). A read-only file is not
    replaced."""
    if _names_a_descriptor(path):
        _write_through(path, text, "a")
        return
    target = os.path.realpath(path) if os.path.islink(path) else path
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = None  # a new file (or a dangling link: the file it names is made)
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        _write_through(target, text, "w")
        return
    if mode is not None and stat.S_ISREG(mode) and not stat.S_IMODE(mode) & 0o222:
        raise TreatydiffError(path, "is read-only: the report would replace it",
                              f"make it writable (chmod u+w {path}) or write the report to another file")
    write_atomically(target, text)


def _names_a_descriptor(path: str) -> bool:
    """Whether ``path``, or a link it leads through, is an entry of a descriptor folder (``/dev/stdout`` is a link
    to ``/proc/self/fd/1``): then what it names is whatever the descriptor has open, and its folder is no place
    for a temporary file (``/dev`` cannot be written but by root; ``/proc/…/fd`` by nobody)."""
    current = os.path.abspath(path)
    for _ in range(40):  # (the links the kernel follows at most)
        folder = os.path.realpath(os.path.dirname(current))
        if _DESCRIPTOR_FOLDER.fullmatch(folder):
            return True
        current = os.path.join(folder, os.path.basename(current))
        if not os.path.islink(current):
            return False
        current = os.path.join(folder, os.readlink(current))
    return False


def _write_through(path: str, text: str | bytes, mode: Literal["w", "a"]) -> None:
    """Write onto what ``path`` names without replacing it. A reader that went away (``-o >(head -1)``) stays a
    ``BrokenPipeError``, taken quietly as on standard output."""
    try:
        with open(path, f"{mode}b") as handle:
            handle.write(_encoded(text))
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _cannot_write(path, exc, "check the path") from None


def _encoded(text: str | bytes) -> bytes:
    """A report as the bytes of its file: text in UTF-8, line ends as they are; a binary report as it is."""
    return text.encode("utf-8") if isinstance(text, str) else text


def write_atomically(path: str, text: str | bytes) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and ``os.replace``: readers of
    ``path`` see the old content or the new, never half; on any failure, and on SIGTERM or SIGHUP while it
    writes, nothing is left behind. The file keeps its permissions."""
    import tempfile

    if os.path.isdir(path):
        raise TreatydiffError(path, "is a directory", "give the name of a file to write the report to")
    folder = os.path.dirname(os.path.abspath(path))
    with _signals_end_the_write():
        try:
            fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
        except OSError as exc:
            raise _cannot_write(path, exc, "check that the folder exists and is writable") from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_encoded(text))
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, _mode_for(path))
            os.replace(temp, path)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            if isinstance(exc, OSError):
                raise _cannot_write(path, exc, "check the path and the folder's permissions") from None
            raise


@contextlib.contextmanager
def _signals_end_the_write() -> Iterator[None]:
    """While a report is written, SIGTERM and SIGHUP end the program through ``SystemExit`` (128 + the signal's
    number, as a shell reports it), so the temporary file is removed on the way out instead of left behind."""
    import signal
    import threading

    names = [name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    if threading.current_thread() is not threading.main_thread():
        yield  # (signal handlers can only be set from the main thread)
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    saved = {name: signal.signal(getattr(signal, name), stop) for name in names}
    try:
        yield
    finally:
        for name, handler in saved.items():
            signal.signal(getattr(signal, name), handler)


def _mode_for(path: str) -> int:
    """Keep the permissions of a file being replaced; a new file gets the usual 0666 less the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# --- commands --------------------------------------------------------------------------------------------


@click.group("treatydiff", cls=TreatydiffGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="treatydiff", message="%(prog)s %(version)s")
def cli() -> None:
    """What changed between successive drafts of a treaty.

    `treatydiff compare OLD NEW` shows what changed; `treatydiff outline DRAFT` shows the article tree a
    draft was read into; `treatydiff check OLD NEW --rules FILE` and `treatydiff lint DRAFT` are CI gates.
    Exit codes: 0 success (no change, all rules passed, lint clean), 1 found (changes with
    `compare --exit-code`, a failed rule, a lint finding), 2 bad input or usage, 130 interrupted.
    """


@cli.command()
@click.argument("draft", type=DRAFT_PATH)
@format_option(OUTLINE, default="tree")
@click.option(
    "--depth", type=click.IntRange(min=0), default=0, show_default=True, metavar="N",
    help="Show N levels of the tree (1: only the top level); 0 shows all.",
)
@click.option(
    "--column", type=click.IntRange(min=1), default=None, metavar="N", expose_value=False, callback=_set_column,
    is_eager=False, help="Amendment or comparison tables: show column N.",
)
@click.option("--no-pager", is_flag=True, help="Never page a long tree.")
@load_options
@output_options
@debug_option
@click.pass_obj
def outline(env: Env, draft: str, format_name: str, depth: int, no_pager: bool, from_format: str | None,
            max_size: int, output: str | None, color: str) -> ExitCode:
    """Show how DRAFT was read: its parts, chapters, articles, paragraphs and annexes.

    DRAFT is a draft file ({formats}), or - for standard input. Warnings about the text go to
    standard error. A long tree on a terminal goes through a pager ($PAGER, or less); --no-pager or -o prevent it.
    """
    refuse_to_overwrite(output, [draft])
    document = read_draft(draft, load_options_from(from_format, max_size))
    console = make_console(env, color, output)
    text = OUTLINE.get(format_name)(document, RenderOptions(depth=depth), console)
    if wants_pager(env, text, format_name, output, no_pager, console):
        page(text, console, env.pager)
    else:
        deliver(text, output, console)
    return ExitCode.OK


#: ``--ignore`` of the commands that compare drafts (``DiffOptions.ignore``).
ignore_option = click.option(
    "--ignore", multiple=True, type=click.Choice(IGNORE_NAMES, case_sensitive=False),
    help="Do not count differences of case, punctuation, quotes or paragraph numbering as changes. Repeatable.",
)


def _time_budget(ctx: click.Context, param: click.Parameter, value: str) -> float | None:
    if value.strip().lower() in ("none", "off"):
        return None
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):  # also rejects nan
        raise click.BadParameter(f"{value!r} is not a number of seconds — give e.g. 60, 2.5 or none")
    return seconds


#: ``--time-budget`` of the commands that compare drafts (``DiffOptions.time_budget``).
time_budget_option = click.option(
    "--time-budget", callback=_time_budget, default="60", show_default=True, metavar="SECONDS",
    help="Time the comparison may take; past it, what is left is matched by article number and redlined as "
    "whole replacements, and the report says so. 'none': no limit.",
)


@cli.command()
@click.argument("old", type=DRAFT_PATH)
@click.argument("new", type=DRAFT_PATH, required=False)
@click.option(
    "-f", "--format", "format_name", type=click.Choice(COMPARE.names()), default=None,
    help="Output format. Default: by the extension of -o FILE (.md, .html, .json, .svg, .docx, .txt), else "
    "terminal. docx (Word, tracked changes) needs -o FILE or a pipe.",
)
@click.option(
    "--article", "articles", multiple=True, metavar="SEL",
    help="Only changes touching these articles: a number (5, 4a, 5 bis), a range (5-9), 'annex I', or words "
    "of a title. Repeatable.",
)
@click.option(
    "--chapter", "chapters", multiple=True, metavar="SEL",
    help="Only changes in these divisions: a number (II, 2) or words of a chapter, part or section heading. "
    "Repeatable.",
)
@click.option(
    "--explain", "explain", multiple=True, metavar="SEL",
    help="Show why these articles were matched as they were (as --article, unchanged ones too): the rule, the "
    "scores, the neighbours in order and the candidates that lost. Repeatable. The JSON always carries it.",
)
@ignore_option
@time_budget_option
@click.option("--exit-code", is_flag=True, help="Exit with 1 when anything changed (0 when nothing did).")
@click.option(
    "--show-unchanged", is_flag=True,
    help="List unchanged articles too (terminal; JSON always lists every article).",
)
@click.option("--concordance", is_flag=True, help="Add the table old article -> new article, outcome, similarity.")
@click.option("--side-by-side", is_flag=True, help="Show old and new paragraphs in two columns.")
@click.option("--summary", "summary_only", is_flag=True,
              help="Only the summary tables (and the concordance, if asked), not the articles.")
@click.option(
    "--context", type=click.IntRange(min=0), default=0, show_default=True, metavar="N",
    help="Show N unchanged paragraphs on each side of a changed one.",
)
@click.option(
    "--markdown-style", type=click.Choice(MARKDOWN_STYLES), default="html", show_default=True,
    help="Markdown redline: html (<del>/<ins>) or plain (~~deleted~~ **inserted**).",
)
@click.option(
    "--max-chars", type=click.IntRange(min=MAX_CHARS_FLOOR), default=None, metavar="N",
    help="Markdown: at most N characters (a GitHub comment holds 65536): the summary tables, then as many whole "
    "articles as fit, the flagged ones first, and a last line naming those left out.",
)
@click.option(
    "--flagged", is_flag=True,
    help="Only the articles with a flag that may change legal meaning (of --min-severity or more).",
)
@click.option(
    "--min-severity", type=click.Choice(SEVERITIES), default="medium", show_default=True,
    help="Show flags of this severity or more: high (duties weakened or removed, negations, safeguards removed, "
    "escape clauses, scope), medium (numbers, periods, dates, definitions, duties added), low (references).",
)
@click.option(
    "--recitals", type=click.Choice(("auto", "compact", "full")), default="auto", show_default=True,
    help="How the preamble's changed recitals are shown: compact (counts, and the recitals with flags), full, or "
    f"auto (compact when more than {RECITALS_IN_FULL} changed).",
)
@click.option(
    "--part", "parts", type=click.Choice(PARTS), multiple=True,
    help="Only changes in these parts of the text: preamble, body (the articles), annexes. Repeatable.",
)
@click.option("--no-pager", is_flag=True, help="Never page a long terminal report.")
@click.option(
    "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
    help="Processes to read and compare a large pair in (default: one per core; 1: all in this one).",
)
@load_options
@output_options
@debug_option
@click.pass_obj
def compare(env: Env, old: str, new: str | None, format_name: str | None, articles: tuple[str, ...],
            chapters: tuple[str, ...], explain: tuple[str, ...], ignore: tuple[str, ...], time_budget: float | None,
            exit_code: bool, show_unchanged: bool, concordance: bool, side_by_side: bool, summary_only: bool,
            context: int, markdown_style: str, flagged: bool, min_severity: str, recitals: str, parts: tuple[str, ...],
            max_chars: int | None, no_pager: bool, jobs: int | None, from_format: str | None, max_size: int,
            output: str | None, color: str) -> ExitCode:
    """Show what changed from OLD to NEW: articles added, removed, renumbered, moved, split or merged, the
    word-level edits inside each changed article, and the edits that change legal meaning.

    OLD and NEW are draft files ({formats}), or - for standard input (one of
    them). With OLD alone, a marked-up draft (tracked changes; deletions struck through, additions marked):
    its original text compared with its final text. Warnings go to standard error.
    A long terminal report on a terminal goes through a pager ($PAGER, or less); --no-pager or -o prevent it.
    """
    options = load_options_from(from_format, max_size)
    if old == "-" and new == "-":
        raise click.BadParameter("only one of OLD and NEW can be standard input", param_hint="'OLD' / 'NEW'")
    format_name = format_name or format_for(output)
    if max_chars and format_name != "markdown":
        raise click.BadParameter(f"limits Markdown reports only, not {format_name} ones — add -f markdown",
                                 param_hint="'--max-chars'")
    refuse_binary_on_terminal(env, format_name, output)
    refuse_to_overwrite(output, [old, new])
    old_draft, new_draft = read_pair(old, new, options, jobs)
    from treatydiff.select import Selection, has_changes, select  # the differ loads only when comparing

    minimum = Severity(min_severity)
    selection = Selection(articles=articles + explain, chapters=chapters, flagged=minimum if flagged else None,
                          parts=parts, keep_annexes=True)
    whole = run_compare(old_draft, new_draft, diff_options(ignore, time_budget), jobs)
    refuse_unmatched(whole, selection)
    comparison = select(whole, selection)
    for warning in comparison.warnings:
        say(f"warning: {warning}")
    console = make_console(env, color, output)
    render_options = RenderOptions(
        show_unchanged=show_unchanged or bool(explain), explain=bool(explain), context=context,
        concordance=concordance, summary_only=summary_only, side_by_side=side_by_side, markdown_style=markdown_style,
        min_severity=minimum, recitals=recitals, max_chars=max_chars or 0,
        # only the Word report dates its changes: a SOURCE_DATE_EPOCH it cannot read fails no other report
        date=revision_date(env.environ) if format_name in BINARY_FORMATS else "",
    )
    try:
        text = COMPARE.get(format_name)(comparison, render_options, console)
    except ReportTooLarge as exc:  # named by where it was to go, as a failed write is
        where = output if output not in (None, "-") else "standard output"
        raise ReportTooLarge(where, exc.problem, exc.hint) from None
    if isinstance(text, str) and wants_pager(env, text, format_name, output, no_pager, console):
        page(text, console, env.pager)
    else:
        deliver(text, output, console)
    return ExitCode.FOUND if exit_code and has_changes(comparison) else ExitCode.OK


def refuse_binary_on_terminal(env: Env, format_name: str, output: str | None) -> None:
    """A binary report (``-f docx``) on a terminal would fill it with noise: refused before anything is read. To a
    file (``-o``) or a pipe it goes."""
    kind = BINARY_FORMATS.get(format_name)
    if kind and output in (None, "-") and env.stdout_is_terminal():
        raise TreatydiffError("standard output", f"-f {format_name} writes {kind}", f"give -o FILE.{format_name}")


def revision_date(environ: Mapping[str, str]) -> str:
    """The date of the tracked changes of a Word report (ISO 8601, UTC, to the second): ``SOURCE_DATE_EPOCH`` when
    it is set, as reproducible builds do, so that a comparison gives the same file every time; else now."""
    import datetime

    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    try:
        when = datetime.datetime.fromtimestamp(int(value), datetime.UTC) if value else \
            datetime.datetime.now(datetime.UTC)
    except (ValueError, OverflowError, OSError):
        raise TreatydiffError("SOURCE_DATE_EPOCH", f"{value!r} is not a number of seconds since 1970",
                              "give one (date +%s) or unset it") from None
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def refuse_unmatched(comparison: Comparison | Sequence[Comparison], selection: Any, option: str = "") -> None:
    """A selector that names nothing in either draft (in any draft, for the steps of a history) is an error, with
    the nearest names there are: a typo must not read as "no changes". ``option`` names the option the article
    selectors came from when it is not ``--article`` (``check --allow``)."""
    from treatydiff.select import unmatched

    where = "either draft" if isinstance(comparison, Comparison) or len(comparison) == 1 else "any draft"
    for found, selector, nearest in unmatched(comparison, selection)[:1]:
        hint = f"did you mean {' or '.join(repr(n) for n in nearest)}?" if nearest else \
            "give a number as printed (5, 4a, 5 bis), a range (5-9), 'annex I' or words of a title"
        named = option if option and found == "--article" else found
        raise TreatydiffError(named, f"{selector!r} names nothing in {where}", hint)


def format_for(output: str | None, registry: Registry[Any] = COMPARE) -> str:
    """The report format of ``-o FILE`` by its extension; ``terminal`` for standard output and the rest. The
    format must be one of ``registry`` (the change reports, or the histories)."""
    if output in (None, "-"):
        return "terminal"
    extension = os.path.splitext(output)[1].lower()
    name = EXTENSION_FORMATS.get(extension, "terminal")
    if name not in registry:
        raise click.BadParameter(
            f"no {name} renderer of {registry.kind} reports is installed for {extension} files — give another "
            "format with -f",
            param_hint="'-o' / '--output'",
        )
    return name


def diff_options(ignore: Sequence[str], time_budget: float | None) -> DiffOptions:
    """The ``DiffOptions`` of ``--ignore`` and ``--time-budget``."""
    return DiffOptions(ignore=frozenset(i.lower() for i in ignore), time_budget=time_budget)


def run_compare(old: Draft, new: Draft, options: DiffOptions, jobs: int | None = None) -> Comparison:
    """The differ (``compare`` of ``treatydiff/compare.py``), imported on first use: ``outline`` never pays for
    the aligner and diff-match-patch. A large pair takes two cores where ``jobs`` allows (None: one per core)."""
    from treatydiff.compare import compare as compare_drafts

    return compare_drafts(old, new, options, jobs=jobs)


# --- check and lint: CI gates -----------------------------------------------------------------------------


def _fail_on_values(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--fail-on``: checked before any draft is read, so a typo costs no comparison."""
    from treatydiff.check import forbid_value

    try:
        return tuple(forbid_value(value) for value in values)
    except TreatydiffError as exc:
        raise click.BadParameter(f"{exc.problem} — {exc.hint}", ctx, param) from None


def _lint_codes(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> frozenset[str]:
    """``lint --ignore CODE``: a code or a name of ``treatydiff.lint.CHECKS`` ("TD103", "dangling-reference"),
    in any case; the codes."""
    checks = lint_checks()
    by_lower = {code.lower(): code for code in checks} | {name.lower(): code for code, name in checks.items()}
    unknown = [value for value in values if value.lower() not in by_lower]
    if unknown:
        known = ", ".join(f"{code} ({name})" for code, name in checks.items())
        raise click.BadParameter(f"unknown check {unknown[0]!r} — choose from: {known}", ctx, param)
    return frozenset(by_lower[value.lower()] for value in values)


@cli.command()
@click.argument("old", type=DRAFT_PATH)
@click.argument("new", type=DRAFT_PATH, required=False)
@click.option(
    "--rules", "rules_path", type=click.Path(path_type=str), default=None, metavar="FILE",
    help="The rules file (TOML; see the README). Optional when --fail-on is given.",
)
@click.option(
    "--fail-on", multiple=True, metavar="OUTCOME_OR_FLAG", callback=_fail_on_values,
    help="Fail when any change is this: an outcome (removed, modified, renumbered, moved, split, merged, "
    "added), editorial or substantive, or a flag kind (obligation-weakened, qualifier-added, ...). Repeatable.",
)
@click.option(
    "--allow", multiple=True, metavar="SEL",
    help="Ignore changes of these articles in every rule: a number (5, 5 bis), a range (5-9), 'annex I' or "
    "words of a title, as --article of compare. Repeatable.",
)
@time_budget_option
@format_option(VERDICTS, default="text")
@load_options
@output_options
@debug_option
@click.pass_obj
def check(env: Env, /, old: str, new: str | None, rules_path: str | None, fail_on: tuple[str, ...],
          allow: tuple[str, ...], time_budget: float | None, format_name: str, output: str | None, color: str,
          **load: Any) -> ExitCode:
    """Check the changes from OLD to NEW against rules: a CI gate.

    Exit codes: 0 every rule passed, 1 a rule failed, 2 bad input (an unreadable draft, a malformed rules
    file: the error names its file and line). OLD and NEW are draft files ({formats}), or - for
    standard input (one of them); OLD alone, a marked-up draft: its original text against its final text.
    """
    if rules_path is None and not fail_on:
        raise click.UsageError("give a rules file with --rules FILE, or --fail-on OUTCOME_OR_FLAG")
    if old == "-" and new == "-":
        raise click.BadParameter("only one of OLD and NEW can be standard input", param_hint="'OLD' / 'NEW'")
    from treatydiff.check import check as check_comparison
    from treatydiff.check import load_rules
    from treatydiff.select import Selection

    refuse_to_overwrite(output, [old, new, rules_path])
    rules = load_rules(rules_path) if rules_path is not None else None  # before the drafts: fail fast
    options = load_options_from(**load)
    old_draft, new_draft = read_pair(old, new, options)
    comparison = run_compare(old_draft, new_draft, diff_options((), time_budget))
    for warning in comparison.warnings:
        say(f"warning: {warning}")
    refuse_unmatched(comparison, Selection(articles=allow), "--allow")
    verdicts = check_comparison(comparison, rules, fail_on=fail_on, allow=allow)
    return report_verdicts(env, verdicts, format_name, output, color)


@cli.command()
@click.argument("drafts", nargs=-1, required=True, metavar="DRAFT [DRAFT...]",
                type=DRAFT_PATH)
@click.option(
    "--ignore", multiple=True, metavar="CODE", callback=_lint_codes,
    help="Do not run this check: its code or name as the report shows them (TD103 or dangling-reference). "
    "Repeatable.",
)
@format_option(VERDICTS, default="text")
@load_options
@output_options
@debug_option
@click.pass_obj
def lint(env: Env, /, drafts: tuple[str, ...], ignore: frozenset[str], format_name: str, output: str | None,
         color: str, **load: Any) -> ExitCode:
    """Check the structure of each DRAFT: duplicate or missing article numbers, cross-references to articles
    that do not exist, unbalanced negotiating brackets, and more.

    Each DRAFT is a draft file ({formats}), or - for standard input (once). Exit codes: 0 clean,
    1 findings, 2 bad input.
    """
    if drafts.count("-") > 1:
        raise click.BadParameter("standard input (-) can be read only once", param_hint="'DRAFT'")
    refuse_to_overwrite(output, drafts)
    options = load_options_from(**load)
    results = [run_lint(read_draft(source, options), ignore) for source in drafts]
    return report_verdicts(env, combine_verdicts(results), format_name, output, color)


def report_verdicts(env: Env, verdicts: Verdicts, format_name: str, output: str | None, color: str) -> ExitCode:
    """Render and deliver the verdicts of check or lint; the exit code says whether every rule passed."""
    console = make_console(env, color, output)
    deliver(VERDICTS.get(format_name)(verdicts, console), output, console)
    return ExitCode.OK if verdicts.passed else ExitCode.FOUND


def combine_verdicts(results: Sequence[Verdicts]) -> Verdicts:
    """The verdicts of one command over several drafts as one report: every rule once, every failure of every
    draft, and a passed verdict for each rule that failed nowhere."""
    if len(results) == 1:
        return results[0]
    rules = tuple(dict.fromkeys(rule for result in results for rule in result.rules))
    failures = tuple(v for result in results for v in result.failures())
    failed = {v.rule for v in failures}
    passed = tuple(Verdict(rule, Status.PASSED) for rule in rules if rule not in failed)
    return Verdicts(results[0].command, rules, failures + passed)


def lint_checks() -> dict[str, str]:
    """``treatydiff.lint.CHECKS`` (code -> name), imported on first use."""
    from treatydiff.lint import CHECKS

    return CHECKS


def run_lint(draft: Draft, ignore: frozenset[str]) -> Verdicts:
    """The public ``treatydiff.lint.lint``, imported on first use."""
    from treatydiff.lint import lint as lint_draft

    return lint_draft(draft, ignore=ignore)


def main() -> NoReturn:
    """Console-script entry point (``treatydiff``) and ``python -m treatydiff``."""
    cli.main(prog_name="treatydiff")


# --- history: the lineage of every article across n drafts ---------------------------------------------



#: ``history --sort``: the order of the drafts.
SORT_ORDERS = ("given", "name")
#: Characters that make an argument of ``history`` a glob pattern (when no file has that name).
_GLOB_CHARS = re.compile(r"[*?\[]")


@cli.command()
@click.argument("drafts", nargs=-1, required=True, metavar="DRAFT... | FOLDER | 'PATTERN'")
@click.option(
    "--sort", type=click.Choice(SORT_ORDERS), default="given", show_default=True,
    help="Order of the drafts: as given, or by file name (numbers in names sort by value: rev2 before rev10).",
)
@click.option(
    "-f", "--format", "format_name", type=click.Choice(HISTORY.names()), default=None,
    help="Output format. Default: by the extension of -o FILE (.md, .html, .json, .txt), else terminal.",
)
@click.option(
    "--article", "articles", multiple=True, metavar="SEL",
    help="Show the timeline of the articles that match in any draft, with the redline of each step: a number "
    "(5, 4a, 5 bis), a range (5-9), 'annex I', or words of a title. Repeatable.",
)
@ignore_option
@time_budget_option
@click.option(
    "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
    help="Load the drafts and compare the pairs in N processes (default: one per core; 1: one after the other).",
)
@click.option("--no-pager", is_flag=True, help="Never page a long terminal report.")
@click.option(
    "--git", "from_git", is_flag=True,
    help="Read the drafts from git: the first argument is a FILE of a git work tree, any others its REVISIONS "
    "(default: every commit that changed it, oldest first; a range v1..HEAD starts with the file as of v1). "
    "Drafts are labelled with the commit's date and subject.",
)
@load_options
@output_options
@debug_option
@click.pass_obj
def history(env: Env, /, drafts: tuple[str, ...], sort: str, format_name: str | None, articles: tuple[str, ...],
            ignore: tuple[str, ...], time_budget: float | None, jobs: int | None, no_pager: bool, from_git: bool,
            output: str | None, color: str, **load: Any) -> ExitCode:
    """Show the lineage of every article across successive drafts: a matrix of each article's number and
    what happened to it in each draft (added, modified, renumbered, moved, split, merged, removed), a summary
    per step, and how much of the first draft's text survives in the last.

    Give the drafts ({formats}) in order (D1 D2 ... Dn), or one FOLDER (its draft files, by name), or a quoted glob
    PATTERN ('drafts/rev*.md', by name); --sort name sorts them all by file name. One marked-up draft alone
    is one step: its original text, then its final text. With --git: `history --git FILE [REVISION...]`, the
    committed revisions of FILE. A long terminal report on a
    terminal goes through a pager; --no-pager or -o prevent it. Exit codes: 0 success, 2 bad input.
    """
    from treatydiff.history import history as build_history
    from treatydiff.history import load_history
    from treatydiff.history import select as select_lineages
    from treatydiff.select import Selection

    revisions = git_revisions(drafts, sort) if from_git else None
    sources = [r.source for r in revisions] if revisions is not None else expand_drafts(drafts, sort)
    if len(sources) == 1 and revisions is None and sources[0] != "-" and os.path.isfile(sources[0]):
        sources = sources * 2  # one marked-up draft: its original and its final text (below)
    if len(sources) < 2:
        raise click.UsageError(f"a history needs at least two drafts, got {len(sources)}: {', '.join(sources)}")
    if sources.count("-") > 1:
        raise click.BadParameter("standard input (-) can be read only once", param_hint="'DRAFT'")
    format_name = format_name or format_for(output, HISTORY)
    refuse_to_overwrite(output, drafts[:1] if revisions is not None else sources)
    options = load_options_from(**load)
    compare_options = diff_options(ignore, time_budget)
    with history_progress(len(sources) * 2 - 1) as advance:
        loaded: tuple[Draft, ...]
        if revisions is not None:
            from treatydiff.gitdrafts import load_revisions

            loaded = load_revisions(revisions, options, progress=advance)
            for draft in loaded:
                _warn(draft)
            result = build_history(loaded, compare_options, progress=advance)
        elif len(sources) == 2 and sources[0] == sources[1]:
            loaded = read_pair(sources[0], None, options)
            if advance:
                advance(2)
            result = build_history(loaded, compare_options, progress=advance)
        else:  # loaded and compared in --jobs processes, each pair as soon as its two drafts are in
            result = load_history(sources, options, compare_options, jobs=jobs, progress=advance)
            for draft in result.drafts:
                _warn(draft)
    for step in result.steps:
        for warning in step.comparison.warnings:
            say(f"warning: D{step.index} → D{step.index + 1}: {warning}")
    refuse_unmatched([step.comparison for step in result.steps], Selection(articles=articles))
    result = select_lineages(result, articles)
    console = make_console(env, color, output)
    text = HISTORY.get(format_name)(result, RenderOptions(), console)
    if wants_pager(env, text, format_name, output, no_pager, console):
        page(text, console, env.pager)
    else:
        deliver(text, output, console)
    return ExitCode.OK


def git_revisions(arguments: Sequence[str], sort: str) -> tuple[Revision, ...]:
    """``history --git FILE [REVISION...]``: the revisions of FILE (``treatydiff.gitdrafts.revisions``), at least
    two of them."""
    from treatydiff.gitdrafts import revisions

    if sort != "given":
        raise click.UsageError("--sort orders files: with --git the drafts are in the order of the commits")
    file, *specs = arguments
    found = revisions(file, specs)
    if len(found) < 2:
        named = ", ".join(f"{r.short} {r.label}" for r in found)
        raise TreatydiffError(file, f"a history needs at least two revisions, got {len(found)} ({named})",
                              "commit the next draft, or name more revisions (a range like v1..HEAD)")
    return found


def expand_drafts(arguments: Sequence[str], sort: str) -> list[str]:
    """The draft files of ``history``'s arguments, in order: a file as is, a folder as its draft files (those
    with an extension a reader knows, hidden files left out) and a glob pattern as its matches, both by file
    name; with ``sort="name"`` everything by file name."""
    from treatydiff.load.readers import EXTENSIONS

    sources: list[str] = []
    for argument in arguments:
        if argument != "-" and os.path.isdir(argument):
            found = [os.path.join(argument, name) for name in os.listdir(argument)
                     if not name.startswith(".") and os.path.splitext(name)[1].lower().lstrip(".") in EXTENSIONS
                     and os.path.isfile(os.path.join(argument, name))]
            if not found:
                raise TreatydiffError(argument, "holds no draft files",
                                      f"put drafts ({', '.join('.' + e for e in EXTENSIONS)}) in it or name them")
            sources += sorted(found, key=name_order)
        elif argument != "-" and not os.path.exists(argument) and _GLOB_CHARS.search(argument):
            matches = [m for m in glob.glob(argument) if os.path.isfile(m)]
            if not matches:
                raise TreatydiffError(argument, "no file matches this pattern", "check the folder and the pattern")
            sources += sorted(matches, key=name_order)
        else:
            sources.append(argument)
    return sorted(sources, key=name_order) if sort == "name" else sources


def name_order(path: str) -> tuple[object, ...]:
    """Sort key of a file by its name, numbers by value (``rev2`` before ``rev10``), then by its folder."""
    name = os.path.basename(path)
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in re.split(r"(\d+)", name) if p)
    return (parts, path)


@contextlib.contextmanager
def history_progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A Rich progress bar on standard error while drafts load and compare, only when standard error is a
    terminal (never in a pipe, a CI log or a test); yields the callback that advances it, or None. It draws
    only when advanced (no refresh thread), so loading processes fork from a process without threads."""
    if not _stderr_is_terminal():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("loading and comparing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True, auto_refresh=False) as progress:
        task = progress.add_task("history", total=total)

        def advance(n: int) -> None:
            progress.advance(task, n)
            progress.refresh()

        progress.refresh()
        yield advance


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


# --- git: an external diff driver ------------------------------------------------------------------------


#: What ``git-diff`` is given: git's arguments to an external diff driver.
GIT_DIFF_ARGUMENTS = "PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE"


@cli.command("git-diff", context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@click.argument("arguments", nargs=-1, metavar=GIT_DIFF_ARGUMENTS)
@ignore_option
@time_budget_option
@click.option("--summary", "summary_only", is_flag=True, help="Only the summary tables, not the articles.")
@click.option(
    "--context", type=click.IntRange(min=0), default=0, show_default=True, metavar="N",
    help="Show N unchanged paragraphs on each side of a changed one.",
)
@click.option(
    "--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True,
    help="Colour: auto uses it on a terminal and in git's pager, and honours NO_COLOR and FORCE_COLOR.",
)
@load_options
@debug_option
@click.pass_obj
def git_diff(env: Env, /, arguments: tuple[str, ...], ignore: tuple[str, ...], time_budget: float | None,
             summary_only: bool, context: int, color: str, **load: Any) -> ExitCode:
    """A git external diff driver: git diff (git log -p and git show with --ext-diff) prints the change report
    of each draft.

    Set it up with `*.md diff=treatydiff` in .gitattributes (any draft files: {formats}) and `git config
    diff.treatydiff.command 'treatydiff git-diff'` (options go before git's arguments). Git gives the 7
    arguments PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE (9 for a rename; 1 for an unmerged path);
    /dev/null stands for the side of an added or deleted file. Exit code 0 even when a draft cannot be read
    (one warning line says why): any other code would make git stop the whole diff. 2 only for arguments git
    never gives.
    """
    from treatydiff.gitdrafts import external_diff_drafts

    if len(arguments) == 1:
        say(f"warning: {arguments[0]}: unmerged, no report — resolve the conflict, then git diff compares it")
        return ExitCode.OK
    options = load_options_from(**load)
    try:
        old_draft, new_draft = external_diff_drafts(arguments, options)
    except ValueError:
        unknown = [a for a in arguments[:1] if a.startswith("-")]
        raise click.UsageError(
            (f"no such option {unknown[0]!r} — " if unknown else "")
            + f"git-diff takes the 7 arguments git gives a diff driver ({GIT_DIFF_ARGUMENTS}), got "
            f"{len(arguments)}: set it up with git config diff.treatydiff.command 'treatydiff git-diff'"
        ) from None
    except TreatydiffError as exc:  # git would stop the whole diff on an exit code other than 0
        where = f"{exc.source}:{exc.line}" if exc.line else exc.source
        say(f"warning: {where}: {exc.problem}; no report for this file — {exc.hint or 'check the file'}")
        return ExitCode.OK
    _warn(old_draft)
    _warn(new_draft)
    comparison = run_compare(old_draft, new_draft, diff_options(ignore, time_budget))
    for warning in comparison.warnings:
        say(f"warning: {arguments[0]}: {warning}")
    if color == "auto" and env.environ.get("GIT_PAGER_IN_USE") and not env.environ.get("NO_COLOR"):
        color = "always"  # git pages its diff through less -R: colours show there as on the terminal
    console = make_console(env, color, None)
    render_options = RenderOptions(context=context, summary_only=summary_only)
    deliver(COMPARE.get("terminal")(comparison, render_options, console), None, console)
    return ExitCode.OK


# --- parallel: language versions of one text --------------------------------------------------------------


@cli.command()
@click.argument("drafts", nargs=-1, required=True, metavar="VERSION VERSION [VERSION...]", type=DRAFT_PATH)
@format_option(PARALLEL, default="terminal")
@click.option("--exit-code", is_flag=True, help="Exit with 1 when anything does not correspond (0 when all does).")
@load_options
@output_options
@debug_option
@click.pass_obj
def parallel(env: Env, /, drafts: tuple[str, ...], format_name: str, exit_code: bool, output: str | None,
             color: str, **load: Any) -> ExitCode:
    """Align the same text in several languages by structure and report what does not correspond: articles,
    paragraphs, points or recitals present in some versions only, numbers written in digits that differ,
    square-bracketed text and quoted terms whose counts differ.

    Give two or more VERSIONs (draft files in any language: {formats}), or - for standard input (once). Exit
    codes: 0 every version corresponds (or without --exit-code), 1 with --exit-code when something does not, 2 bad
    input.
    """
    from treatydiff.parallel import parallel as align_versions

    if len(drafts) < 2:
        raise click.UsageError(f"parallel needs at least two versions, got {len(drafts)}: {', '.join(drafts)}")
    if drafts.count("-") > 1:
        raise click.BadParameter("standard input (-) can be read only once", param_hint="'VERSION'")
    refuse_to_overwrite(output, drafts)
    options = load_options_from(**load)
    result = align_versions([read_draft(source, options) for source in drafts])
    console = make_console(env, color, output)
    deliver(PARALLEL.get(format_name)(result, console), output, console)
    return ExitCode.FOUND if exit_code and result.findings else ExitCode.OK


@cli.command("parallel-compare")
@click.argument("old", type=DRAFT_PATH)
@click.argument("new", type=DRAFT_PATH)
@click.argument("old2", type=DRAFT_PATH)
@click.argument("new2", type=DRAFT_PATH)
@format_option(PARALLEL_COMPARE, default="terminal")
@ignore_option
@time_budget_option
@click.option("--exit-code", is_flag=True, help="Exit with 1 when an article's outcome differs (0 when none does).")
@load_options
@output_options
@debug_option
@click.pass_obj
def parallel_compare(env: Env, /, old: str, new: str, old2: str, new2: str, format_name: str,
                     ignore: tuple[str, ...], time_budget: float | None, exit_code: bool, output: str | None,
                     color: str, **load: Any) -> ExitCode:
    """Compare OLD -> NEW and OLD2 -> NEW2, the same revision step in two languages, and show the articles whose
    outcome differs (modified in one language, unchanged in the other), matched by their place in the drafts,
    not by their labels.

    Each draft is a file ({formats}), or - for standard input (once). Exit codes: 0 the outcomes agree (or without
    --exit-code), 1 with --exit-code when one differs, 2 bad input. `treatydiff compare` shows either step in full.
    """
    from treatydiff.parallel import compare_parallel

    sources = (old, new, old2, new2)
    if sources.count("-") > 1:
        raise click.BadParameter("standard input (-) can be read only once", param_hint="'OLD' / 'NEW'")
    refuse_to_overwrite(output, sources)
    options = load_options_from(**load)
    drafts = [read_draft(source, options) for source in sources]
    settings = diff_options(ignore, time_budget)
    first, second = run_compare(drafts[0], drafts[1], settings), run_compare(drafts[2], drafts[3], settings)
    for name, comparison in (("first", first), ("second", second)):
        for warning in comparison.warnings:
            say(f"warning: {name} comparison: {warning}")
    result = compare_parallel(first, second)
    console = make_console(env, color, output)
    deliver(PARALLEL_COMPARE.get(format_name)(result, console), output, console)
    return ExitCode.FOUND if exit_code and result.differences else ExitCode.OK
