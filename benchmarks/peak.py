"""Peak memory of a measured process, and a runner that reports it for `python -m MODULE`.

    peak.py --out FILE -m MODULE [ARGS...]    # like `python -m MODULE ARGS...`

Why not the kernel's ru_maxrss (getrusage, wait4): Linux carries a process's high-water mark
over fork and exec, so a child started by a 200 MB parent reports at least 200 MB. VmHWM in
/proc/self/status is the high-water mark of the process's own memory since exec.
"""

from __future__ import annotations

import atexit
import json
import resource
import runpy
import sys
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script: this folder's modules must not shadow anything the measured module imports.
    sys.path[0] = str(Path(__file__).resolve().parents[1])


def peak_mb() -> float:
    """This process's peak resident memory, in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: best effort


def main() -> None:
    arguments = sys.argv[1:]
    if len(arguments) < 4 or arguments[0] != "--out" or arguments[2] != "-m":
        raise SystemExit("usage: peak.py --out FILE -m MODULE [ARGS...]")
    out = Path(arguments[1])
    module = arguments[3]
    atexit.register(lambda: out.write_text(json.dumps({"peak_mb": peak_mb()})))
    sys.argv = [module, *arguments[4:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
