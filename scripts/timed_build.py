"""One `flowbook build` timed for the benchmark scripts (bench-compile.py, bench-trap-lines.py): wall seconds and
the CPU (user + sys) of the build and every process it waited for."""
import os, resource, shutil, subprocess, sys, time

def timed_build(binary, book, arguments=(), environment=None, cold=True):
    """Builds `book` with `binary build --book book arguments`, first removing its cache and report when `cold`,
    with `environment` added to this process's; exits with the build's output if it fails."""
    if cold:
        for folder in (".flowbook-cache", "output"):
            shutil.rmtree(os.path.join(book, folder), ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    result = subprocess.run([binary, "build", "--book", book, *arguments], env={**os.environ, **(environment or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.time() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"the build failed:\n{result.stdout[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
