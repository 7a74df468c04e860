/**
 * Taro H5 renders `disabled={false}` / `loading={false}` as `disabled="false"` / `loading="false"`
 * attributes, and its button CSS styles any [disabled] or [loading] button as such (faded text). Pass
 * them only while busy.
 */
export const busyIf = (on: boolean): { disabled?: true; loading?: true } =>
  on ? { disabled: true, loading: true } : {};

/** The same for a button that should only be disabled (no spinner). */
export const disabledIf = (on: boolean): { disabled?: true } => (on ? { disabled: true } : {});
