"""`main.py packages list|install FILE|download FROM TO|remove FROM TO`: Argos packages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "packages",
        help="list, install, download or remove Argos Translate packages",
        description="Manage the offline translation packages (Argos Translate .argosmodel files).",
    )
    parser.add_argument("--packages", type=Path, metavar="DIR", help="Argos packages folder")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="installed packages and the pairs they make possible")
    install = actions.add_parser("install", help="install a .argosmodel file")
    install.add_argument("file", type=Path, metavar="FILE")
    download = actions.add_parser("download", help="download and install a pair (online)")
    download.add_argument("source", metavar="FROM")
    download.add_argument("target", metavar="TO")
    download.add_argument("--index", metavar="URL", help="package index URL or file")
    remove = actions.add_parser("remove", help="remove the package for a pair")
    remove.add_argument("source", metavar="FROM")
    remove.add_argument("target", metavar="TO")
    # --packages is accepted after the action too (`packages list --packages DIR`).
    for action in (install, download, remove, actions.choices["list"]):
        action.add_argument(
            "--packages",
            type=Path,
            metavar="DIR",
            default=argparse.SUPPRESS,
            help=argparse.SUPPRESS,
        )
    parser.set_defaults(func=run)


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:.1f} MB"


def _list(packages_dir: Path) -> int:
    from translation.engine import Engine  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    engine = Engine(packages_dir)
    routes = engine.routes()
    if not routes:
        print(f"No packages installed in {packages_dir}.")
        print("Install one with: main.py packages install FILE.argosmodel")
        return 0
    print(f"Packages in {packages_dir}:")
    for package in engine.packages():
        print(
            f"  {package.from_code} → {package.to_code}\t{package.version}\t{package.name}\t"
            f"{_megabytes(package.size_bytes)}\t{package.path.name}"
        )
    pivots = [route for route in routes if route.pivot]
    if pivots:
        print("Through English:")
        for route in pivots:
            print(f"  {route.label}")
    return 0


def _download(args: argparse.Namespace, packages_dir: Path) -> int:
    from translation.engine import Engine  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from translation.index import DEFAULT_INDEX_URL, download_and_install  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from translation.languages import from_argos  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    installed = {package.pair for package in Engine(packages_dir).packages()}
    shown: dict[tuple[str, str], int] = {}

    def progress(package, done: int, total: int | None) -> None:
        # A line per tenth (or per 10 MB without a size): a log, not a progress bar.
        step = done * 10 // total if total else done // (10 * 1024**2)
        if shown.get(package.pair) != step:
            shown[package.pair] = step
            of = f" of {_megabytes(total)}" if total else ""
            print(f"  {package.name}: {_megabytes(done)}{of}", file=sys.stderr)

    done = download_and_install(
        from_argos(args.source),
        from_argos(args.target),
        packages_dir,
        index_url=args.index or DEFAULT_INDEX_URL,
        installed=installed,
        progress=progress,
    )
    for package in done:
        print(f"Installed {package.name} {package.version} in {package.path}")
    return 0


def run(args: argparse.Namespace) -> int:
    import paths  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from storage.inputs import check_input_file  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from translation.engine import Cancelled  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from translation.packages import PackageError, install_package_file, remove_package  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    packages_dir = paths.packages_dir(args.packages)
    try:
        if args.action == "list":
            return _list(packages_dir)
        if args.action == "install":
            try:
                check_input_file(args.file, PackageError)  # a folder, FIFO or device, said so
            except PackageError as error:
                print(f"error: {error}", file=sys.stderr)
                return 2
            package = install_package_file(args.file, packages_dir)
            print(f"Installed {package.name} {package.version} in {package.path}")
            return 0
        if args.action == "download":
            return _download(args, packages_dir)
        remove_package(packages_dir, args.source, args.target)
        print(f"Removed {args.source} → {args.target} from {packages_dir}")
        return 0
    except PackageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except (Cancelled, KeyboardInterrupt):
        print("error: cancelled; nothing was installed", file=sys.stderr)
        return 1
