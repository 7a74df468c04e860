/**
 * In the browser each Taro page is its own scrolling box (.taro_page). A page of plain text (a school
 * profile, a policy) then has nothing a keyboard can focus to scroll it: every page box is made
 * focusable as it appears, the way a document body is. The mini-program scrolls natively.
 */
export function makePagesFocusable(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined' || typeof MutationObserver === 'undefined')
    return;
  const mark = () => {
    document.querySelectorAll('.taro_page:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '0'));
  };
  mark();
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
}
