"""X, however a notebook holds it (a torch tensor, a NumPy array, nested lists), as the JSON matrix PoolScope's
--input takes. Tensors and arrays are read through .tolist(), so nothing here imports torch or NumPy."""
import math
import numbers

MAX_CHANNELS = 8  # what the app's editor holds (app/model/app_state.h: kMaxEditChannels, kMaxEditSize)
MAX_SIDE = 32
FLOAT32_MAX = 3.4028234663852886e38

SUPPORTED = (f"X of 2 to 4 dimensions: (H, W), (C, H, W) or (N, C, H, W), with up to {MAX_CHANNELS} channels "
             f"of {MAX_SIDE} x {MAX_SIDE}, as a torch tensor, a NumPy array or nested lists of numbers")


class Input:
    """The matrix PoolScope shows (nested lists, 2-D or 3-D) and a note when X was cut down to it."""

    def __init__(self, values, note=None):
        self.values = values
        self.note = note


def _plain(x):
    """Nested Python lists from a tensor or array (detached, on the CPU), or the lists themselves."""
    for step in ("detach", "cpu"):
        if hasattr(x, step) and callable(getattr(x, step)) and hasattr(x, "tolist"):
            x = getattr(x, step)()
    if hasattr(x, "tolist") and not isinstance(x, (list, tuple)):
        return x.tolist()
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    return x


def _shape(values, where="X"):
    """The shape of a rectangular nest of lists of numbers; ValueError otherwise."""
    if not isinstance(values, list):
        return ()
    if not values:
        raise ValueError(f"{where} is empty; PoolScope takes {SUPPORTED}")
    shapes = [_shape(v, where) for v in values]
    if any(s != shapes[0] for s in shapes):
        raise ValueError(f"{where} is ragged (its rows differ in length); PoolScope takes {SUPPORTED}")
    return (len(values),) + shapes[0]


def _number(v):
    """A JSON number PoolScope reads as float32, or "nan" / "inf" / "-inf"."""
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        raise ValueError(f"X holds {v!r} ({type(v).__name__}); PoolScope takes real numbers")
    if isinstance(v, numbers.Integral):
        if abs(int(v)) > FLOAT32_MAX:
            raise ValueError(f"X holds {v}, beyond float32's range")
        return int(v)
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if abs(v) > FLOAT32_MAX:
        raise ValueError(f"X holds {v}, beyond float32's range")
    return v


def _numbers(values):
    return [_numbers(v) for v in values] if isinstance(values, list) else _number(values)


def input_of(x):
    """An Input from X; ValueError says what is supported. A batch shows its first sample, and says so."""
    values = _plain(x)
    shape = _shape(values)
    if not 2 <= len(shape) <= 4:
        raise ValueError(f"X has shape {shape}: {len(shape)} dimension(s). PoolScope takes {SUPPORTED}")
    note = None
    if len(shape) == 4:
        if shape[0] > 1:
            note = (f"X is a batch of {shape[0]} samples {tuple(shape)}; "
                    f"PoolScope shows the first, X[0] {tuple(shape[1:])}.")
        values, shape = values[0], shape[1:]
    channels, (height, width) = (shape[0] if len(shape) == 3 else 1), shape[-2:]
    if channels > MAX_CHANNELS or height > MAX_SIDE or width > MAX_SIDE:
        raise ValueError(f"X has {channels} channel(s) of {height} x {width}. PoolScope takes {SUPPORTED}")
    return Input(_numbers(values), note)
