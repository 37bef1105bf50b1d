#!/usr/bin/env python3
"""Times two builds of mdbib against each other, and pulldown-cmark's bare loop as a program of
its own (examples/md_loop.rs), on one Markdown list, whole runs to each writer.

The commands take turns, round after round, so that a change in the machine's load falls on all
of them alike; hyperfine runs one command's rounds after the other's.

    cargo build --release --example md_loop
    python3 bench/ab.py OLD_BINARY NEW_BINARY LIST [ROUNDS]

Prints each command's median and fastest run, and the loop's time as a share of each run's.
"""
import os
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    old, new, listing = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    here = os.path.dirname(os.path.abspath(__file__))
    loop = os.path.join(here, "..", "target", "release", "examples", "md_loop")
    commands = {"loop": [loop, "loop", listing, "1"]}
    for fmt in ["csv", "bibtex", "csljson"]:
        for name, binary in [("old", old), ("new", new)]:
            commands[f"{name} {fmt}"] = [binary, "export", "--no-enrich", "-q", "-f", fmt, listing]
    times = {name: [] for name in commands}
    with open(os.devnull, "w") as null:
        for _ in range(rounds):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, stdout=null, stderr=null, check=True)
                times[name].append(time.perf_counter() - start)
    loop_median = statistics.median(times["loop"])
    for name, runs in times.items():
        median = statistics.median(runs)
        share = "" if name == "loop" else f"  loop/run {100 * loop_median / median:.0f} %"
        print(f"{name:14} median {1000 * median:7.1f} ms  fastest {1000 * min(runs):7.1f} ms{share}")


if __name__ == "__main__":
    main()
