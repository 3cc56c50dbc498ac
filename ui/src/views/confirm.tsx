import { useEffect, useRef } from "preact/hooks";

/** A modal confirmation using the native dialog element (focus trapped, Escape cancels). */
export function Confirm({ message, confirmLabel, onConfirm, onCancel }: { message: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} class="confirm" onCancel={onCancel} aria-labelledby="confirm-msg">
      <p id="confirm-msg">{message}</p>
      <div class="row">
        <button class="danger" id="confirm-ok" onClick={onConfirm}>{confirmLabel}</button>
        <button onClick={onCancel} autoFocus>Cancel</button>
      </div>
    </dialog>
  );
}
