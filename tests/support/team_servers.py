"""Real PostgreSQL and LibreTranslate servers on 127.0.0.1 for the team tests and bench.

PostgreSQL comes from Debian's `postgresql` package: initdb in a fresh folder, run as an
unprivileged user (the server refuses root), listening on a free TCP port only. LibreTranslate
comes from PyPI in its own venv (its pins clash with ours), serving the tiny copy packages
offline: each package carries a rule-based MiniSBD splitter (minisbd_rules.py) so no sentence
model is downloaded, and at least two packages are installed so it downloads no index.
A TcpProxy between client and server lets a test cut the network and restore it.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVICES_SCRIPT = ROOT / ".ci" / "team-services.sh"
LT_VENV = Path(os.environ.get("HANBIT_LT_VENV", ROOT / ".venv-team"))
MINISBD_RULES = Path(__file__).with_name("minisbd_rules.py")


class ServerError(RuntimeError):
    """A test server could not be installed or started; the message says what to do."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_port(port: int, deadline: float, process: subprocess.Popen, log: Path) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"server exited with {process.returncode}:\n{_tail(log)}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.1)
    raise ServerError(f"server did not listen on {port} in time:\n{_tail(log)}")


def _tail(log: Path) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-25:])
    except OSError:
        return "(no log)"


def ensure_installed() -> None:
    """Run .ci/team-services.sh when PostgreSQL or the LibreTranslate venv is missing."""
    if pg_bindir() is not None and (LT_VENV / "bin" / "libretranslate").exists():
        return
    result = subprocess.run(
        ["bash", str(SERVICES_SCRIPT)], capture_output=True, text=True, timeout=900
    )
    if result.returncode != 0:
        raise ServerError(
            f"{SERVICES_SCRIPT} failed ({result.returncode}):\n{result.stdout[-2000:]}"
            f"\n{result.stderr[-2000:]}"
        )


def pg_bindir() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps them side by side)."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/postgres"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if versions:
        return versions[-1].parent
    found = shutil.which("postgres") or shutil.which("initdb")
    return Path(found).parent if found else None


def _server_user() -> str | None:
    """Who runs postgres: ourselves, or an unprivileged account when we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("hanbit-pg", "postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise ServerError("running as root and no unprivileged user (postgres, nobody) exists")


class PostgresServer:
    """A throw-away cluster: superuser `hanbit_admin` with a random password."""

    def __init__(self, settings: dict[str, str] | None = None) -> None:
        # Server settings beyond the tests' small defaults (a bench's shared_buffers).
        self.settings = {"shared_buffers": "32MB", **(settings or {})}
        bindir = pg_bindir()
        if bindir is None:
            raise ServerError("PostgreSQL is not installed: run .ci/team-services.sh")
        self.bindir = bindir
        self.user = _server_user()
        # Not under pytest's tmp_path: that folder is private to root, postgres runs as another.
        self.folder = Path(tempfile.mkdtemp(prefix="hanbit-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.password = secrets.token_hex(8)
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self._init()

    def _run_as(self) -> dict:
        return {"user": self.user} if self.user else {}

    def _init(self) -> None:
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password + "\n")
        if self.user:
            entry = pwd.getpwnam(self.user)
            for path in (self.folder, pwfile):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        os.chmod(self.folder, 0o700)
        result = subprocess.run(
            [str(self.bindir / "initdb"), "-D", str(self.data), "-U", "hanbit_admin",
             f"--pwfile={pwfile}", "--auth=scram-sha-256", "-E", "UTF8", "--no-locale",
             "--no-sync"],
            capture_output=True, text=True, timeout=120, cwd=self.folder, **self._run_as(),
        )  # fmt: skip
        pwfile.unlink()
        if result.returncode != 0:
            raise ServerError(f"initdb failed: {result.stderr[-1500:]}")

    def start(self, timeout: float = 30.0) -> None:
        if self.user:
            os.chown(self.folder, pwd.getpwnam(self.user).pw_uid, -1)
        log = open(self.log, "ab")  # noqa: SIM115 - the server keeps writing to it
        self.process = subprocess.Popen(
            [str(self.bindir / "postgres"), "-D", str(self.data), "-p", str(self.port),
             "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
             "-c", "fsync=off", "-c", "max_connections=60",
             *(part for key, value in self.settings.items()
               for part in ("-c", f"{key}={value}"))],
            stdout=log, stderr=log, cwd=self.folder, **self._run_as(),
        )  # fmt: skip
        _wait_port(self.port, time.monotonic() + timeout, self.process, self.log)
        # The port opens before the server accepts logins; wait until it does.
        deadline = time.monotonic() + timeout
        while True:
            try:
                import psycopg

                psycopg.connect(self.url(), connect_timeout=2).close()
                return
            except Exception as error:
                if time.monotonic() > deadline:
                    raise ServerError(f"PostgreSQL refuses logins: {error}") from error
                time.sleep(0.1)

    def kill(self) -> None:
        """Stop the server the hard way (SIGKILL), as a crash or a pulled plug would."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        # Orphaned backends keep the port and shared memory; let them notice and exit.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (self.data / "postmaster.pid").exists():
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), 0.2),
            ):
                time.sleep(0.1)
                continue
            break
        with contextlib.suppress(FileNotFoundError):
            (self.data / "postmaster.pid").unlink()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            # SIGINT is PostgreSQL's fast shutdown: it does not wait for open sessions to end.
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, user: str = "hanbit_admin", password: str | None = None, *,
            database: str = "postgres", port: int | None = None) -> str:  # fmt: skip
        secret = self.password if password is None else password
        return f"postgresql://{user}:{secret}@127.0.0.1:{port or self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A fresh database; returns the superuser's URL for it."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(database=name)


def make_login(pg_server: PostgresServer, database_url: str, name: str, role: str) -> str:
    """A login in the given role (hanbit_translator, hanbit_terminologist); returns its URL."""
    import psycopg

    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f"CREATE ROLE \"{name}\" LOGIN PASSWORD 'pw-{name}' IN ROLE {role}")
    database = database_url.rsplit("/", 1)[1]
    return pg_server.url(name, f"pw-{name}", database=database)


# -- LibreTranslate ----------------------------------------------------------------------


def add_sentence_splitter(package: Path, lang: str) -> None:
    """Give an Argos package the rule-based MiniSBD model, so LibreTranslate splits offline."""
    target = package / "minisbd"
    target.mkdir(exist_ok=True)
    result = subprocess.run(
        [str(LT_VENV / "bin" / "python"), str(MINISBD_RULES), str(target / f"{lang}.onnx"), lang],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if result.returncode != 0:
        raise ServerError(f"cannot write the MiniSBD splitter: {result.stderr[-1500:]}")


class LibreTranslateServer:
    """libretranslate from its own venv, on a free port, with one API key required."""

    def __init__(self, packages_dir: Path, languages: str = "ko,en,zh") -> None:
        if not (LT_VENV / "bin" / "libretranslate").exists():
            raise ServerError(f"no LibreTranslate in {LT_VENV}: run {SERVICES_SCRIPT}")
        self.folder = Path(tempfile.mkdtemp(prefix="hanbit-lt-"))
        self.packages = self.folder / "packages"
        shutil.copytree(packages_dir, self.packages)
        for package in self.packages.iterdir():
            if (package / "metadata.json").exists():
                import json

                source = json.loads((package / "metadata.json").read_text())["from_code"]
                add_sentence_splitter(package, source)
        self.languages = languages
        self.port = free_port()
        self.log = self.folder / "server.log"
        self.api_key = ""
        self.process: subprocess.Popen | None = None

    def _env(self) -> dict[str, str]:
        home = self.folder / "home"
        home.mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOS_", "LT_"))}
        env.update(
            HOME=str(home),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_CONFIG_HOME=str(home / "config"),
            ARGOS_PACKAGES_DIR=str(self.packages),
            ARGOS_DEVICE_TYPE="cpu",
            # An offline index URL: if anything still tried to fetch one it fails at once.
            ARGOS_PACKAGE_INDEX="http://127.0.0.1:9/",
            PYTHONUNBUFFERED="1",
        )
        return env

    def _manage(self, *args: str) -> str:
        result = subprocess.run(
            [str(LT_VENV / "bin" / "ltmanage"), *args], env=self._env(), cwd=self.folder,
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        if result.returncode != 0:
            raise ServerError(f"ltmanage {' '.join(args)} failed: {result.stderr[-1000:]}")
        return result.stdout

    def start(self, timeout: float = 90.0) -> None:
        db = self.folder / "api_keys.db"
        log = open(self.log, "ab")  # noqa: SIM115 - the server keeps writing to it
        self.process = subprocess.Popen(
            [str(LT_VENV / "bin" / "libretranslate"), "--host", "127.0.0.1",
             "--port", str(self.port), "--load-only", self.languages, "--api-keys",
             "--api-keys-db-path", str(db), "--require-api-key-secret",
             "--disable-web-ui", "--threads", "2", "--char-limit", "20000",
             "--batch-limit", "64"],
            env=self._env(), cwd=self.folder, stdout=log, stderr=log,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        _wait_port(self.port, deadline, self.process, self.log)
        while time.monotonic() < deadline:
            with contextlib.suppress(urllib.error.URLError, OSError):
                with urllib.request.urlopen(f"{self.url}/languages", timeout=2) as reply:
                    if reply.status == 200:
                        break
            time.sleep(0.2)
        else:
            raise ServerError(f"LibreTranslate never answered /languages:\n{_tail(self.log)}")
        if not self.api_key:
            self.api_key = self._manage("keys", "--api-keys-db-path", str(db), "add", "1000")
            self.api_key = self.api_key.strip().splitlines()[-1].strip()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


# -- a TCP proxy the test controls --------------------------------------------------------


class TcpProxy:
    """Forwards 127.0.0.1:port to a server; cut() drops every connection and refuses new
    ones (as a dead network does), stall() accepts new ones and never answers (as a hung
    server or a black-holed route does), restore() lets traffic through again."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._lock = threading.Lock()
        self._cut = False
        self._stall = False
        self._held: list[socket.socket] = []
        self._closed = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._cut:
                client.close()
                continue
            if self._stall:
                self._held.append(client)  # open, silent: the client's timeout must fire
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), 5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, client: socket.socket, upstream: socket.socket) -> None:
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, upstream)
        selector.register(upstream, selectors.EVENT_READ, client)
        try:
            while not self._cut and not self._closed:
                for key, _ in selector.select(0.2):
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)
        except OSError:
            pass
        finally:
            selector.close()
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def cut(self) -> None:
        self._cut = True
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            for sock in pair:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def stall(self) -> None:
        self._stall = True

    def restore(self) -> None:
        self._cut = False
        self._stall = False
        held, self._held = self._held, []
        for sock in held:
            sock.close()

    def close(self) -> None:
        self._closed = True
        self.cut()
        self._listener.close()


if __name__ == "__main__":  # python tests/support/team_servers.py: start both, print URLs
    ensure_installed()
    server = PostgresServer()
    server.start()
    print("postgresql:", server.url(), file=sys.stderr)
    server.close()
