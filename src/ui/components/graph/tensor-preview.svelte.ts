import type { TensorInfo } from '../../../engine/model/description.js';
import { toAppError } from '../../state/app-error.js';
import type { TensorValues, TensorValuesSource } from '../../state/onnx-tensor-values.js';
import { MAX_TENSOR_VALUES } from '../../workers/tensor-values.js';
import { formatValue } from './node-details.js';

/** How many values each click shows: the description's preview, then two steps up to what one request decodes. */
export const VALUE_PAGES: readonly number[] = [64, 1_024, MAX_TENSOR_VALUES];

/**
 * The values shown for one weight in the node panel. The first page and, with a `source` (the engine worker),
 * every further page are asked for on click; without one only the description's preview is there.
 */
export class TensorPreviewState {
  values = $state.raw<TensorValues | undefined>(undefined);
  isLoading = $state(false);
  error = $state<string | null>(null);
  /** The page size of the values shown (0 before the first click). */
  limit = $state(0);
  /** Fewer values than asked for came back, or as many as the shape holds: there is nothing more to show. */
  readonly isComplete = $derived(this.values !== undefined && (this.values.length < this.limit || this.values.length >= this.count));
  readonly canShowMore = $derived(!this.isComplete && this.values !== undefined && this.#nextLimit() !== undefined);
  readonly text = $derived(this.values?.map((v) => (typeof v === 'bigint' ? String(v) : formatValue(v))).join(', ') ?? '');

  constructor(
    readonly tensor: TensorInfo,
    private readonly source?: TensorValuesSource,
  ) {}

  /** Elements of the dense shape; a sparse tensor stores fewer. */
  get count(): number {
    return this.tensor.shape.reduce((a, b) => a * b, 1);
  }

  /** Shows the first page. */
  show(): Promise<void> {
    return this.#load(VALUE_PAGES[0]);
  }

  /** Shows the next, larger page. */
  async more(): Promise<void> {
    const next = this.#nextLimit();
    if (next !== undefined) await this.#load(next);
  }

  #nextLimit(): number | undefined {
    // The description's preview holds only the first page; more needs the source.
    if (!this.source) return undefined;
    return VALUE_PAGES.find((page) => page > this.limit);
  }

  async #load(limit: number): Promise<void> {
    if (this.isLoading) return;
    this.isLoading = true;
    this.error = null;
    try {
      this.values = this.source ? await this.source.load(this.tensor, limit) : this.tensor.values(limit);
      this.limit = limit;
    } catch (error) {
      this.error = toAppError(error).message;
    } finally {
      this.isLoading = false;
    }
  }
}
