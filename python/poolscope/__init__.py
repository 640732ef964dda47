"""PoolScope in a notebook: a pooling layer and its input, shown in the app inside the output cell.

    import torch, poolscope
    X = torch.arange(16.).reshape(1, 1, 4, 4)
    poolscope.show(torch.nn.MaxPool2d(3, stride=2, ceil_mode=True), X)
    poolscope.show(torch.nn.functional.avg_pool2d, X, kernel_size=2)
    poolscope.show({"op": "max_pool2d", "kernel_size": 2}, [[1, 2], [3, 4]])
    poolscope.show({"pool_size": 2, "padding": "same"}, X, convention="tensorflow")
    poolscope.link(torch.nn.MaxPool2d(2), X, base="https://example.org/poolscope/")  # a link to share

The package carries PoolScope's web build as one page (poolscope/web/poolscope-notebook.html): nothing is
fetched, in the notebook or anywhere. Standard library only; torch and NumPy are read through their own
methods when the caller has them."""
import html
import json
import os
import tempfile
import urllib.parse
import warnings
import webbrowser

from ._layers import CONVENTIONS, layer_of
from ._tensors import input_of

__version__ = "0.1.0"  # the app's version (CMakeLists.txt); tests/python checks they agree
__all__ = ["show", "page", "link", "params_of", "Page", "CONVENTIONS", "VIEWS"]

VIEWS = ("forward", "backward", "unpool", "compare")
_PAGE = os.path.join(os.path.dirname(__file__), "web", "poolscope-notebook.html")
_EMBED_MARK = "/*POOLSCOPE_EMBEDDED*/null"  # scripts/web_page.py leaves it for the values below
_OPTIONS = ("convention", "step", "view", "lang", "presentation", "height", "base")


def _encode(text):
    """Percent-encoding as the app writes links (core/src/url_text.cpp): all but A-Z a-z 0-9 - . _ ~ , : /"""
    return urllib.parse.quote(text, safe="-._~,:/")


def _split(kwargs):
    """The call's keywords: PoolScope's options, and the rest for a torch.nn.functional layer."""
    options = {k: kwargs.pop(k) for k in _OPTIONS if k in kwargs}
    return options, kwargs


class Page:
    """One view of PoolScope: the values of its link, the page that shows them, and notes on the input.
    Jupyter shows it through _repr_html_ (an iframe of the self-contained page, sized to the cell)."""

    def __init__(self, layer, x, keywords=None, convention=None, step=None, view=None, lang=None,
                 presentation=False, height=620, base=None):
        spec = layer_of(layer, keywords, convention)
        data = input_of(x)
        view = view if view is not None else spec.view
        if view is not None and not (view in VIEWS or (
                "," in view and set(view.split(",")) <= set(VIEWS) and "compare" in view.split(","))):
            raise ValueError(f"view must be one of {', '.join(VIEWS)} (or a pass and compare: "
                             f"'backward,compare'), not {view!r}")
        if step is not None and (isinstance(step, bool) or not isinstance(step, int) or step < 0):
            raise ValueError(f"step is an output cell number >= 0, not {step!r}")
        if lang not in (None, "en", "zh"):
            raise ValueError(f"lang is 'en' or 'zh', not {lang!r}")
        if not isinstance(height, int) or height < 240:
            raise ValueError(f"height is a number of pixels >= 240, not {height!r}")
        self.params = spec.params
        self.input = data.values
        self.notes = [data.note] if data.note else []
        self.values = [("params", json.dumps(self.params, separators=(",", ":"))),
                       ("input", json.dumps(self.input, separators=(",", ":")))]
        if step:
            self.values.append(("step", str(step)))
        if view and view != "forward":
            self.values.append(("view", view))
        if lang:
            self.values.append(("lang", lang))
        if presentation:
            self.values.append(("presentation", "1"))
        self.fragment = "&".join(f"{_encode(k)}={_encode(v)}" for k, v in self.values)
        self.height = height
        self.base = base
        for note in self.notes:
            warnings.warn(note, stacklevel=3)

    def link(self, base):
        """The link to this view on a hosted PoolScope page (its address; a query or fragment is dropped)."""
        if not base or not isinstance(base, str):
            raise ValueError("link() needs base=, the address of a hosted PoolScope page "
                             "(for example the folder `make site` built, on any web server)")
        return base.split("#")[0].split("?")[0] + "#" + self.fragment

    def page_html(self):
        """The self-contained page with this view's link in it (a file of its own, or an iframe's srcdoc)."""
        if not os.path.exists(_PAGE):
            raise RuntimeError(f"this poolscope package has no web page ({_PAGE}); build it with `make python`"
                               " in PoolScope's source tree, then pip install ./python")
        with open(_PAGE, encoding="utf-8") as f:
            page = f.read()
        embedded = {"link": "#" + self.fragment, "base": self.base or ""}
        # Inside a <script>: "</" would end it early.
        return page.replace(_EMBED_MARK, json.dumps(embedded).replace("</", "<\\/"), 1)

    def _repr_html_(self):
        notes = "".join(f'<p style="margin:0 0 4px;color:#8a5a00">{html.escape(n)}</p>' for n in self.notes)
        # ASCII only (other characters as references): the frame reads the same page in an output of any encoding.
        page = html.escape(self.page_html()).encode("ascii", "xmlcharrefreplace").decode("ascii")
        return (f'<div class="poolscope">{notes}<iframe title="PoolScope" srcdoc="{page}" '
                f'style="width:100%;height:{self.height}px;border:1px solid #c8c8c8;display:block" '
                f'allow="fullscreen; clipboard-write" allowfullscreen></iframe></div>')


def page(layer, X, **kwargs):
    """The Page of show() without showing it: its .link(base), .params, .input, .notes, ._repr_html_()."""
    options, keywords = _split(kwargs)
    return Page(layer, X, keywords, **options)


def show(layer, X, **kwargs):
    """Shows PoolScope with `layer` and `X` in the notebook's output cell.

    layer  torch.nn.MaxPool2d / AvgPool2d / LPPool2d / AdaptiveMaxPool2d / AdaptiveAvgPool2d / MaxUnpool2d;
           a torch.nn.functional pooling function (or its name, or a functools.partial) with its keyword
           arguments given here; or a dict of PyTorch's argument names and "op" (default max_pool2d), or of
           another framework's names with convention="tensorflow" | "onnx" | "mxnet".
    X      a torch tensor, NumPy array or nested lists: (H, W), (C, H, W) or (N, C, H, W) (the first sample
           of a batch is shown, and the cell says so); up to 8 channels of 32 x 32.
    options  step (output cell), view ("forward" | "backward" | "unpool" | "compare"), lang ("en" | "zh"),
           presentation (bool), height (pixels, default 620), base (the hosted page Copy link points at).

    Outside a notebook it writes the page to a temporary file and opens it in the web browser. Unsupported
    layers, arguments and shapes raise ValueError saying what is supported."""
    view = page(layer, X, **kwargs)
    try:
        from IPython import get_ipython  # present in every Jupyter kernel
        from IPython.display import display
    except ImportError:
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None and hasattr(get_ipython(), "kernel"):
        display(view)
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".html", prefix="poolscope-", delete=False,
                                     encoding="utf-8") as f:
        f.write(view.page_html())
    webbrowser.open("file://" + f.name)
    return f.name


def link(layer, X, base=None, **kwargs):
    """The link (Edit → Copy link's form) that opens `layer` and `X` on the PoolScope page at `base`."""
    return page(layer, X, base=base, **kwargs).link(base)


def params_of(layer, convention=None, **keywords):
    """The layer as the JSON object PoolScope's --params takes (a dict)."""
    return dict(layer_of(layer, keywords, convention).params)

