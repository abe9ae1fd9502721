"""The form half of the CSRF check: the middleware cannot read a form body without consuming it.

Every page router carries `require_csrf` as a dependency, so a new POST route is covered without being told;
`tests/web/test_security.py` also checks that every state-changing page route has it.
"""

from __future__ import annotations

from fastapi import HTTPException, Request

from termguard.web.security import CSRF_COOKIE, same


async def require_csrf(request: Request) -> None:
    """Compare the `csrf` form field with the `tg_csrf` cookie when the middleware asked us to."""
    if not getattr(request.state, "csrf_form_check", False):
        return
    form = await request.form()
    sent = form.get("csrf")
    if not isinstance(sent, str) or not same(sent, request.cookies.get(CSRF_COOKIE)):
        raise HTTPException(403, "CSRF token missing or wrong: reload the page and try again")


def csrf_token(request: Request) -> str:
    """The token templates put in forms and in the page's meta tag (same value as the cookie)."""
    return str(getattr(request.state, "csrf", ""))
