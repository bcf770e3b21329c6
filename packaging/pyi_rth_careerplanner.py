"""Run-time hook of the bundle: runs before the app, every launch.

matplotlib keeps its font cache in its config folder. Left to PyInstaller's own hook, that is a
new temporary folder each launch, so every first chart would rebuild the cache. This points it
at a folder in the user's cache folder instead (~/.cache/careerplanner/matplotlib on Linux), so
the cache is built once; matplotlib rebuilds it by itself if a font it lists goes away, as it
does when the bundle's folder is moved. A MPLCONFIGDIR the user set is left alone.
"""


def _persistent_matplotlib_folder() -> None:
    import os

    if os.environ.get("MPLCONFIGDIR"):
        return
    import platformdirs

    cache = platformdirs.user_cache_path("careerplanner", appauthor=False)
    os.environ["MPLCONFIGDIR"] = str(cache / "matplotlib")


_persistent_matplotlib_folder()
del _persistent_matplotlib_folder
