#!/usr/bin/env python3
"""kill -9 in the middle of an intake burst, repeated.

Starts the real rxdesk binary on a fresh data directory, creates a clinic API key, and then
CYCLES times: starts `rxdesk serve`, fires concurrent POST /api/v1/prescriptions over HTTPS
(each with a unique client_reference), and kills the server with SIGKILL at a random moment.
Finally, on a last restart, it resends every request whose answer was lost (and some that
got a 201) as a clinic would, and checks with sqlite3 on the data directory:
  - every reference that got a 201 is stored, exactly once;
  - no reference is stored twice (also after the resends);
  - `rxdesk audit verify` passes.

Usage: kill9_intake.py RXDESK_BINARY [--cycles N] [--seconds S]
Environment: RXDESK_KILL_CYCLES (default 30) and RXDESK_KILL_MAX_SECONDS (default 150)
bound the run.
"""
import argparse
import datetime
import http.client
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import threading
import time

WORKERS = 8


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def submission(reference, today):
    rx = {
        "patient": {"code": "P1", "name_kanji": "試験 太郎", "name_kana": "ｼｹﾝ ﾀﾛｳ", "sex": "male",
                    "birth_date": "1960-06-06", "copay_class": 3},
        "prescriber": {"name_kanji": "工業会 次郎", "department": "内科"},
        "institution": {"code": "1312345678", "code_type": 1, "prefecture": "13",
                        "name": "さくら内科クリニック", "phone": "03-0000-0000"},
        "insurance": {"type": 1, "insurer_number": "06012345", "card_symbol": "０１－２３",
                      "card_number": "１２３４"},
        "issue_date": today,
        "remarks": ["オンライン対応"],
        "prescription_number": reference[-16:],
        "rps": [{"rp_no": 1, "form": "oral", "days": 14,
                 "usage": {"text": "1日3回朝昼夕食後", "times_per_day": 3},
                 "items": [{"code_system": "claims", "code": "612170709", "name": "ノルバスク錠2.5mg",
                            "amount": "1", "unit": "錠"}]}],
    }
    return json.dumps({"client_reference": reference, "prescription": rx}, ensure_ascii=False).encode()


class Run:
    def __init__(self, binary):
        self.binary = os.path.abspath(binary)
        self.work = tempfile.mkdtemp(prefix="rxdesk-kill9-")
        self.port = free_port()
        self.env = dict(os.environ,
                        RXDESK_DATA_DIR=os.path.join(self.work, "var"),
                        RXDESK_HTTPS_PORT=str(self.port),
                        RXDESK_HTTPS_BIND="127.0.0.1",
                        ASAN_OPTIONS="detect_leaks=0")
        self.ctx = ssl.create_default_context()
        self.ctx.check_hostname = False
        self.ctx.verify_mode = ssl.CERT_NONE
        self.proc = None
        self.lock = threading.Lock()
        self.acked = {}      # reference -> id, answered 201 (or 200 replay)
        self.lost = set()    # sent, answer lost (killed mid-request)
        self.counter = 0
        self.errors = []     # answers that are neither 201 nor a lost connection

    def cli(self, *args):
        out = subprocess.run([self.binary, *args], env=self.env, capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"rxdesk {' '.join(args)} failed: {out.stderr}")
        return out.stdout

    def start(self):
        log = open(os.path.join(self.work, "serve.log"), "ab")
        self.proc = subprocess.Popen([self.binary, "serve"], env=self.env, stdout=log, stderr=log)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                c = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.ctx, timeout=2)
                c.request("GET", "/readyz")
                if c.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit("server did not start; see " + os.path.join(self.work, "serve.log"))

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def next_reference(self):
        with self.lock:
            self.counter += 1
            return f"kill9-{self.counter:06d}"

    def post(self, conn, reference, today):
        conn.request("POST", "/api/v1/prescriptions", body=submission(reference, today),
                     headers={"Authorization": "Bearer " + self.key, "Content-Type": "application/json"})
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, body

    def worker(self, stop, today):
        conn = None
        while not stop.is_set():
            reference = self.next_reference()
            with self.lock:
                self.lost.add(reference)
            try:
                if conn is None:
                    conn = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.ctx, timeout=10)
                status, body = self.post(conn, reference, today)
            except (OSError, http.client.HTTPException):
                conn = None
                if stop.is_set():
                    return
                time.sleep(0.02)
                continue
            with self.lock:
                self.lost.discard(reference)
                if status == 201:
                    self.acked[reference] = json.loads(body)["id"]
                else:
                    self.errors.append(f"{reference}: {status} {body[:200]!r}")

    def burst(self, seconds, today):
        stop = threading.Event()
        threads = [threading.Thread(target=self.worker, args=(stop, today)) for _ in range(WORKERS)]
        for t in threads:
            t.start()
        time.sleep(seconds)
        self.kill()          # SIGKILL while requests are in flight
        stop.set()
        for t in threads:
            t.join()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--cycles", type=int, default=int(os.environ.get("RXDESK_KILL_CYCLES", "30")))
    ap.add_argument("--seconds", type=float, default=float(os.environ.get("RXDESK_KILL_MAX_SECONDS", "150")))
    args = ap.parse_args()
    run = Run(args.binary)
    ok = False
    try:
        run.cli("init")
        run.key = json.loads(run.cli("client", "add", "--name", "さくら内科", "--kind", "clinic",
                                     "--institution-code", "1312345678", "--json"))["api_key"]
        today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=9))).date().isoformat()
        started = time.time()
        cycles = 0
        while cycles < args.cycles and time.time() - started < args.seconds:
            run.start()
            run.burst(random.uniform(0.2, 1.5), today)
            cycles += 1

        # Last restart: the clinic resends what it never got an answer for, and some it did.
        run.start()
        conn = http.client.HTTPSConnection("127.0.0.1", run.port, context=run.ctx, timeout=10)
        resend = sorted(run.lost) + random.sample(sorted(run.acked), min(20, len(run.acked)))
        replayed = 0
        for reference in resend:
            status, body = run.post(conn, reference, today)
            if status not in (200, 201):
                raise SystemExit(f"resend of {reference}: {status} {body[:300]!r}")
            if reference in run.acked and json.loads(body)["id"] != run.acked[reference]:
                raise SystemExit(f"resend of {reference} answered another id")
            replayed += status == 200
        run.proc.send_signal(signal.SIGTERM)
        run.proc.wait(timeout=30)

        db = sqlite3.connect(os.path.join(run.work, "var", "rxdesk.db"))
        stored = dict(db.execute("SELECT client_reference, COUNT(*) FROM prescriptions GROUP BY client_reference"))
        ids = dict(db.execute("SELECT client_reference, id FROM prescriptions"))
        missing = [r for r in run.acked if stored.get(r, 0) == 0]
        twice = [r for r, n in stored.items() if n > 1]
        moved = [r for r, i in run.acked.items() if ids.get(r) not in (None, i)]
        not_resent = [r for r in run.lost if stored.get(r, 0) != 1]
        verify = subprocess.run([run.binary, "audit", "verify", "--json"], env=run.env,
                                capture_output=True, text=True)
        audit_ok = verify.returncode == 0 and json.loads(verify.stdout).get("ok") is True
        print(f"kill -9: {cycles} cycles in {time.time() - started:.0f} s; {len(run.acked)} acknowledged (201), "
              f"{len(run.lost)} answers lost to the kill, {len(stored)} stored; resent {len(resend)} "
              f"({replayed} replayed as already stored); missing {len(missing)}, twice {len(twice)}, "
              f"id changed {len(moved)}; audit verify {'ok' if audit_ok else 'FAILED'}")
        if missing or twice or moved or not_resent or not audit_ok or cycles < 5 or not run.acked or run.errors:
            print("FAIL:", {"unexpected answers": run.errors[:10], "missing": missing[:10], "twice": twice[:10], "moved": moved[:10],
                            "not stored after resend": not_resent[:10], "audit": verify.stdout + verify.stderr},
                  file=sys.stderr)
            return 1
        ok = True
        return 0
    finally:
        if run.proc and run.proc.poll() is None:
            run.proc.kill()
        if ok:
            shutil.rmtree(run.work, ignore_errors=True)
        else:
            print("work directory kept: " + run.work, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
