# shellcheck shell=bash
# The Debian mirror this machine's apt uses, for debootstrap: sourced by .ci/distro, tested by
# .ci/apt_mirror_test.sh. A learner behind a mirror or a proxy gets the same root as CI.
#   apt_mirror ETC      prints the URI of the first enabled `deb` source of a Debian suite (not
#                       -security or -updates) in ETC/apt/sources.list, ETC/apt/sources.list.d/*.list
#                       (one-line) or ETC/apt/sources.list.d/*.sources (deb822); fails naming the
#                       files it read when there is none.
debian_suites='oldoldstable|oldstable|stable|testing|unstable|buster|bullseye|bookworm|trixie|forky|duke|sid'

apt_mirror() {
  local etc=$1 files=() file
  [ -f "$etc/apt/sources.list" ] && files+=("$etc/apt/sources.list")
  for file in "$etc"/apt/sources.list.d/*.list "$etc"/apt/sources.list.d/*.sources; do
    [ -f "$file" ] && files+=("$file")
  done
  if [ ${#files[@]} -gt 0 ]; then
    # One-line: `deb [options] URI SUITE COMPONENT...`. deb822: stanzas of `Field: value` lines,
    # separated by blank lines; Types, URIs and Suites may each list several.
    awk -v suites="^($debian_suites)$" '
      function debian(list,   n, i, s) {
        n = split(list, s, /[ \t]+/)
        for (i = 1; i <= n; i++) if (s[i] ~ suites) return 1
        return 0
      }
      function found(uri) { print uri; done = 1; exit }
      function stanza_end() {
        if (types ~ /(^| )deb( |$)/ && enabled != "no" && uris != "" && debian(suite_list)) { split(uris, u, /[ \t]+/); found(u[1]) }
        types = uris = suite_list = enabled = ""
      }
      FNR == 1 { stanza_end(); deb822 = FILENAME ~ /\.sources$/ }
      /^[ \t]*#/ { next }
      !deb822 && $1 == "deb" {
        line = $0
        sub(/^deb[ \t]+(\[[^]]*\][ \t]+)?/, "", line)
        split(line, f, /[ \t]+/)
        if (debian(f[2])) found(f[1])
        next
      }
      deb822 && /^[ \t]*$/ { stanza_end(); next }
      deb822 && /^[A-Za-z-]+:/ {
        field = tolower($1); value = $0
        sub(/^[^:]+:[ \t]*/, "", value); sub(/[ \t]+$/, "", value)
        if (field == "types:") types = value
        else if (field == "uris:") uris = value
        else if (field == "suites:") suite_list = value
        else if (field == "enabled:") enabled = tolower(value)
      }
      END { if (!done) stanza_end() }
    ' "${files[@]}" | grep . && return 0
  fi
  echo "no Debian mirror in apt's configuration: read ${files[*]:-nothing} (under $etc/apt)" \
    "and found no enabled 'deb' source of a Debian suite ($debian_suites)" >&2
  return 1
}
