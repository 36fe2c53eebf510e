#!/bin/sh
# Re-extract the desktop app's strings (tr(), QT_TR_NOOP…) from ui/ and app/ into the Italian,
# French and German .ts files, and the plural ones (tr("…%n…", nullptr, n)) into the English one. New strings arrive as "unfinished": translate them (Qt Linguist, or by hand) before
# committing — tests/tst_translations fails while any message is unfinished or empty.
# The build only runs lrelease on these files; it never rewrites them.
#
# Usage: translations/update.sh [LUPDATE]    (default: $LUPDATE, then lupdate from Qt 6)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

lupdate=${1:-${LUPDATE:-}}
if [ -z "$lupdate" ]; then
    for candidate in /usr/lib/qt6/bin/lupdate /usr/lib/qt6/libexec/lupdate \
                     "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then
            lupdate=$candidate
            break
        fi
    done
fi
if [ -z "$lupdate" ]; then
    echo "update.sh: lupdate not found; pass its path as the first argument" >&2
    exit 1
fi

# Same options as tests/tst_translations.cpp, so its check sees what this script would write.
cd "$root"
"$lupdate" -silent -no-obsolete -locations relative -extensions cpp,h,ui \
    ui app \
    -ts translations/limpet_it.ts translations/limpet_fr.ts translations/limpet_de.ts
# English is the source language: its file holds only the plural forms ("%n session(s)" →
# "1 session", "2 sessions").
exec "$lupdate" -silent -no-obsolete -locations relative -extensions cpp,h,ui -pluralonly \
    ui app \
    -ts translations/limpet_en.ts
