"""The generator's tables, read from the data files in `demo/adgen/data/`.

Roles, employers and places are data, not code: a new occupation or town is an entry in a JSON file,
and the generator's modules keep only the rules that turn entries into ads. JSON arrays come back as
tuples, because the generator draws from them with a seeded `random.Random` and must see exactly the
sequences it saw when the bundled demo feed was made (the committed ads are checked byte for byte in
tests/test_demo_data.py).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return {key: _frozen(item) for key, item in value.items()}
    return value


@cache
def load(name: str) -> Any:
    """The table `demo/adgen/data/<name>.json`, arrays as tuples."""
    text = resources.files("demo.adgen").joinpath(f"data/{name}.json").read_text(encoding="utf-8")
    return _frozen(json.loads(text))
