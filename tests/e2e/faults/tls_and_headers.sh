#!/usr/bin/env bash
# TLS versions and cipher suites of the real server, checked from outside with
# `openssl s_client`, and the security headers on API, health and UI responses checked with
# curl. Prints one line per check (the table in docs/security.md comes from this output).
#   tls_and_headers.sh RXDESK_BINARY
set -euo pipefail
bin="$(realpath "$1")"
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
failures=0
check() {  # description expected(accepted|refused) actual
  local mark=ok
  [ "$2" = "$3" ] || { mark=FAIL; failures=$((failures + 1)); }
  printf '%-4s %-58s expected %-8s got %s\n' "$mark" "$1" "$2" "$3"
}

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export RXDESK_DATA_DIR="$work/var" RXDESK_HTTPS_PORT="$port" RXDESK_HTTPS_BIND=127.0.0.1 ASAN_OPTIONS=detect_leaks=0
"$bin" init >"$work/init.log" 2>&1
"$bin" serve >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 150); do
  curl -sk "https://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

handshake() {  # openssl s_client options...; prints accepted or refused
  if echo | timeout 10 openssl s_client -connect "127.0.0.1:$port" "$@" >"$work/s_client.log" 2>&1 &&
     grep -qE "^New, TLSv1(\.[0-9])?, Cipher is [A-Z0-9]" "$work/s_client.log"; then
    echo accepted
  else
    echo refused
  fi
}
# OpenSSL 3 refuses TLS 1.0/1.1 and SHA-1 suites itself at the default security level:
# @SECLEVEL=0 lets the client offer them, so a refusal is the server's.
old='DEFAULT:@SECLEVEL=0'
check "TLS 1.0"                                             refused  "$(handshake -tls1 -cipher "$old")"
check "TLS 1.1"                                             refused  "$(handshake -tls1_1 -cipher "$old")"
check "TLS 1.2 AES128-SHA (RSA kx, CBC)"                    refused  "$(handshake -tls1_2 -cipher "AES128-SHA:@SECLEVEL=0")"
check "TLS 1.2 ECDHE-ECDSA-AES128-SHA (CBC, no AEAD)"       refused  "$(handshake -tls1_2 -cipher "ECDHE-ECDSA-AES128-SHA:@SECLEVEL=0")"
check "TLS 1.2 ECDHE-ECDSA-AES256-SHA384 (CBC, no AEAD)"    refused  "$(handshake -tls1_2 -cipher "ECDHE-ECDSA-AES256-SHA384")"
check "TLS 1.2 DHE-RSA-AES128-GCM-SHA256 (no ECDHE)"        refused  "$(handshake -tls1_2 -cipher "DHE-RSA-AES128-GCM-SHA256")"
check "TLS 1.2 AES128-GCM-SHA256 (RSA kx, no PFS)"          refused  "$(handshake -tls1_2 -cipher "AES128-GCM-SHA256")"
check "TLS 1.2 NULL / aNULL / EXPORT / RC4 / 3DES"          refused  "$(handshake -tls1_2 -cipher "NULL:aNULL:EXPORT:RC4:3DES:@SECLEVEL=0")"
check "TLS 1.2 ECDHE-ECDSA-AES128-GCM-SHA256"               accepted "$(handshake -tls1_2 -cipher "ECDHE-ECDSA-AES128-GCM-SHA256")"
check "TLS 1.2 ECDHE-ECDSA-AES256-GCM-SHA384"               accepted "$(handshake -tls1_2 -cipher "ECDHE-ECDSA-AES256-GCM-SHA384")"
check "TLS 1.2 ECDHE-ECDSA-CHACHA20-POLY1305"               accepted "$(handshake -tls1_2 -cipher "ECDHE-ECDSA-CHACHA20-POLY1305")"
check "TLS 1.3 (default suites)"                            accepted "$(handshake -tls1_3)"
check "TLS 1.3 TLS_AES_128_GCM_SHA256"                      accepted "$(handshake -tls1_3 -ciphersuites TLS_AES_128_GCM_SHA256)"
# The server's choice when a client offers everything: an AEAD suite with ECDHE.
echo | timeout 10 openssl s_client -connect "127.0.0.1:$port" -tls1_2 -cipher "ALL:@SECLEVEL=0" >"$work/pref.log" 2>&1 || true
chosen=$(sed -n 's/^New, TLSv1[.0-9]*, Cipher is //p' "$work/pref.log" | head -1)
case "$chosen" in ECDHE-*GCM*|ECDHE-*CHACHA20*) got=ECDHE-AEAD ;; *) got="$chosen" ;; esac
check "TLS 1.2 client offering ALL gets ($chosen)"          ECDHE-AEAD "$got"
if curl -s --max-time 5 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then plain=accepted; else plain=refused; fi
check "plain HTTP on the HTTPS port"                        refused  "$plain"

header_check() {  # path
  curl -sk -D "$work/h" -o /dev/null "https://127.0.0.1:$port$1"
  tr -d '\r' <"$work/h" >"$work/headers"
  for h in "Strict-Transport-Security: max-age=31536000" "X-Content-Type-Options: nosniff" \
           "X-Frame-Options: DENY" "Referrer-Policy: no-referrer" "Content-Security-Policy: default-src 'self'" \
           "Cross-Origin-Opener-Policy: same-origin"; do
    if grep -qi "^$h" "$work/headers"; then got=present; else got=missing; fi
    check "$1  $h" present "$got"
  done
  if grep -qiE "^Server: .*[0-9]+\.[0-9]+" "$work/headers"; then got=present; else got=absent; fi
  check "$1  no version in Server header" absent "$got"
}
header_check /healthz
header_check /api/v1/prescriptions
header_check /api/v1/no-such-route
header_check /
for path in /healthz /api/v1/prescriptions /api/v1/no-such-route; do
  curl -sk -D "$work/h" -o /dev/null "https://127.0.0.1:$port$path"
  if tr -d '\r' <"$work/h" | grep -qi "^Cache-Control: no-store"; then got=present; else got=missing; fi
  check "$path  Cache-Control: no-store" present "$got"
done

[ "$failures" = 0 ] || { echo "FAIL: $failures TLS/header checks" >&2; exit 1; }
echo "tls and headers: ok"
