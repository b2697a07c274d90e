"""The answers room on the network: Qt's own HTTP server, on the event loop.

Three routes and nothing else (docs/phones.md): ``GET /`` (the page; with ``?code=`` it
joins the room and sets the anonymous device cookie), ``GET /api/state`` and
``POST /api/answer`` (JSON, or the plain form the page sends without JavaScript). Qt
parses HTTP and enforces the size limits; every handler is wrapped so that a bad
request gets a 4xx (or a 500 for our own mistake), never a crash and never an empty
reply. No files are served: the page is built in memory from the bundled template.

PySide6 6.12's ``route()`` passes only a returned ``str`` back to Qt (as a 200
text/plain reply), so each route builds its real :class:`QHttpServerResponse` (status,
type, cookie) and returns ``""``; the after-request handler, which Qt calls next for the
same request on the same thread, swaps the real response in and adds the security
headers every reply carries (unknown paths get Qt's own 404 with those headers).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from urllib.parse import parse_qs

import shiboken6
from PySide6.QtCore import QObject, QUrlQuery, Signal
from PySide6.QtHttpServer import (
    QHttpServer,
    QHttpServerConfiguration,
    QHttpServerRequest,
    QHttpServerResponder,
    QHttpServerResponse,
)
from PySide6.QtNetwork import QHostAddress, QTcpServer

from presenter.phones.network import check_address, url_host
from presenter.phones.page import join_page, parts, question_page
from presenter.phones.room import AnswersRoom, Outcome

log = logging.getLogger(__name__)

MAX_BODY = 2048  # an answer is ~40 bytes
COOKIE = "wp_device"
Status = QHttpServerResponder.StatusCode
Method = QHttpServerRequest.Method
Handler = Callable[[QHttpServerRequest], QHttpServerResponse]


class ServerError(OSError):
    """The room could not listen (address not this computer's, port taken, ...)."""


class PhonesServer(QObject):
    """Serves ``room`` on ``address:port`` while started. ``answered`` fires when a
    device's answer changed a total."""

    answered = Signal()

    def __init__(self, room: AnswersRoom, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.language = language
        self._http: QHttpServer | None = None
        self._tcp: QTcpServer | None = None
        self.address = ""
        self.port = 0
        self.requests = 0
        self._kept: list[dict[str, Callable[[QHttpServerRequest], str]]] = []
        self._after = self._headers  # one bound method, kept alive (see start)
        self._reply: QHttpServerResponse | None = None

    # -- life ------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._tcp is not None and self._tcp.isListening()

    def url(self) -> str:
        return f"http://{url_host(self.address)}:{self.port}/"

    def join_url(self) -> str:
        """What the QR code carries: the address with the room code, so a scan joins."""
        return f"{self.url()}?code={self.room.code}"

    def start(self, address: str, port: int = 0) -> None:
        """Listen on ``address`` (checked: private or loopback only) and ``port``
        (0: any free port). Raises ServerError or AddressRefused."""
        self.stop()
        address = check_address(address)
        parts()  # read the bundled page now, so a broken bundle fails here, loudly
        http = QHttpServer(self)
        config = QHttpServerConfiguration()
        config.setMaximumBodySize(MAX_BODY)
        config.setMaximumUrlSize(1024)
        config.setMaximumHeaderFieldCount(40)
        config.setMaximumTotalHeaderSize(16 * 1024)
        config.setMaximumConnectionsPerHost(16)
        config.setMaximumConnections(1000)
        http.setConfiguration(config)
        # The handlers must outlive every server they were given to (a stopped one is
        # deleted later): Qt keeps only a borrowed reference, so they are kept here.
        handlers = {
            "/": self._guard(self._root),
            "/api/state": self._guard(self._state),
            "/api/answer": self._guard(self._answer),
        }
        self._kept.append(handlers)
        for rule, handler in handlers.items():
            http.route(rule, handler)
        http.addAfterRequestHandler(self, self._after)
        tcp = QTcpServer(self)
        tcp.setMaxPendingConnections(512)
        tcp.setListenBacklogSize(512)  # a whole room tapping at once
        if not tcp.listen(QHostAddress(address), port):
            message = tcp.errorString()
            tcp.deleteLater()
            http.deleteLater()
            raise ServerError(f"cannot listen on {address}:{port}: {message}")
        if not http.bind(tcp):
            tcp.close()
            raise ServerError("the HTTP server could not take the socket")
        self._http, self._tcp = http, tcp
        self.address, self.port = address, tcp.serverPort()
        log.info("answers room listening on %s", self.url())

    def stop(self) -> None:
        """Close the listening socket and every connection. Safe to call twice."""
        # Deleted now, through shiboken: a deleteLater'd server could leave its Python
        # wrapper registered at an address Qt then reuses for another object. stop() is
        # never called from inside a request (the console's switch, the workshop's end).
        if self._tcp is not None:
            self._tcp.close()
            if shiboken6.isValid(self._tcp):
                shiboken6.delete(self._tcp)
        if self._http is not None:
            if shiboken6.isValid(self._http):
                shiboken6.delete(self._http)  # closes its connections
            log.info("answers room closed after %d requests", self.requests)
        self._http = self._tcp = None

    # -- plumbing --------------------------------------------------------------

    def _guard(self, handler: Handler) -> Callable[[QHttpServerRequest], str]:
        def guarded(request: QHttpServerRequest) -> str:
            self.requests += 1
            try:
                if _header(request, b"host").lower() not in self._hosts():
                    # A page from elsewhere reaching us under another name (DNS rebinding).
                    self._reply = _text("wrong host", Status.MisdirectedRequest)
                    return ""
                self._reply = handler(request)
            except Exception:
                log.exception("answers room: request failed")
                self._reply = _json({"error": "internal"}, Status.InternalServerError)
            return ""

        return guarded

    def _hosts(self) -> set[str]:
        host = url_host(self.address).lower()
        return {f"{host}:{self.port}"} | ({host} if self.port == 80 else set())

    def _headers(self, request: QHttpServerRequest, response: QHttpServerResponse) -> None:
        reply, self._reply = self._reply, None
        if reply is not None:
            response.swap(reply)
        headers = response.headers()
        headers.replaceOrAppend("Cache-Control", "no-store")
        headers.replaceOrAppend("X-Content-Type-Options", "nosniff")
        headers.replaceOrAppend("Referrer-Policy", "no-referrer")
        headers.replaceOrAppend("X-Frame-Options", "DENY")
        headers.replaceOrAppend("Content-Security-Policy", parts().csp)
        response.setHeaders(headers)

    def _token(self, request: QHttpServerRequest) -> str | None:
        text = _header(request, b"cookie")
        for piece in text.split(";"):
            name, _, value = piece.strip().partition("=")
            if name == COOKIE and self.room.is_device(value):
                return value
        return None

    # -- routes ----------------------------------------------------------------

    def _root(self, request: QHttpServerRequest) -> QHttpServerResponse:
        if request.method() not in (Method.Get, Method.Head):
            return _text("method not allowed", Status.MethodNotAllowed)
        token = self._token(request)
        query = QUrlQuery(request.url())
        if token is None and query.hasQueryItem("code"):
            code = query.queryItemValue("code")[:16]
            token = self.room.join(code, request.remoteAddress().toString())
            if token is None:
                page = join_page(self.language, wrong_code=not self.room.full, full=self.room.full)
                return _html(page, Status.Forbidden)
            response = _redirect("/")
            headers = response.headers()
            headers.append(
                "Set-Cookie",
                f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200",
            )
            response.setHeaders(headers)
            return response
        if token is None:
            return _html(join_page(self.language))
        if not self.room.allow(token):
            return _text("too many requests", Status.TooManyRequests)
        return _html(question_page(self.language, self.room.state(token)))

    def _state(self, request: QHttpServerRequest) -> QHttpServerResponse:
        if request.method() not in (Method.Get, Method.Head):
            return _json({"error": "method"}, Status.MethodNotAllowed)
        token = self._token(request)
        if token is None:
            return _json({"error": "join the room first"}, Status.Unauthorized)
        if not self.room.allow(token):
            return _json({"error": "too many requests"}, Status.TooManyRequests)
        return _json(self.room.state(token))

    def _answer(self, request: QHttpServerRequest) -> QHttpServerResponse:
        if request.method() != Method.Post:
            return _json({"error": "method"}, Status.MethodNotAllowed)
        token = self._token(request)
        if token is None:
            return _json({"error": "join the room first"}, Status.Unauthorized)
        if not self.room.allow(token):
            return _json({"error": "too many requests"}, Status.TooManyRequests)
        body = bytes(request.body().data())
        if len(body) > MAX_BODY:
            return _json({"error": "too large"}, Status.PayloadTooLarge)
        kind = _header(request, b"content-type").split(";")[0].strip().lower()
        as_form = kind == "application/x-www-form-urlencoded"
        if as_form:
            fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=4)
            data: object = {k: v[0] for k, v in fields.items()}
        elif kind == "application/json":
            try:
                data = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                return _json({"error": "bad JSON"}, Status.BadRequest)
        else:
            return _json({"error": "send JSON"}, Status.UnsupportedMediaType)
        if not isinstance(data, dict):
            return _json({"error": "expected an object"}, Status.BadRequest)
        outcome = self.room.answer(token, data.get("question"), data.get("choice"))
        if outcome is Outcome.COUNTED:
            self.answered.emit()
        if as_form:  # the page without JavaScript: back to the page, which shows the answer
            return _redirect("/")
        return _json({"outcome": outcome.value, **self.room.state(token)}, _STATUS[outcome])


_STATUS = {
    Outcome.COUNTED: Status.Ok,
    Outcome.NOT_A_DEVICE: Status.Unauthorized,
    Outcome.UNKNOWN_CHOICE: Status.UnprocessableEntity,
    Outcome.NOT_THIS_QUESTION: Status.Conflict,
    Outcome.CLOSED: Status.Conflict,
}


def _header(request: QHttpServerRequest, name: bytes) -> str:
    return bytes(request.value(name).data()).decode("latin-1")


def _json(data: object, status: QHttpServerResponder.StatusCode = Status.Ok) -> QHttpServerResponse:
    body = json.dumps(data, ensure_ascii=False).encode()
    return QHttpServerResponse(b"application/json", body, status)


def _html(text: str, status: QHttpServerResponder.StatusCode = Status.Ok) -> QHttpServerResponse:
    return QHttpServerResponse(b"text/html; charset=utf-8", text.encode(), status)


def _text(text: str, status: QHttpServerResponder.StatusCode) -> QHttpServerResponse:
    return QHttpServerResponse(b"text/plain; charset=utf-8", text.encode(), status)


def _redirect(location: str) -> QHttpServerResponse:
    response = QHttpServerResponse(Status.SeeOther)
    headers = response.headers()
    headers.append("Location", location)
    response.setHeaders(headers)
    return response
