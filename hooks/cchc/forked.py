"""Downloads made in a forked child process while MkDocs renders the pages.

A plan's reports (.docx and .xlsx, ``cchc.reports``) cost about 40 ms each to make, in
Python: at 5,000 items that is seconds of a build whose pages are drawn on one core. The
names of these files are known at once (MkDocs must know every file in ``on_files``); their
bytes are made by a child process forked from the build, which has the validated model
already, on the second core, and written to a spool folder that MkDocs then copies into
the site like any other file. ``wait()`` (before MkDocs copies the files) raises what the
child raised, so a failed report stops the build as it did when made in the build itself.

Where ``fork`` is not to be used (``mkdocs serve``: its server threads; another platform),
``start(fork=False)`` makes the files in this process at once.
"""

from __future__ import annotations

import multiprocessing
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# A job: the site paths of the files it makes, and the function that makes their bytes in that order.
Maker = Callable[[], list[bytes]]


class ForkedError(RuntimeError):
    """The child process failed; the message is its traceback."""

    @property
    def last_line(self) -> str:
        lines = str(self).strip().splitlines()
        return lines[-1] if lines else ""


@dataclass
class _Job:
    srcs: list[str]
    make: Maker


class ForkedFiles:
    """Files whose names are known now and whose bytes a child process makes meanwhile."""

    def __init__(self) -> None:
        self._jobs: list[_Job] = []
        self._spool: Path | None = None
        self._proc = None
        self._conn = None

    def add(self, srcs: Iterable[str], make: Maker) -> None:
        self._jobs.append(_Job(list(srcs), make))

    @property
    def srcs(self) -> list[str]:
        return [src for job in self._jobs for src in job.srcs]

    def path(self, src: str) -> Path:
        """Where the file ``src`` is (or will be once ``wait()`` returns)."""
        assert self._spool is not None, "start() first"
        return self._spool / src

    def start(self, fork: bool = True) -> ForkedFiles:
        self._spool = Path(tempfile.mkdtemp(prefix="cchc-files-"))
        if not self._jobs:
            return self
        if fork and "fork" in multiprocessing.get_all_start_methods():
            receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)
            self._proc = multiprocessing.get_context("fork").Process(
                target=_child, args=(self._jobs, self._spool, send), name="cchc-files", daemon=True)
            self._proc.start()
            send.close()
            self._conn = receive
        else:
            _make_all(self._jobs, self._spool)
        return self

    def wait(self) -> None:
        """Return once every file is written; raise ``ForkedError`` if the child failed."""
        if self._proc is None:
            return
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        message = ""
        try:
            if conn.poll(None):
                message = conn.recv()
        except EOFError:  # the child ended without a word: its exit code says how
            pass
        finally:
            conn.close()
        proc.join()
        if proc.exitcode != 0 or message:
            raise ForkedError(message or f"the child process ended with exit code {proc.exitcode}")

    def cleanup(self) -> None:
        """Stop a running child and remove the spool folder (once MkDocs has copied the files)."""
        if self._proc is not None:
            self._proc.kill()
            self._proc.join()
            self._proc = None
        if self._spool is not None:
            shutil.rmtree(self._spool, ignore_errors=True)
            self._spool = None


def _make_all(jobs: list[_Job], spool: Path) -> None:
    for job in jobs:
        contents = job.make()
        if len(contents) != len(job.srcs):
            raise ValueError(f"{job.srcs}: made {len(contents)} files")
        for src, content in zip(job.srcs, contents, strict=True):
            path = spool / src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)


def _child(jobs: list[_Job], spool: Path, conn) -> None:
    try:
        _make_all(jobs, spool)
    except BaseException:
        conn.send(traceback.format_exc())
        raise SystemExit(1) from None
    finally:
        conn.close()
