/*
 * Motion the user can do without. Someone who asked their system for less motion (vestibular
 * disorders, migraine, or simply a projector that makes a glide jarring) gets every pan and zoom
 * of the canvas at once: the same place, no animation. Every animated viewport call goes through
 * `motionMs`; CSS transitions and animations are switched off in base.css.
 */

const REDUCE = '(prefers-reduced-motion: reduce)';

/** Whether the user has asked for less motion (read each time: the setting can change). */
export function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.(REDUCE).matches ?? false;
}

/** How long an animation of `ms` should run: `ms`, or 0 (instant) for less motion. */
export function motionMs(ms: number): number {
  return prefersReducedMotion() ? 0 : ms;
}
