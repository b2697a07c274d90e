"""What to tell the facilitator when the session record cannot be written.

A full disk, a failing or pulled-out drive, a read-only folder and a folder the app may
not write to are different problems with different remedies; each gets its own words.
Presenting always goes on: only the record is affected.
"""

from __future__ import annotations

import errno
import logging

from presenter.support.i18n import t

log = logging.getLogger(__name__)

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED = {errno.EACCES, errno.EPERM}


def cause(error: OSError) -> str:
    """The problem in plain words."""
    code = error.errno
    if code in _FULL:
        return t("the disk is full")
    if code == errno.EIO:
        return t("the drive reported a read or write error")
    if code == errno.EROFS:
        return t("the data folder is on a read-only drive")
    if code in _DENIED:
        return t("the app is not allowed to write in the data folder")
    return error.strerror or str(error) or type(error).__name__


def remedy(error: OSError) -> str:
    code = error.errno
    if code in _FULL:
        return t("free some disk space; recording resumes by itself")
    if code == errno.EIO:
        return t("keep the drive plugged in; copy the session folder after the workshop")
    if code == errno.EROFS:
        return t("choose a data folder on a writable drive in Settings")
    if code in _DENIED:
        return t("choose a data folder you can write to in Settings")
    return t("check the data folder in Settings")


def failed_while_presenting(error: OSError) -> str:
    """The console banner for a write that failed mid-session."""
    return t(
        "The session record could not be saved: {cause}. Presenting goes on; {remedy}.",
        cause=cause(error),
        remedy=remedy(error),
    )


def not_recorded(error: OSError) -> str:
    """The notice when no record could be started or reopened at all."""
    return t(
        "This workshop is not being recorded: {cause}. It runs, but it cannot be resumed "
        "after a crash and will not appear in reports; {remedy}.",
        cause=cause(error),
        remedy=remedy(error),
    )
