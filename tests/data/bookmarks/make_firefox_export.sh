#!/usr/bin/env bash
# Makes tests/data/bookmarks/firefox-esr.html from firefox-seed.html: a real bookmark export written by Firefox ESR.
# Firefox (153.8 ESR here) imports the seed into a fresh profile on first start (browser.places.importBookmarksHTML),
# is quit cleanly through Marionette, and on quit writes its own export over the same file
# (browser.bookmarks.autoExportHTML). The result is Firefox's writer's output, not ours.
# Usage: make_firefox_export.sh SEED.html OUT.html   (needs firefox-esr and python3; the dates differ per run)
set -euo pipefail
seed=$1; out=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir "$work/profile"
cp "$seed" "$work/bookmarks.html"
cat > "$work/profile/user.js" <<PREFS
user_pref("browser.places.importBookmarksHTML", true);
user_pref("browser.bookmarks.autoExportHTML", true);
user_pref("browser.bookmarks.file", "$work/bookmarks.html");
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
PREFS
firefox-esr --headless --no-remote --marionette --profile "$work/profile" about:blank >"$work/firefox.log" 2>&1 &
python3 - <<'PY'
# Marionette speaks "LENGTH:JSON"; open a session, let the import settle, then ask for a clean quit.
import json, socket, time
def send(sock, msg):
    data = json.dumps(msg).encode(); sock.sendall(str(len(data)).encode() + b":" + data)
def recv(sock):
    head = b""
    while not head.endswith(b":"): head += sock.recv(1)
    size = int(head[:-1]); body = b""
    while len(body) < size: body += sock.recv(size - len(body))
    return json.loads(body)
for _ in range(60):
    try: sock = socket.create_connection(("127.0.0.1", 2828)); break
    except OSError: time.sleep(1)
recv(sock)
send(sock, [0, 1, "WebDriver:NewSession", {}]); recv(sock)
time.sleep(5)
send(sock, [0, 2, "Marionette:Quit", {"flags": ["eAttemptQuit"]}]); recv(sock)
PY
wait
cp "$work/bookmarks.html" "$out"
