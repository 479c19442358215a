/** Scrolls the nearest box that scrolls `element` back to its top (the element's own top). */
export function scrollToTop(element: HTMLElement): void {
  for (let box = element.parentElement; box; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box);
    if (overflowY === 'auto' || overflowY === 'scroll') {
      box.scrollTop = 0;
      return;
    }
  }
}
