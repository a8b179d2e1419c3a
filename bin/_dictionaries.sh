# Sourced by bin/zm and bin/test: the bilingual dictionaries that grouping translates other languages into English
# with (FreeDict, GPL: read at run time from the distribution's packages, never bundled; see docs/grouping.md).
# Installs the missing ones with apt-get when this machine has it; otherwise warns and goes on (grouping then matches
# languages by the concept lexicon only).
zm_dictionaries="swe-eng deu-eng nld-eng dan-eng fin-eng eng-nor eng-swe eng-nld eng-dan swe-deu swe-fin fin-swe \
swe-nor fin-nor nld-deu deu-nld"
zm_missing=""
for d in $zm_dictionaries; do
  [ -f "/usr/share/dictd/freedict-$d.index" ] || zm_missing="$zm_missing dict-freedict-$d"
done
if [ -n "$zm_missing" ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "Installing the FreeDict dictionaries for grouping across languages:$zm_missing ..." >&2
    zm_sudo=""
    [ "$(id -u)" = 0 ] || zm_sudo="sudo"
    # shellcheck disable=SC2086
    $zm_sudo apt-get install -y -q $zm_missing >/dev/null 2>&1 \
      || { $zm_sudo apt-get update -q >/dev/null 2>&1 && $zm_sudo apt-get install -y -q $zm_missing >/dev/null 2>&1; } \
      || echo "WARNING: could not install$zm_missing; texts in different languages are grouped by the concept lexicon only." >&2
  else
    echo "WARNING: no apt-get to install$zm_missing; texts in different languages are grouped by the concept lexicon only." >&2
  fi
fi
unset zm_dictionaries zm_missing zm_sudo d
