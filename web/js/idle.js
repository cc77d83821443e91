// Watches for keyboard, mouse and touch input; calls onIdle once after `minutes` without any.
// Checked on an interval against the wall clock, so a terminal that slept also locks on wake.

const kEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input', 'focusin'];
const kCheckEveryMs = 5000;

/** Starts watching; returns the function that stops it. */
export function watchIdle(minutes, onIdle) {
  const limitMs = minutes * 60 * 1000;
  let last = Date.now();
  const touch = () => {
    last = Date.now();
  };
  for (const e of kEvents) document.addEventListener(e, touch, { capture: true, passive: true });
  const timer = setInterval(() => {
    if (Date.now() - last >= limitMs) {
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
