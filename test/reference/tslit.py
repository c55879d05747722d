"""TypeScript literals for the generated reference tables (--emit-ts in the reference scripts)."""
import json

import numpy as np


def ts(v):
    """A Python value (floats, ints, bools, strings, lists, dicts) as a TypeScript literal; None → undefined, and None or "" dict fields are left out."""
    if isinstance(v, float):
        if v == np.inf:
            return "Infinity"
        if v == -np.inf:
            return "-Infinity"
        return repr(float(v))
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, str):
        return json.dumps(v)
    if v is None:
        return "undefined"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(ts(u) for u in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k}: {ts(u)}" for k, u in v.items() if u is not None and u != "") + " }"
    raise TypeError(type(v))
