import type { InputRef } from 'antd';
import { useRef } from 'react';

/**
 * The field a window officer types into first, where an ID-card reader or a waybill scanner types
 * too: given the cursor once its dialog has opened, unless the officer is already typing in a
 * field. `autoFocus` alone is not enough: on a busy machine the dialog's own focus handling can
 * leave the cursor on the dialog, and what the reader types is lost. The dialog opens without its
 * zoom, so it is whole when the reader starts typing (keys typed while it zoomed in went astray).
 */
export function useOpeningFocus() {
  const ref = useRef<InputRef>(null);
  const afterOpenChange = (open: boolean) => {
    if (open && !document.activeElement?.matches('input:not([type=radio]):not([type=checkbox]), textarea')) ref.current?.focus();
  };
  return { ref, modal: { afterOpenChange, transitionName: '', maskTransitionName: '' } };
}
