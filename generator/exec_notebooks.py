"""Executes notebooks headless through the project's kernel (nbclient), for `npm run notebooks:exec`.

Usage: exec_notebooks.py --kernel NAME [--out DIR] [--jobs N] [--timeout SECONDS] NOTEBOOK...
Exits non-zero when any cell fails, printing the notebook, the cell and its error output.
tslab reports compile and runtime errors as stderr text with status "error" in the execute reply,
not as an "error" output, so failures are detected from the reply status.
On SIGINT or SIGTERM it stops every kernel it started and exits 130 or 143: Jupyter starts kernels in
a session of their own, so a signal to this process's group never reaches them.
"""
import argparse
import asyncio
import os
import re
import signal
import sys
import time

import nbformat
from nbclient import NotebookClient

# Every kernel manager created here, so a signal can stop kernels that are still starting too.
KERNEL_MANAGERS = []


class Client(NotebookClient):
    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        KERNEL_MANAGERS.append(km)
        return km

    # Cancelled mid-cleanup, nbclient's atexit hook would run the cleanup again with no manager left.
    async def _async_cleanup_kernel(self):
        if self.km is not None:
            await super()._async_cleanup_kernel()

    def _cleanup_kernel(self):
        if self.km is not None:
            super()._cleanup_kernel()


async def stop_kernels():
    for km in KERNEL_MANAGERS:
        try:
            if km.has_kernel:
                await km.shutdown_kernel(now=True)
        except Exception:
            # Half started or half stopped: kill its process group (Jupyter made the kernel a session leader).
            process = getattr(km.provisioner, "process", None)
            if process is not None and process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass


class CellFailed(Exception):
    def __init__(self, index, cell, reason):
        super().__init__(reason)
        self.index = index
        self.cell = cell
        self.reason = reason


# A cell that calls the guide's display helpers must show that kind of output: a chart that
# silently rendered nothing would otherwise pass. show.table -> HTML, show.svg -> SVG, show.png -> PNG.
DISPLAY_CALLS = {"table": "text/html", "svg": "image/svg+xml", "png": "image/png", "markdown": "text/markdown"}


def missing_displays(cell):
    wanted = {DISPLAY_CALLS[kind] for kind in re.findall(r"\bshow\.(table|svg|png|markdown)\(", cell.source)}
    shown = {mime for out in cell.get("outputs", []) for mime in out.get("data", {})}
    return sorted(wanted - shown)


def output_text(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append("\n".join(out.get("traceback", [])) or f"{out.get('ename')}: {out.get('evalue')}")
    return "".join(parts)


async def run_one(path, out_dir, timeout, kernel):
    nb = nbformat.read(path, as_version=4)
    client = Client(
        nb,
        kernel_name=kernel,
        timeout=timeout,
        allow_errors=True,  # we judge each reply ourselves (see module docstring)
        record_timing=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    errors = []
    # nbclient calls this when the execute reply has status "error" (how tslab reports failures).
    client.on_cell_error = lambda cell, cell_index, execute_reply: errors.append(execute_reply["content"].get("status"))
    stats = {"kernel": 0.0, "cells": []}
    started = time.monotonic()
    try:
        await execute_cells(client, nb, errors, stats)
    finally:
        # Failed notebooks are written too: the copy shows what happened up to the failing cell.
        if out_dir:
            os.makedirs(out_dir, exist_ok=True)
            nbformat.write(nb, os.path.join(out_dir, os.path.basename(path)))
    return stats["kernel"], stats["cells"], time.monotonic() - started


async def execute_cells(client, nb, errors, stats):
    started = time.monotonic()
    async with client.async_setup_kernel():
        stats["kernel"] = time.monotonic() - started
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            t0 = time.monotonic()
            await client.async_execute_cell(cell, index)
            stats["cells"].append((index, time.monotonic() - t0))
            has_error_output = any(o.get("output_type") == "error" for o in cell.outputs)
            if errors or has_error_output:
                raise CellFailed(index, cell, f"execute reply status {errors[0] if errors else 'ok'}, error output {has_error_output}")
            missing = missing_displays(cell)
            if missing:
                raise CellFailed(index, cell, f"the cell calls show.* but displayed no {', '.join(missing)}")


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", required=True, help="kernel spec name (generator/install-kernel.mjs)")
    parser.add_argument("--out", help="write executed copies here, same file names")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks executed at once")
    parser.add_argument("--timeout", type=int, default=180, help="seconds per cell")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()

    if args.out and len({os.path.basename(p) for p in args.notebooks}) < len(args.notebooks):
        # es/ and en/ share file names: keep the language folder under --out.
        targets = {p: os.path.join(args.out, os.path.basename(os.path.dirname(os.path.abspath(p)))) for p in args.notebooks}
    else:
        targets = {p: args.out for p in args.notebooks}

    gate = asyncio.Semaphore(max(1, args.jobs))
    failures = []
    received = []

    async def guarded(path):
        async with gate:
            try:
                ready, timings, total = await run_one(path, targets[path], args.timeout, args.kernel)
                cells = ", ".join(f"{t:.2f}" for _, t in timings)
                print(f"ok   {path}  {total:.1f}s (kernel {ready:.1f}s; cells: {cells})", flush=True)
            except CellFailed as failed:
                failures.append(path)
                print(f"FAIL {path}: code cell #{failed.index} ({failed.reason})", flush=True)
                print("---- cell source ----", flush=True)
                print(failed.cell.source, flush=True)
                print("---- cell output ----", flush=True)
                print(output_text(failed.cell) or "(no output)", flush=True)
                print("---------------------", flush=True)
            except Exception as err:  # kernel died, timeout, bad notebook
                failures.append(path)
                if received:
                    return  # stopped on purpose: not a failure of the notebook
                print(f"FAIL {path}: {type(err).__name__}: {err}", flush=True)

    everything = asyncio.gather(*(guarded(p) for p in args.notebooks))

    def on_signal(signum):
        received.append(signum)
        everything.cancel()

    # nbclient adds and removes its own SIGINT/SIGTERM handlers around each notebook, and with two
    # notebooks at a time one replaces the other's; this process's handler stays the only one.
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal, sig)
    add, remove = loop.add_signal_handler, loop.remove_signal_handler
    ours = (signal.SIGINT, signal.SIGTERM)
    loop.add_signal_handler = lambda sig, *a: None if sig in ours else add(sig, *a)
    loop.remove_signal_handler = lambda sig: False if sig in ours else remove(sig)
    try:
        await everything
    except asyncio.CancelledError:
        pass
    if received:
        await stop_kernels()
        name = signal.Signals(received[0]).name
        print(f"notebooks:exec: {name}: stopped every kernel it started", flush=True)
        return 128 + received[0]
    if failures:
        print(f"{len(failures)} of {len(args.notebooks)} notebooks failed", flush=True)
        return 1
    print(f"all {len(args.notebooks)} notebooks ran without errors", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
