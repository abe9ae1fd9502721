"""The Jinja environment: autoescape on for every template, whatever its name, and undefined names fail.

Starlette's helper turns autoescape on only for `.html` names; we build the environment ourselves so that a
template named otherwise cannot print contract text unescaped. Document text is only ever passed as data,
never compiled as a template.
"""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from termguard import __version__

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def build_templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)
