import React from 'react';

// Taro's components mapped to plain DOM for jsdom tests: onClick stays onClick, onInput gets e.detail.
type Props = React.PropsWithChildren<Record<string, unknown>>;
const pass = (tag: string) =>
  function Mock({ children, className, onClick, ...rest }: Props) {
    const dom: Record<string, unknown> = { className, onClick };
    for (const [k, v] of Object.entries(rest)) if (k.startsWith('data-') || k === 'id') dom[k] = v;
    return React.createElement(tag, dom, children);
  };

export const View = pass('div');
export const Text = pass('span');
export const Button = pass('button');
export function Input({ value, placeholder, onInput, ...rest }: Props) {
  const handler = onInput as ((e: { detail: { value: string } }) => void) | undefined;
  return React.createElement('input', {
    value,
    placeholder,
    'data-testid': rest['data-testid'],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => handler?.({ detail: { value: e.target.value } }),
  });
}
