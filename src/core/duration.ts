import type { Bilingual } from './types.js';

/** Seconds as people say them: "9 min", "1 h 30 min", "9 分钟", "1 小时 30 分钟". */
export function formatDuration(seconds: number): Bilingual {
  const s = Math.round(seconds);
  if (s < 60) return { zh: `${s} 秒`, en: `${s} s` };
  if (s < 3600) {
    const m = Math.round(s / 60);
    return m < 60 ? { zh: `${m} 分钟`, en: `${m} min` } : { zh: '1 小时', en: '1 h' };
  }
  if (s < 86_400) {
    const h = Math.floor(s / 3600);
    const m = Math.round((s - h * 3600) / 60);
    if (m === 0 || m === 60) {
      const hours = m === 60 ? h + 1 : h;
      return { zh: `${hours} 小时`, en: `${hours} h` };
    }
    return { zh: `${h} 小时 ${m} 分钟`, en: `${h} h ${m} min` };
  }
  const d = Math.round((s / 86_400) * 10) / 10;
  return { zh: `${d} 天`, en: `${d} ${d === 1 ? 'day' : 'days'}` };
}

/** Keys below this (see durationKey) cover every duration under an hour. */
export const DURATION_KEYS = 121;

/**
 * A small integer that fixes formatDuration's words for durations under an
 * hour (the seconds below a minute, 60 + the minutes above), so a caller can
 * keep the words it built around them; −1 from an hour on.
 */
export function durationKey(seconds: number): number {
  const s = Math.round(seconds);
  if (!(s >= 0)) return -1;
  if (s < 60) return s;
  return s < 3600 ? 60 + Math.round(s / 60) : -1;
}
