import type { AppError } from './app-error.js';

/** A passing message with an optional action (e.g. "Undo" after a delete). */
export interface Toast {
  readonly id: number;
  readonly text: string;
  readonly actionLabel?: string;
  readonly action?: () => void | Promise<void>;
  /** Runs when the toast goes without its action taken (timed out or dismissed): the offer is over. */
  readonly onExpire?: () => void | Promise<void>;
}

/** How long a toast, and so an "Undo" offer, stays. */
export const TOAST_MS = 8000;

/** Errors and toasts shown above every page. Errors stay until dismissed; toasts go after a few seconds. */
export class Notices {
  errors = $state.raw<readonly (AppError & { readonly id: number })[]>([]);
  toasts = $state.raw<readonly Toast[]>([]);
  #nextId = 1;

  error(error: AppError): void {
    // The same problem with the same file reported twice shows once.
    const rest = this.errors.filter((e) => !(e.code === error.code && e.fileName === error.fileName && e.message === error.message));
    this.errors = [...rest, { ...error, id: this.#nextId++ }];
  }

  dismissError(id: number): void {
    this.errors = this.errors.filter((e) => e.id !== id);
  }

  toast(toast: Omit<Toast, 'id'>): void {
    const id = this.#nextId++;
    this.toasts = [...this.toasts, { ...toast, id }];
    setTimeout(() => this.dismissToast(id), TOAST_MS);
  }

  /** Removes a toast; its offer is over. */
  dismissToast(id: number): void {
    const toast = this.toasts.find((t) => t.id === id);
    if (!toast) return;
    this.toasts = this.toasts.filter((t) => t !== toast);
    void toast.onExpire?.();
  }

  /** Takes a toast's action (e.g. Undo) and removes the toast. */
  async act(id: number): Promise<void> {
    const toast = this.toasts.find((t) => t.id === id);
    if (!toast) return;
    this.toasts = this.toasts.filter((t) => t !== toast);
    await toast.action?.();
  }
}
