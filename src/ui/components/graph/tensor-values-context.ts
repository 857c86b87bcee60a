import { getContext, hasContext, setContext } from 'svelte';
import type { TensorValuesSource } from '../../state/onnx-tensor-values.js';

const KEY = Symbol('tensor-values');

/** Lets the tensor previews below ask for more of a weight's values than its description's preview. */
export function setTensorValuesSource(source: TensorValuesSource): void {
  setContext(KEY, source);
}

/**
 * The provided source, or undefined: unlike the app's other contexts this one is optional, because a graph view
 * shown on its own (a test, an embedding) still works with the preview alone.
 */
export function getTensorValuesSource(): TensorValuesSource | undefined {
  return hasContext(KEY) ? getContext<TensorValuesSource>(KEY) : undefined;
}
