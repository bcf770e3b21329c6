#!/bin/sh
# Add Career Planner to your applications menu, for you alone (no administrator needed), or
# take it out again.
#
#   ./install-desktop.sh              in the unpacked archive: the menu entry starts ./careerplanner
#   ./install-desktop.sh --uninstall  removes the menu entry, the icon and the AppStream file
#   ./install-desktop.sh --exec PATH  the menu entry starts PATH (make install-desktop uses this)
#
# The files go under $XDG_DATA_HOME (~/.local/share if unset): applications/, metainfo/ and
# icons/hicolor/. Your own data (the careerplanner.db file) is never touched.
set -eu

APP_ID=io.github.careerplanner.CareerPlanner
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-${HOME:?}/.local/share}

if [ -d "$here/_internal" ]; then # the unpacked archive (or dist/careerplanner/)
    entry=$here/_internal/share/applications/$APP_ID.desktop
    metainfo=$here/_internal/share/metainfo/$APP_ID.metainfo.xml
    icons=$here/_internal/careerplanner/resources/icons/hicolor
    exec_path=$here/careerplanner
else # packaging/linux/ in the source tree
    entry=$here/$APP_ID.desktop
    metainfo=$here/$APP_ID.metainfo.xml
    icons=$(cd "$here/../.." && pwd)/resources/icons/hicolor
    exec_path=
fi

usage() {
    sed -n '2,10s/^# \{0,1\}//p' "$0"
}

fail() {
    echo "install-desktop.sh: $*" >&2
    exit 1
}

action=install
while [ $# -gt 0 ]; do
    case $1 in
    --uninstall) action=uninstall ;;
    --exec)
        [ $# -ge 2 ] || fail "--exec needs the path of the careerplanner program"
        exec_path=$2
        shift
        ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        usage >&2
        exit 2
        ;;
    esac
    shift
done

# Every file this script writes, relative to $data_home.
installed_files() {
    echo "applications/$APP_ID.desktop"
    echo "metainfo/$APP_ID.metainfo.xml"
    for icon in "$icons"/*/apps/"$APP_ID".*; do
        echo "icons/hicolor/${icon#"$icons"/}"
    done
}

refresh_menus() {
    # Desktops notice new entries by themselves (update-desktop-database is only for file
    # types, which the entry names none of). An icon cache, where there is one, is refreshed.
    if [ -d "$data_home/icons/hicolor" ]; then
        touch "$data_home/icons/hicolor"
        if [ -f "$data_home/icons/hicolor/icon-theme.cache" ] &&
            command -v gtk-update-icon-cache >/dev/null 2>&1; then
            gtk-update-icon-cache -q -t -f "$data_home/icons/hicolor" 2>/dev/null || true
        fi
    fi
}

if [ "$action" = uninstall ]; then
    installed_files | while IFS= read -r file; do
        rm -f "$data_home/$file"
    done
    refresh_menus
    echo "Career Planner is no longer in your applications menu. Your data was not touched."
    exit 0
fi

[ -n "$exec_path" ] || fail "say which careerplanner program the menu entry starts: --exec PATH"
case $exec_path in
/*) ;;
*) exec_path=$(pwd)/$exec_path ;;
esac
[ -x "$exec_path" ] && [ ! -d "$exec_path" ] || fail "$exec_path is not a program that can be run"
case $exec_path in
*'
'*) fail "the path of the program may not contain a line break: $exec_path" ;;
esac

# Exec= takes a quoted path: \ " ` $ are escaped inside the quotes, then each \ is doubled
# (the desktop entry's own string escaping) and % is doubled (field codes).
quoted=$(printf '%s' "$exec_path" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')

mkdir -p "$data_home/applications" "$data_home/metainfo"
while IFS= read -r line; do
    case $line in
    Exec=*) printf 'Exec="%s"\n' "$quoted" ;;
    *) printf '%s\n' "$line" ;;
    esac
done <"$entry" >"$data_home/applications/$APP_ID.desktop.new"
mv "$data_home/applications/$APP_ID.desktop.new" "$data_home/applications/$APP_ID.desktop"
cp "$metainfo" "$data_home/metainfo/$APP_ID.metainfo.xml"
for icon in "$icons"/*/apps/"$APP_ID".*; do
    target=$data_home/icons/hicolor/${icon#"$icons"/}
    mkdir -p "$(dirname "$target")"
    cp "$icon" "$target"
done
refresh_menus

echo "Career Planner is in your applications menu; it starts $exec_path"
echo "To take it out again: $0 --uninstall"
