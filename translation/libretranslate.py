"""MT from a team's LibreTranslate server: Engine's interface over /translate and /languages.

The desk still enforces the glossary itself (glossary.enforce places terms before and repairs
and verifies after, exactly as for the local engine): the server only translates. It cannot
block forbidden forms while decoding (no suppress_sequences over HTTP), so those are caught
and repaired afterwards. When the server cannot be reached, FallbackEngine says so and
translates with the local packages, if they have the pair.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from translation.engine import Cancelled, Engine, NoRouteError, Route
from translation.languages import from_argos, language_name, to_argos

if TYPE_CHECKING:  # urllib loads with the first request: most desks have no server set
    import urllib.error

log = logging.getLogger(__name__)

URL_VARIABLE = "HANBIT_MT_URL"
KEY_VARIABLE = "HANBIT_MT_KEY"


class ServerDown(ConnectionError):
    """The LibreTranslate server did not answer after every retry; the message says why."""


class ServerRefused(RuntimeError):
    """The server answered with a refusal a retry cannot fix (bad API key, bad request)."""


@dataclass(frozen=True)
class ServerOptions:
    timeout_s: float = 30.0  # per request; a 16-sentence batch on a CPU server takes seconds
    retries: int = 3  # after the first try, for connection errors, timeouts, 429 and 5xx
    backoff_s: float = 0.5  # 0.5 s, 1 s, 2 s: a restarting server gets a few seconds
    batch_size: int = 16  # segments per request (LibreTranslate's --batch-limit must allow it)


class LibreTranslateEngine:
    """Engine's routes()/route()/translate() answered by a LibreTranslate server."""

    def __init__(
        self,
        url: str,
        api_key: str = "",
        options: ServerOptions | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.options = options or ServerOptions()
        self._sleep = sleep
        self._lock = threading.Lock()
        self._routes: list[Route] | None = None
        self._codes: dict[str, str] = {}  # desk code -> the server's own (zh-Hans or zh)

    # --- HTTP ------------------------------------------------------------------------------

    def _request(self, path: str, payload: dict | None = None) -> object:
        """GET (payload None) or POST JSON, with retries and back-off; the parsed answer."""
        import urllib.error  # noqa: PLC0415 - 30 ms with http.client: only with a server set
        import urllib.request  # noqa: PLC0415 - (as above)

        data = None if payload is None else json.dumps(payload).encode()
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        last = ""
        for attempt in range(self.options.retries + 1):
            if attempt:
                self._sleep(self.options.backoff_s * 2 ** (attempt - 1))
            request = urllib.request.Request(self.url + path, data=data, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.options.timeout_s) as reply:
                    return json.loads(reply.read().decode("utf-8"))
            except urllib.error.HTTPError as error:
                message = _error_text(error)
                if error.code == 429 or error.code >= 500:
                    last = f"HTTP {error.code}: {message}"
                    continue
                if error.code in (401, 403):
                    raise ServerRefused(
                        f"{self.url} refused the request: {message} (check the API key in"
                        " Settings or HANBIT_MT_KEY)"
                    ) from None
                raise ServerRefused(f"{self.url} refused the request: {message}") from None
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
                last = str(getattr(error, "reason", error)) or type(error).__name__
                continue
            except json.JSONDecodeError:
                raise ServerRefused(f"{self.url}{path} did not answer in JSON") from None
        raise ServerDown(
            f"the LibreTranslate server {self.url} did not answer after"
            f" {self.options.retries + 1} tries ({last})"
        )

    # --- routes ------------------------------------------------------------------------------

    def languages(self) -> list[tuple[str, list[str]]]:
        """(source, targets) as the server lists them, in the desk's codes (zh-Hans, zh-Hant)."""
        answer = self._request("/languages")
        if not isinstance(answer, list):
            raise ServerRefused(f"{self.url}/languages answered something else than a list")
        pairs = []
        for entry in answer:
            code = str(entry.get("code", ""))
            source = _desk_code(code)
            self._codes[source] = code
            targets = [_desk_code(str(t)) for t in entry.get("targets", [])]
            pairs.append((source, [t for t in targets if t != source]))
        return pairs

    def routes(self) -> list[Route]:
        """Every pair the server translates (asked once; refresh() asks again)."""
        with self._lock:
            if self._routes is None:
                self._routes = [
                    Route(source, target, ())
                    for source, targets in self.languages()
                    for target in targets
                ]
            return list(self._routes)

    def refresh(self) -> None:
        with self._lock:
            self._routes = None

    def route(self, source: str, target: str) -> Route:
        if source == target:
            raise NoRouteError(f"Source and target are both {language_name(source)} ({source}).")
        for candidate in self.routes():
            if (candidate.source, candidate.target) == (source, target):
                return candidate
        raise NoRouteError(
            f"The LibreTranslate server {self.url} does not translate {language_name(source)} →"
            f" {language_name(target)} ({source}→{target}); ask its admin to load that pair."
        )

    # --- translation -------------------------------------------------------------------------

    def translate(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        forbidden: Sequence[str] = (),
        on_batch: Callable[[list[int], list[str]], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> list[str]:
        """Translate texts in batches of options.batch_size per request; forbidden is ignored
        here (the server cannot block forms) and left to the caller's repair step."""
        self.route(source, target)
        results = [""] * len(texts)
        pending = [i for i, text in enumerate(texts) if text.strip()]
        size = max(1, self.options.batch_size)
        for start in range(0, len(pending), size):
            if cancel is not None and cancel():
                raise Cancelled()
            indexes = pending[start : start + size]
            payload = {
                "q": [texts[i] for i in indexes],
                "source": self._codes.get(source, to_argos(source)),
                "target": self._codes.get(target, to_argos(target)),
                "format": "text",
            }
            if self.api_key:
                payload["api_key"] = self.api_key
            answer = self._request("/translate", payload)
            outputs = answer.get("translatedText") if isinstance(answer, dict) else None
            if not isinstance(outputs, list) or len(outputs) != len(indexes):
                raise ServerRefused(f"{self.url}/translate answered {str(answer)[:200]}")
            for index, output in zip(indexes, outputs, strict=True):
                results[index] = str(output)
            if on_batch is not None:
                on_batch(list(indexes), [str(o) for o in outputs])
        return results

    def close(self) -> None:
        """Nothing held open: every request is its own connection."""


class FallbackEngine:
    """The server first; when it is down, the local packages (with notice saying so)."""

    def __init__(self, remote: LibreTranslateEngine, local) -> None:
        self.remote = remote
        self.local = local
        self.notice = ""  # the last fallback, in words, for the window's status bar or the CLI

    @property
    def packages_dir(self):
        return self.local.packages_dir

    def packages(self):
        return self.local.packages()

    def routes(self) -> list[Route]:
        """The server's pairs, then local pairs the server lacks; the local ones alone when the
        server cannot be reached."""
        try:
            remote = self.remote.routes()
        except (ServerDown, ServerRefused) as error:
            self.notice = f"{error}; listing the local packages' pairs"
            return self.local.routes()
        have = {(r.source, r.target) for r in remote}
        return remote + [r for r in self.local.routes() if (r.source, r.target) not in have]

    def route(self, source: str, target: str) -> Route:
        try:
            return self.remote.route(source, target)
        except (ServerDown, ServerRefused, NoRouteError):
            return self.local.route(source, target)

    def translate(self, texts: Sequence[str], source: str, target: str, **kwargs) -> list[str]:
        try:
            self.remote.route(source, target)
        except NoRouteError:
            return self.local.translate(texts, source, target, **kwargs)
        except (ServerDown, ServerRefused) as error:
            return self._fall_back(error, texts, source, target, kwargs)
        try:
            return self.remote.translate(texts, source, target, **kwargs)
        except ServerDown as error:
            return self._fall_back(error, texts, source, target, kwargs)

    def _fall_back(self, error: Exception, texts, source, target, kwargs) -> list[str]:
        try:
            self.local.route(source, target)
        except NoRouteError:
            raise NoRouteError(
                f"{error}, and no local package translates {source}→{target}: install one"
                " (Packages ▸ Install from file) or try again when the server is back."
            ) from None
        self.notice = f"{error}; translated with the local packages instead"
        log.warning(self.notice)
        return self.local.translate(texts, source, target, **kwargs)

    def refresh(self) -> None:
        self.remote.refresh()
        self.local.refresh()

    def unload(self) -> None:
        self.local.unload()

    def close(self) -> None:
        self.remote.close()
        self.local.close()

    def __getattr__(self, name: str):
        # Anything else a caller asks of an engine (device, loaded_packages...) is the local one's.
        return getattr(self.local, name)


def open_engine(packages_dir, url: str | None = None, api_key: str | None = None, options=None):
    """The local engine, or the server given by url (else HANBIT_MT_URL) with the local one as
    fallback."""
    local = Engine(packages_dir, options)
    url = url or os.environ.get(URL_VARIABLE, "")
    if not url:
        return local
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"{url!r} is not a LibreTranslate server URL (http:// or https://)")
    key = api_key if api_key is not None else os.environ.get(KEY_VARIABLE, "")
    return FallbackEngine(LibreTranslateEngine(url, key), local)


def _desk_code(code: str) -> str:
    # LibreTranslate 1.6+ says zh-Hans/zh-Hant, older servers zh/zt; the desk uses the former.
    if code.lower() in ("zh-hans", "zh-hant"):
        return "zh-Hans" if code.lower() == "zh-hans" else "zh-Hant"
    return from_argos(code)


def _error_text(error: urllib.error.HTTPError) -> str:
    try:
        body = json.loads(error.read().decode("utf-8", "replace"))
        return str(body.get("error", body))
    except (ValueError, AttributeError, OSError):
        return error.reason or f"HTTP {error.code}"
