#!/bin/sh
# Checks that every chart of a cascadesim report.html shows in a real browser (headless Chromium).
#
# Usage: scripts/check-report-in-browser.sh REPORT.html [SCREENSHOT.png]
#
# Loads a copy of the report with a small probe script appended (the report itself has no
# scripts), dumps the DOM after load and fails when a figure has no laid-out chart: an <svg> or
# <img> narrower than 100 px, fewer than 20 drawn elements, or nothing drawn. With a second
# argument it also saves a 1100x2200 screenshot of the top of the report, to look at.
#
# Needs Debian's chromium package (apt-get install chromium) or CHROMIUM=/path/to/chrome.
# The same check runs as a JUnit test: sim-cli ReportInChromiumTest (skipped without a browser).
set -eu

report=${1:?usage: $0 REPORT.html [SCREENSHOT.png]}
screenshot=${2:-}
[ -f "$report" ] || { echo "no such file: $report" >&2; exit 2; }

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$name" >/dev/null 2>&1; then browser=$(command -v "$name"); break; fi
  done
fi
[ -n "$browser" ] || { echo "no chromium found: apt-get install chromium, or set CHROMIUM" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
dir=$(cd "$(dirname "$report")" && pwd)
probe="$dir/.probe-$$.html"
trap 'rm -rf "$work" "$probe"' EXIT INT TERM

# The probe measures every figure after layout and writes one line per figure into the page:
# id, tag, width, height, drawn elements, drawn area (px^2).
cat > "$work/probe.js" <<'JS'
<script>
(function () {
  var lines = [];
  document.querySelectorAll('figure').forEach(function (f) {
    var el = f.querySelector('svg, img');
    if (!el) { lines.push(f.id + ' missing 0 0 0 0'); return; }
    var r = el.getBoundingClientRect(), marks = 0, area = 0;
    if (el.tagName.toLowerCase() === 'svg') {
      marks = el.querySelectorAll('path, text, line, rect, polygon, polyline').length;
      var b = el.getBBox(); area = b.width * b.height;
    } else {
      marks = el.complete ? 100 : 0; area = el.naturalWidth * el.naturalHeight;
    }
    lines.push(f.id + ' ' + el.tagName.toLowerCase() + ' ' + Math.round(r.width) + ' '
        + Math.round(r.height) + ' ' + marks + ' ' + Math.round(area));
  });
  var pre = document.createElement('pre'); pre.id = 'chart-probe';
  pre.textContent = lines.join('\n'); document.body.appendChild(pre);
})();
</script>
JS
# Insert the probe before </body> (the report's last line but two).
awk -v probe="$work/probe.js" '/<\/body>/ { while ((getline line < probe) > 0) print line } { print }' "$report" > "$probe"

flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --disable-dev-shm-usage --user-data-dir=$work/profile"
# shellcheck disable=SC2086
"$browser" $flags --dump-dom "file://$probe" > "$work/dom.html" 2>/dev/null

sed -n '/<pre id="chart-probe">/,/<\/pre>/p' "$work/dom.html" \
  | sed -e 's/.*<pre id="chart-probe">//' -e 's/<\/pre>.*//' | grep -v '^$' > "$work/probe.txt" || true
figures=$(grep -c '<figure ' "$report" || true)
measured=$(wc -l < "$work/probe.txt")
if [ "$measured" -ne "$figures" ] || [ "$figures" -eq 0 ]; then
  echo "FAIL: $figures figures in the report, $measured measured in the browser" >&2
  exit 1
fi
awk '
  { ok = ($2 == "svg" || $2 == "img") && $3 >= 100 && $4 >= 50 && $5 >= 20 && $6 > 0
    printf "%-4s %-50s %s %sx%s px, %s elements\n", ok ? "ok" : "FAIL", $1, $2, $3, $4, $5
    if (!ok) bad++ }
  END { if (bad) { printf "%d chart(s) do not show\n", bad; exit 1 } }' "$work/probe.txt"

if [ -n "$screenshot" ]; then
  # shellcheck disable=SC2086
  "$browser" $flags --window-size=1100,2200 --screenshot="$screenshot" "file://$dir/$(basename "$report")" \
    >/dev/null 2>&1
  echo "screenshot: $screenshot"
fi
echo "all $figures charts show in $("$browser" --version 2>/dev/null | head -n 1)"
