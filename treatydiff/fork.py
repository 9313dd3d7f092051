"""Shared by the stages: half of one stage's work done in a second process, forked, while this one does the other
half (``compare`` redlines and classifies the articles of a large pair so, on two cores).

``fork`` gives the worker everything the parent holds (the drafts, the matches, the caches) without a copy or a
pickle, so only the results travel back, their drafts and nodes as references (``transfer``). Forking is used
only where it is safe and cheap: on Linux, from the main process (never from a worker of ``history``'s pool),
while no other thread runs (a thread holding a lock at the fork would leave it held in the child), and when the
machine has the memory for a second copy of this process (``room_for_a_copy``). Anywhere else, and whenever the
worker fails (it was killed, or raised), the caller's work is done in this process: the result is the same
either way, only the time differs.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:  # (multiprocessing and the pickles are imported when a worker is forked, not with this module)
    from multiprocessing.connection import Connection

    from treatydiff.model import Draft

T = TypeVar("T")


def processes(jobs: int | None) -> int:
    """How many processes ``jobs`` asks for: itself, or None for one per core."""
    return (os.cpu_count() or 1) if jobs is None else jobs


def available() -> bool:
    """Whether this process may fork a worker: Linux, the main process, no other thread."""
    import multiprocessing  # (here, not at the top: asking how many processes to use costs no import)

    return (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and multiprocessing.parent_process() is None and threading.active_count() == 1)


def room_for_a_copy() -> bool:
    """Whether the machine has the memory for a copy of this process: the worker shares this process's pages
    until it writes to them, and it writes to most of those it reads (each object's reference count), so it may
    come to hold as much again. (The 20,000-article generated pair: the worker's own pages reached 317 MB beside
    the 780 MB it was forked from.) Asked of ``/proc``: ``MemAvailable`` at least this process's resident size."""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            available = next(int(line.split()[1]) for line in info if line.startswith("MemAvailable:"))
        with open("/proc/self/statm", encoding="ascii") as statm:
            resident = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, StopIteration):  # (no /proc to ask: no worker)
        return False
    return available >= resident


def halves(costs: Sequence[int], movable: Sequence[bool] | None = None) -> tuple[list[int], list[int]]:
    """The indices of ``costs`` in two parts of about equal cost, each in order: the first for the worker (taken
    from the ``movable`` ones, all by default, from the start), the rest for this process."""
    half, total = sum(costs) / 2, 0
    first: list[int] = []
    for k, cost in enumerate(costs):
        if total + cost / 2 > half:
            break
        if movable is None or movable[k]:
            first.append(k)
            total += cost
    taken = set(first)
    return first, [k for k in range(len(costs)) if k not in taken]


def in_two(work: Callable[[Sequence[int]], T], costs: Sequence[int], drafts: Sequence[Draft], least: int,
           movable: Sequence[bool] | None = None) -> tuple[tuple[list[int], T], tuple[list[int], T]] | None:
    """``((first, work(first)), (rest, work(rest)))`` for the two ``halves`` of ``costs`` (the worker's taken from
    the ``movable`` items: those whose results are worth their transfer), the first computed in a forked worker,
    the rest here at the same time; None when the work is too little (its costs add up to less than ``least``)
    or no worker may be forked (``available``): then the caller does it all. The worker's result may refer to
    ``drafts`` and their nodes: it comes back referring to this process's own."""
    if len(costs) < 2 or sum(costs) < least or not available() or not room_for_a_copy():
        return None
    theirs, mine = halves(costs, movable)
    if not theirs or not mine:
        return None
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_worker, args=(sender, work, theirs, drafts), daemon=True)
    try:
        worker.start()
    except OSError:  # (no processes left to this user, no memory to fork in)
        receiver.close()
        sender.close()
        return None
    sender.close()
    try:
        own = work(mine)
        try:
            blob = receiver.recv_bytes()
        except EOFError:  # the worker died before it could answer
            blob = b""
    finally:
        receiver.close()
        worker.join(timeout=5)
        if worker.is_alive():
            worker.terminate()
            worker.join()
    if not blob:  # the worker could not: its half is done here (and raises here, if it must)
        return (theirs, work(theirs)), (mine, own)
    from treatydiff import transfer

    return (theirs, cast(T, transfer.loads(blob, transfer.resolver(drafts)))), (mine, own)


def _worker(sender: Connection, work: Callable[[Sequence[int]], object], indices: Sequence[int],
            drafts: Sequence[Draft]) -> None:
    """In the forked process: the work, written back with ``drafts`` and their nodes as references; nothing
    (an empty message) when it fails, so that the parent does it."""
    from treatydiff import transfer

    try:
        blob = transfer.dumps(work(indices), drafts)
    except BaseException:  # (KeyboardInterrupt too: the parent has it as well, and decides)
        blob = b""
    try:
        sender.send_bytes(blob)
    except OSError:  # the parent went away
        pass
    finally:
        sender.close()
