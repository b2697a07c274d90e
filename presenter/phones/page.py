"""The one page phones see, built from the bundled template in ``assets/phones``.

Everything a phone needs is in one response: markup, style and script inline, no fonts,
images or links to anything else, so it works on a room network with no internet and
leaks nothing. Deck text is escaped (it is untrusted), and the script only ever sets
``textContent``. The page is a plain HTML form first; the script makes it live.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
from dataclasses import dataclass
from functools import cache
from string import Template
from typing import Any

from presenter.render.document import is_rtl
from presenter.support.i18n import t
from presenter.support.resources import asset

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageParts:
    template: Template
    css: str
    script: str

    @property
    def csp(self) -> str:
        """Only this page's own inline script and style; no other source of anything."""
        digest = base64.b64encode(hashlib.sha256(self.script.encode()).digest()).decode()
        return (
            "default-src 'none'; "
            f"script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
            "connect-src 'self'; form-action 'self'; img-src 'none'; "
            "base-uri 'none'; frame-ancestors 'none'"
        )


@cache
def parts() -> PageParts:
    folder = asset("phones")
    return PageParts(
        Template((folder / "page.html").read_text("utf-8")),
        (folder / "page.css").read_text("utf-8"),
        (folder / "page.js").read_text("utf-8"),
    )


def _texts(lang: str) -> dict[str, str]:
    return {
        "waiting": t("Waiting for the next question. Keep this page open.", lang=lang),
        "closed": t("Answers are closed: look at the screen.", lang=lang),
        "yours": t("Your answer: {choice}. You can change it until the reveal.", lang=lang),
        "tap": t("Tap your answer. Nobody can see who answered what.", lang=lang),
        "before": t("You already answered this question.", lang=lang),
        "sending": t("Sending…", lang=lang),
        "slow": t("Too many taps: wait a moment and try again.", lang=lang),
        "offline": t("Cannot reach the room. Check you are on its Wi-Fi.", lang=lang),
    }


def _strings(lang: str) -> str:
    # JSON inside <script>: no "<" may close the element early.
    return json.dumps(_texts(lang), ensure_ascii=False).replace("<", "\\u003c")


def _page(lang: str, body: str, *, refresh: bool) -> str:
    p = parts()
    return p.template.substitute(
        lang=html.escape(lang),
        dir="rtl" if is_rtl(lang) else "ltr",
        title=html.escape(t("Answer", lang=lang)),
        refresh='<noscript><meta http-equiv="refresh" content="5"></noscript>' if refresh else "",
        css=p.css,
        body=body,
        strings=_strings(lang),
        script=p.script,
    )


def join_page(lang: str, *, wrong_code: bool = False, full: bool = False) -> str:
    """Ask for the room code (the QR code carries it, so most phones skip this)."""
    e = html.escape
    message = ""
    if wrong_code:
        message = f'<p class="error">{e(t("That is not this room’s code.", lang=lang))}</p>'
    if full:
        message = f'<p class="error">{e(t("The room is full.", lang=lang))}</p>'
    body = (
        f"<h1>{e(t('Answer anonymously', lang=lang))}</h1>{message}"
        '<form class="join" method="get" action="/">'
        f'<label for="code">{e(t("Room code (on the screen)", lang=lang))}</label>'
        '<input id="code" name="code" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" '
        'autocomplete="off" required autofocus>'
        f'<button type="submit">{e(t("Join", lang=lang))}</button></form>'
        f'<p class="note">{e(t("No names, no accounts: nobody sees who answered.", lang=lang))}</p>'
    )
    return _page(lang, body, refresh=False)


def question_page(lang: str, state: dict[str, Any]) -> str:
    """The question on screen with one big button per choice, or a waiting line."""
    e = html.escape
    question = state.get("question")
    yours = state.get("yours")
    is_open = bool(state.get("open"))
    if question is None:
        body = (
            f"<h1>{e(t('Answer anonymously', lang=lang))}</h1>"
            f'<p class="statement" id="statement">{e(_texts(lang)["waiting"])}</p>'
            '<form id="answer" method="post" action="/api/answer" hidden>'
            '<input type="hidden" name="question" value="">'
            '<div class="choices"><button class="myth" name="choice" value="myth"></button>'
            '<button class="reality" name="choice" value="reality"></button></div></form>'
            '<p class="status" id="status"></p>'
        )
        return _page(lang, body, refresh=True)
    buttons = "".join(
        f'<button class="{e(cid)}" type="submit" name="choice" value="{e(cid)}" '
        f'aria-pressed="{"true" if cid == yours else "false"}"'
        f"{'' if is_open else ' disabled'}>{e(label)}</button>"
        for cid, label in ((c["id"], c["label"]) for c in question["choices"])
    )
    if not is_open:
        status, css = _texts(lang)["closed"], "status closed"
    elif yours:
        label = next((c["label"] for c in question["choices"] if c["id"] == yours), yours)
        status, css = _texts(lang)["yours"].replace("{choice}", label), "status"
    else:
        status, css = _texts(lang)["tap"], "status"
    body = (
        f"<h1>{e(t('Myth or reality?', lang=lang))}</h1>"
        f'<p class="statement" id="statement">{e(question["text"])}</p>'
        '<form id="answer" method="post" action="/api/answer">'
        f'<input type="hidden" name="question" value="{e(question["id"])}">'
        f'<div class="choices">{buttons}</div></form>'
        f'<p class="{css}" id="status" role="status">{e(status)}</p>'
    )
    return _page(lang, body, refresh=not is_open)
