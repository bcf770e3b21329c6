"""Run-time hook of the bundle: runs before the app, at every launch.

1. matplotlib keeps its font cache in its config folder. Left to PyInstaller's own hook, that
   is a new temporary folder each launch, so every first chart would rebuild the cache. This
   points it at a folder in the user's cache folder instead (~/.cache/careerplanner/matplotlib
   on Linux), so the cache is built once; matplotlib rebuilds it by itself if a font it lists
   goes away, as it does when the bundle's folder is moved. A MPLCONFIGDIR the user set stays.
2. On Linux the bundle's launcher points LD_LIBRARY_PATH at the bundle's own libraries, and
   programs the app starts would inherit that: xdg-open and the file manager it starts for
   Help > Open Data Folder would then load the bundle's older copies of glib and friends
   instead of their own. The dynamic loader has read the variable already, so giving it back
   its original value changes nothing for the app itself.
"""


def _persistent_matplotlib_folder() -> None:
    import os

    if os.environ.get("MPLCONFIGDIR"):
        return
    import platformdirs

    cache = platformdirs.user_cache_path("careerplanner", appauthor=False)
    os.environ["MPLCONFIGDIR"] = str(cache / "matplotlib")


def _original_library_path() -> None:
    import os
    import sys

    if not sys.platform.startswith("linux") or "LD_LIBRARY_PATH" not in os.environ:
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)  # the launcher's copy of it
    if original is None:
        del os.environ["LD_LIBRARY_PATH"]
    else:
        os.environ["LD_LIBRARY_PATH"] = original


_persistent_matplotlib_folder()
_original_library_path()
del _persistent_matplotlib_folder, _original_library_path
