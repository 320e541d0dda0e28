"""The extraction workers and the stop signals: a SIGTERM to the whole process group (systemd
stopping the service, a Ctrl-C at the terminal) while the pool is starting its workers reaches
the crawl's handler, so the crawl stops, and kills no worker, so no page a worker holds is lost.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys

from tests.conftest import REPO

# Sends SIGTERM to its own process group as each worker is being spawned: the moment when a
# signal used to be ignored by the crawl for good.
STARTS_THE_POOL_UNDER_SIGNALS = """
import json, multiprocessing, os, signal, threading, time
import multiprocessing.context as context
from crawler import pipelines

seen = []
signal.signal(signal.SIGTERM, lambda signum, frame: seen.append(signum))
threading.Thread(target=time.sleep, args=(30,), daemon=True).start()  # as the reactor's threads
spawn = context.SpawnProcess._Popen

def spawn_under_a_signal(process):
    os.killpg(0, signal.SIGTERM)
    return spawn(process)

context.SpawnProcess._Popen = staticmethod(spawn_under_a_signal)
pool = pipelines.extraction_pool(2)
workers = multiprocessing.active_children()
answers = [pool.submit(os.getpid).result(timeout=60) for _ in range(8)]
deadline = time.monotonic() + 5
while not seen and time.monotonic() < deadline:
    time.sleep(0.01)
print(json.dumps({
    "seen": seen,
    "workers": sorted(worker.pid for worker in workers),
    "alive": sum(worker.is_alive() for worker in workers),
    "answered_by": sorted(set(answers)),
}))
pool.shutdown()
"""


def test_a_signal_while_the_workers_start_reaches_the_crawl_and_spares_the_workers() -> None:
    done = subprocess.run(
        [sys.executable, "-c", STARTS_THE_POOL_UNDER_SIGNALS],
        cwd=REPO, capture_output=True, text=True, timeout=120, start_new_session=True,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert outcome["seen"] and set(outcome["seen"]) == {signal.SIGTERM}
    # both workers outlived the signals and kept serving: every answer came from one of them
    assert len(outcome["workers"]) == outcome["alive"] == 2
    assert set(outcome["answered_by"]) <= set(outcome["workers"])
