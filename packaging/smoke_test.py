"""Smoke test of the archive users download: unpack it, then run the bundled program the way a
user would, with nothing from the build machine's Python in its environment.

    python packaging/smoke_test.py dist/careerplanner-VERSION-linux-x86_64.tar.gz [--x11 MODE]

Each step prints one line; the first failure stops the test with what was expected and what the
program printed, and a non-zero exit (`make package` fails with it). Everything the program
writes goes into a temporary HOME; the test checks that nothing lands anywhere else. ``--x11``
(auto, require or skip) also opens the window on a virtual X server (Xvfb) and checks the
window's class and icon against the desktop entry; auto skips that when Xvfb, xwininfo or
xprop is missing. Needs only Python's standard library.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

APP_ID = "io.github.careerplanner.CareerPlanner"
ICON_SIZES = ("16x16", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512")


class SmokeFailure(Exception):
    pass


PASSED: list[str] = []


def ok(message: str) -> None:
    PASSED.append(message)
    print(f"ok: {message}")


def check(condition: bool, what: str, result: subprocess.CompletedProcess | None = None) -> None:
    if not condition:
        details = ""
        if result is not None:
            details = (
                f"\n  exit status {result.returncode}"
                f"\n  stdout: {result.stdout[-2000:]!r}\n  stderr: {result.stderr[-2000:]!r}"
            )
        raise SmokeFailure(what + details)


@dataclass
class Bundle:
    folder: Path  # the unpacked careerplanner-VERSION/ folder
    home: Path
    cwd: Path  # an empty folder the program runs in

    @property
    def program(self) -> Path:
        return self.folder / "careerplanner"

    @property
    def data_dir(self) -> Path:
        return self.home / ".local" / "share" / "careerplanner"

    @property
    def font_cache_dir(self) -> Path:
        return self.home / ".cache" / "careerplanner" / "matplotlib"

    def env(self, **extra: str) -> dict[str, str]:
        # Built from nothing: no venv, PYTHONPATH, XDG_* or DISPLAY from the caller.
        return {
            "HOME": str(self.home),
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            **extra,
        }

    def run(self, *args: str, ok: bool = True, path: str | None = None):
        result = subprocess.run(
            [str(self.program), *args],
            capture_output=True,
            text=True,
            cwd=self.cwd,
            env=self.env(**({"PATH": path} if path else {})),
            timeout=180,
        )
        command = "careerplanner " + " ".join(args)
        if ok:
            check(result.returncode == 0, f"{command} failed", result)
        check("Traceback" not in result.stderr, f"{command} printed a traceback", result)
        return result


def unpack(archive: Path, into: Path, version: str) -> Path:
    with tarfile.open(archive) as tar:
        tops = {Path(member.name).parts[0] for member in tar.getmembers()}
        check(tops == {f"careerplanner-{version}"}, f"the archive holds one folder, not {tops}")
        tar.extractall(into, filter="data")  # refuses absolute paths and links out of the folder
    return into / f"careerplanner-{version}"


def files_under(folder: Path) -> set[Path]:
    return {path.relative_to(folder) for path in folder.rglob("*")}


def test_command_line(bundle: Bundle, version: str) -> None:
    result = bundle.run("--version")
    check(result.stdout == f"careerplanner {version}\n", "--version prints the version", result)
    ok(f"--version prints {result.stdout.strip()!r}")

    result = bundle.run("knowledge", "--format", "json")
    knowledge = json.loads(result.stdout)
    check(isinstance(knowledge.get("format_version"), int), "knowledge JSON has a format_version")
    check(len(knowledge["skills"]) >= 40 and knowledge["paths"], "the knowledge base is inside")
    ok(f"knowledge --format json: {len(knowledge['skills'])} skills, from the bundle")

    result = bundle.run("plan", "--to", "ml-engineer", "--start", "2027-01", "--format", "json")
    plan = json.loads(result.stdout)
    check(plan["from"] == "software-engineer" and plan["to"] == "ml-engineer", "plan's roles")
    check(plan["months"][0]["start"] == "2027-01-01", "the plan starts in the month asked for")
    ok(f"plan --to ml-engineer: {plan['total_months']} months from 2027-01")

    result = bundle.run("plan", "--to", "nobody", ok=False)
    refused = result.returncode != 0 and len(result.stderr.splitlines()) == 1
    check(refused and "error" in result.stderr, "a wrong role is one error line", result)
    ok("a mistake on the command line is one line on stderr")


def _profiles(bundle: Bundle) -> list[dict]:
    return json.loads(bundle.run("profile", "list", "--format", "json").stdout)["profiles"]


def test_window(bundle: Bundle) -> None:
    bundle.run("--exit-after", "window")
    check((bundle.data_dir / "careerplanner.db").is_file(), "the database is in the data folder")
    check(_profiles(bundle) == [], "closing the welcome dialog makes no profile")
    ok("first run: the welcome dialog opens and quits; the database is in ~/.local/share")

    bundle.run(
        "profile", "create", "Smoke", "--from", "software-engineer", "--to", "ai-engineer",
        "--hours", "8",
    )  # fmt: skip
    check([p["name"] for p in _profiles(bundle)] == ["Smoke"], "profile create made a profile")
    bundle.run("--exit-after", "window")
    ok("with a profile from 'profile create', the window opens and quits")


def _first_chart_seconds(bundle: Bundle, path: str | None = None) -> float:
    start = time.perf_counter()
    bundle.run("--exit-after", "chart", path=path)
    return time.perf_counter() - start


def _spy_on_fc_list(folder: Path) -> Path:
    """A stand-in for fc-list, which matplotlib runs as it builds its font cache: it notes the
    LD_LIBRARY_PATH it was started with, then runs the real one. Returns the note's path."""
    folder.mkdir()
    note = folder / "LD_LIBRARY_PATH"
    spy = folder / "fc-list"
    spy.write_text(
        "#!/bin/sh\n"
        f"printf '%s' \"${{LD_LIBRARY_PATH-(unset)}}\" > '{note}'\n"
        '[ -x /usr/bin/fc-list ] && exec /usr/bin/fc-list "$@"\n'
        "exit 1\n"
    )
    spy.chmod(0o755)
    return note


def test_font_cache(bundle: Bundle) -> None:
    # The window opens on the Skills page, which has no chart, so matplotlib (and its font
    # cache) load with the first chart; start from no cache whatever ran before.
    shutil.rmtree(bundle.font_cache_dir, ignore_errors=True)
    spy = _spy_on_fc_list(bundle.home.parent / "spy")
    cold = _first_chart_seconds(bundle, path=f"{spy.parent}:/usr/bin:/bin")
    check(spy.is_file(), "matplotlib ran fc-list as it built its font cache")
    inherited = spy.read_text()
    check(
        str(bundle.folder) not in inherited,
        f"programs the app starts get the user's library path, not {inherited!r}",
    )
    ok("programs the app starts (matplotlib's fc-list) get the user's library path")
    caches = list(bundle.font_cache_dir.glob("fontlist-*.json"))
    check(len(caches) == 1, f"matplotlib's font cache is in {bundle.font_cache_dir}")
    written = caches[0].stat().st_mtime_ns
    warm = _first_chart_seconds(bundle)
    check(caches[0].stat().st_mtime_ns == written, "the second launch reuses the font cache")
    shutil.rmtree(bundle.font_cache_dir)
    without = _first_chart_seconds(bundle)  # what every launch would cost without the cache
    ok(
        f"the font cache persists in ~/.cache/careerplanner/matplotlib; first chart "
        f"{cold:.2f} s on the first launch, {warm:.2f} s on the next, {without:.2f} s with "
        "the cache removed"
    )


def test_desktop_menu(bundle: Bundle) -> Path:
    installer = bundle.folder / "install-desktop.sh"
    data_home = bundle.home / ".local" / "share"
    env = bundle.env()
    result = subprocess.run(
        [str(installer)], capture_output=True, text=True, cwd=bundle.cwd, env=env, timeout=60
    )
    check(result.returncode == 0, "install-desktop.sh failed", result)
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    check(entry.is_file(), f"install-desktop.sh writes {entry}", result)
    check(
        f'Exec="{bundle.program}"' in entry.read_text().splitlines(),
        "the menu entry starts the unpacked program",
        result,
    )
    for size in ICON_SIZES:
        icon = data_home / "icons" / "hicolor" / size / "apps" / f"{APP_ID}.png"
        check(icon.is_file(), f"install-desktop.sh installs the {size} icon")
    check((data_home / "metainfo" / f"{APP_ID}.metainfo.xml").is_file(), "the metainfo file")
    if shutil.which("desktop-file-validate"):
        validated = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True
        )
        check(validated.returncode == 0 and not validated.stdout, "installed entry is valid")
    ok(f"install-desktop.sh adds the menu entry (Exec={bundle.program})")
    return entry


def test_desktop_menu_removed(bundle: Bundle) -> None:
    installer = bundle.folder / "install-desktop.sh"
    result = subprocess.run(
        [str(installer), "--uninstall"],
        capture_output=True,
        text=True,
        cwd=bundle.cwd,
        env=bundle.env(),
        timeout=60,
    )
    check(result.returncode == 0, "install-desktop.sh --uninstall failed", result)
    left = [
        path for path in (bundle.home / ".local" / "share").rglob(f"{APP_ID}*") if path.is_file()
    ]
    check(not left, f"install-desktop.sh --uninstall leaves {left}")
    ok("install-desktop.sh --uninstall removes them")


def _wait_for(condition, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    return None


@dataclass(frozen=True)
class X11Window:
    wm_class: tuple[str, ...]  # (instance, class), as xprop prints them
    has_icon: bool


def x11_window(command: list[str], env: dict[str, str], cwd: Path) -> X11Window | None:
    """Start ``command`` on a virtual X server of its own (Xvfb), wait for its main window and
    read the window's WM_CLASS and icon with xprop; None if no window appeared in a minute.
    Stops the program and the server either way. ``env`` must not name a QT_QPA_PLATFORM."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    app = None
    try:
        with os.fdopen(read_end) as displayfd:
            display = ":" + displayfd.readline().strip()
        if display == ":":
            raise SmokeFailure("Xvfb did not start")
        x_env = {"DISPLAY": display, "PATH": "/usr/bin:/bin"}
        app = subprocess.Popen(
            command,
            cwd=cwd,
            env={**env, "DISPLAY": display},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def x11(*args: str) -> str:
            return subprocess.run(args, capture_output=True, text=True, env=x_env).stdout

        def main_window() -> str | None:
            # Top-level windows with a WM_CLASS; Qt's helper windows have none.
            tree = x11("xwininfo", "-root", "-tree")
            found = re.search(r'^\s*(0x[0-9a-f]+) .*: \("', tree, re.MULTILINE)
            return found.group(1) if found else None

        window = _wait_for(main_window, 60)
        if window is None:
            return None
        wm_class = tuple(re.findall(r'"([^"]*)"', x11("xprop", "-id", window, "WM_CLASS")))
        # The window is listed as soon as it exists; Qt may set its icon a moment later.
        has_icon = _wait_for(lambda: "Icon (" in x11("xprop", "-id", window, "_NET_WM_ICON"), 10)
        return X11Window(wm_class, bool(has_icon))
    finally:
        if app is not None:
            app.terminate()
            app.wait(timeout=30)
        server.terminate()
        server.wait(timeout=30)


def startup_wm_class(entry: Path) -> str:
    found = re.search(r"^StartupWMClass=(.*)$", entry.read_text(), re.MULTILINE)
    check(found is not None, f"{entry.name} names StartupWMClass")
    return found.group(1)


def test_x11_window(bundle: Bundle, entry: Path) -> None:
    """The window on a real (virtual) X server: its WM_CLASS is the desktop entry's
    StartupWMClass, so docks group it with its menu entry, and it carries its icon."""
    env = bundle.env()
    del env["QT_QPA_PLATFORM"]
    window = x11_window([str(bundle.program)], env, bundle.cwd)
    check(window is not None, "the window appears under X11 (Qt's xcb platform)")
    wanted = startup_wm_class(entry)
    check(
        wanted in window.wm_class[1:],
        f"the window's class {window.wm_class} is the entry's StartupWMClass {wanted!r}",
    )
    check(window.has_icon, "the window carries the app icon (_NET_WM_ICON)")
    ok(f"under X11 the window's WM_CLASS {window.wm_class} matches StartupWMClass, with icon")


def x11_tools() -> bool:
    return all(shutil.which(tool) for tool in ("Xvfb", "xwininfo", "xprop"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--x11", choices=["auto", "require", "skip"], default="auto")
    args = parser.parse_args(argv)
    named = re.fullmatch(r"careerplanner-(.+)-linux-[^-]+\.tar\.gz", args.archive.name)
    if named is None:
        parser.error(f"{args.archive} is not named careerplanner-VERSION-linux-ARCH.tar.gz")
    version = named.group(1)
    if args.x11 == "require" and not x11_tools():
        parser.error("--x11 require needs Xvfb, xwininfo and xprop (apt install xvfb x11-utils)")

    skip_x11 = args.x11 == "skip" or (args.x11 == "auto" and not x11_tools())
    with tempfile.TemporaryDirectory(prefix="careerplanner-smoke-") as temporary:
        root = Path(temporary)
        (root / "home").mkdir()
        (root / "cwd").mkdir()
        bundle = Bundle(unpack(args.archive, root, version), root / "home", root / "cwd")
        shipped = files_under(bundle.folder)
        print(f"Smoke test of {args.archive.name}, unpacked in {root}")
        try:
            test_command_line(bundle, version)
            test_window(bundle)
            test_font_cache(bundle)
            entry = test_desktop_menu(bundle)
            if skip_x11:
                print("skipped: the window under X11 (needs Xvfb, xwininfo and xprop)")
            else:
                test_x11_window(bundle, entry)
            test_desktop_menu_removed(bundle)
            check(files_under(bundle.folder) == shipped, "nothing is written beside the program")
            check(not any(bundle.cwd.iterdir()), "nothing is written into the current folder")
            ok("nothing was written beside the program or into the current folder")
        except SmokeFailure as failure:
            print(f"FAILED: {failure}", file=sys.stderr)
            print(f"smoke: {len(PASSED)} passed, 1 failed")
            return 1
    skipped = ", 1 skipped" if skip_x11 else ""
    print(f"smoke: {len(PASSED)} passed, 0 failed{skipped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
