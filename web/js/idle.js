// Watches for keyboard, mouse and touch input; calls onIdle once after `minutes` without any.
// Checked on an interval against the wall clock, so a terminal that slept also locks on wake.
// Input in any tab of this browser counts (a timestamp in localStorage), so a forgotten
// background tab does not lock the tab someone is working in.

const kEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input', 'focusin'];
const kCheckEveryMs = 5000;
const kShareEveryMs = 5000;
const kSharedKey = 'rxdesk.lastActivity';

function sharedActivity() {
  try {
    return Number(localStorage.getItem(kSharedKey)) || 0;
  } catch {
    return 0;
  }
}

/** Starts watching; returns the function that stops it. */
export function watchIdle(minutes, onIdle) {
  const limitMs = minutes * 60 * 1000;
  let last = 0;
  let shared = 0;
  const touch = () => {
    last = Date.now();
    if (last - shared < kShareEveryMs) return;
    shared = last;
    try {
      localStorage.setItem(kSharedKey, String(last));
    } catch {
      // Storage disabled: this tab's own input still counts.
    }
  };
  touch();
  for (const e of kEvents) document.addEventListener(e, touch, { capture: true, passive: true });
  const timer = setInterval(() => {
    if (Date.now() - Math.max(last, sharedActivity()) >= limitMs) {
      stop();
      onIdle();
    }
  }, Math.min(kCheckEveryMs, limitMs));
  function stop() {
    clearInterval(timer);
    for (const e of kEvents) document.removeEventListener(e, touch, { capture: true });
  }
  return stop;
}

/** The idle lock delay configured in index.html (<meta name="rxdesk-idle-lock-minutes">), default 10. */
export function idleMinutesFromPage() {
  const meta = document.querySelector('meta[name="rxdesk-idle-lock-minutes"]');
  const value = Number(meta && meta.content);
  return Number.isFinite(value) && value > 0 ? value : 10;
}
