#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every source or template file with translatable strings must be listed in
# po/POTFILES.in, or its strings never reach translators; and every listed
# file must exist.

set -u
top=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$top" || exit 1

echo "1..2"
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$' | sort)

missing=$( { grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext)\s*\(' src --include='*.c';
             grep -rl 'translatable="yes"' src --include='*.ui'; } | sort -u |
           while read -r f; do
             echo "$listed" | grep -qxF "$f" || echo "$f"
           done)
if [ -z "$missing" ]; then
  echo "ok 1 - every file with translatable strings is in po/POTFILES.in"
else
  echo "not ok 1 - not in po/POTFILES.in:"
  echo "$missing" | sed 's/^/# /'
fi

gone=$(echo "$listed" | while read -r f; do [ -f "$f" ] || echo "$f"; done)
if [ -z "$gone" ]; then
  echo "ok 2 - every file in po/POTFILES.in exists"
else
  echo "not ok 2 - listed in po/POTFILES.in but missing:"
  echo "$gone" | sed 's/^/# /'
fi

[ -z "$missing" ] && [ -z "$gone" ]
