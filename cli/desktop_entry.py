"""`hanbit desktop-entry install|remove`: the desk in the Linux application menu, with its icon."""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
from pathlib import Path

import paths

DESKTOP_ID = "hanbit-desk"
ICONS = paths.RESOURCES / "icons"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "desktop-entry",
        help="add the desk to (or remove it from) the Linux application menu",
        description=(
            "install: write hanbit-desk.desktop and its icon under the user's data folder "
            "($XDG_DATA_HOME, else ~/.local/share), so the desk appears in the application "
            "menu and opens .hanbit projects. remove: take both away again."
        ),
    )
    parser.add_argument("action", choices=("install", "remove"))
    parser.add_argument(
        "--data-home",
        type=Path,
        metavar="DIR",
        help="where applications/ and icons/ live (default: $XDG_DATA_HOME or ~/.local/share)",
    )
    parser.set_defaults(func=run)


def data_home(option: Path | None = None) -> Path:
    chosen = option or os.environ.get("XDG_DATA_HOME")
    return Path(chosen) if chosen else Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """What the menu entry runs: the bundled app, the hanbit-desk script, or this Python."""
    if getattr(sys, "frozen", False):  # a PyInstaller app: the executable is the desk
        return [sys.executable]
    script = Path(sys.executable).parent / "hanbit-desk"
    if script.exists():
        return [str(script)]
    found = shutil.which("hanbit-desk")
    if found:
        return [found]
    return [sys.executable, str(Path(paths.__file__).resolve().parent / "main.py"), "open"]


def desktop_file(command: list[str]) -> str:
    exec_line = " ".join(shlex.quote(part) for part in command)
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.0",
            "Name=Hanbit Desk",
            "Name[ko]=한빛 데스크",
            "GenericName=Translation Desk",
            "GenericName[ko]=번역 작업대",
            "Comment=Offline translation of Korean and Chinese news with an enforced glossary",
            "Comment[ko]=용어집을 지키는 한국어·중국어 뉴스 오프라인 번역",
            f"Exec={exec_line} %f",
            f"Icon={DESKTOP_ID}",
            "Terminal=false",
            "Categories=Office;Translation;Qt;",
            "Keywords=translation;CAT;glossary;Korean;Chinese;XLIFF;TMX;",
            f"StartupWMClass={DESKTOP_ID}",
            "",
        ]
    )


def install(home: Path) -> list[Path]:
    applications = home / "applications"
    scalable = home / "icons" / "hicolor" / "scalable" / "apps"
    bitmap = home / "icons" / "hicolor" / "256x256" / "apps"
    for folder in (applications, scalable, bitmap):
        folder.mkdir(parents=True, exist_ok=True)
    written = [
        applications / f"{DESKTOP_ID}.desktop",
        scalable / f"{DESKTOP_ID}.svg",
        bitmap / f"{DESKTOP_ID}.png",
    ]
    written[0].write_text(desktop_file(launch_command()), encoding="utf-8")
    shutil.copyfile(ICONS / "hanbit-desk.svg", written[1])
    shutil.copyfile(ICONS / "hanbit-desk-256.png", written[2])
    return written


def remove(home: Path) -> list[Path]:
    removed = []
    for path in (
        home / "applications" / f"{DESKTOP_ID}.desktop",
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg",
        home / "icons" / "hicolor" / "256x256" / "apps" / f"{DESKTOP_ID}.png",
    ):
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


def run(args: argparse.Namespace) -> int:
    home = data_home(args.data_home)
    try:
        changed = install(home) if args.action == "install" else remove(home)
    except OSError as error:
        print(
            f"error: cannot {args.action} the desktop entry under {home}: {error.strerror}",
            file=sys.stderr,
        )
        return 1
    verb = "wrote" if args.action == "install" else "removed"
    if not changed:
        print("nothing to remove: no desktop entry was installed")
    for path in changed:
        print(f"{verb} {path}")
    return 0
