"""What every Python peer script shares (bench/peers/*_peers.py): its command line
(--ids W1,W4 --time SECONDS), the timing rule, and the JSON it prints for bench/peers/index.ts."""
import json
import platform
import sys
import time


def timeit(fn, budget):
    """(median seconds per call, calls timed): a warm-up call, then at least 3 timed calls until
    `budget` seconds are spent (at most 200); a warm-up that alone spends the budget is the result
    (a median of one: those calls take seconds, and the libraries have no JIT to warm)."""
    t0 = time.perf_counter()
    fn()
    first = time.perf_counter() - t0
    if first >= budget:
        return first, 1
    times = []
    t_end = time.perf_counter() + budget
    while len(times) < 3 or (time.perf_counter() < t_end and len(times) < 200):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    return times[len(times) // 2], len(times)


class Peers:
    """The workloads one script times: `add` each, then `emit` the versions and the results."""

    def __init__(self, default_budget, prefix_ids=False):
        self.ids = None
        self.budget = default_budget
        self.prefix = prefix_ids  # an id on the command line also selects the ids it begins
        args = sys.argv[1:]
        for i, a in enumerate(args):
            if a == "--ids":
                self.ids = set(args[i + 1].split(","))
            if a == "--time":
                self.budget = float(args[i + 1])
        self.work = []

    def wanted(self, wid):
        if self.ids is None:
            return True
        return any(wid == k or (self.prefix and wid.startswith(k)) for k in self.ids)

    def add(self, wid, call, elements, make, fn):
        """Times fn(*make()) as workload `wid` (inputs built outside the timing)."""
        if not self.wanted(wid):
            return
        data = make()
        seconds, repeats = timeit(lambda: fn(*data), self.budget)
        self.work.append({"id": wid, "call": call, "elements": elements, "seconds": seconds, "repeats": repeats})

    def emit(self, **versions):
        print(json.dumps({"python": platform.python_version(), "executable": sys.executable, **versions, "workloads": self.work}))
