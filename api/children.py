"""Processes that die with the process that started them."""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to kill this process when its parent dies, even by `kill -9`,
    which gives the parent no chance to stop its children itself.

    Linux only (prctl); elsewhere the children outlive a parent killed that way.
    """
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    # The parent may have died before the request took effect.
    if os.getppid() != parent_pid:
        os._exit(1)
