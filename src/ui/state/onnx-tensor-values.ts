import type { ModelDescription, TensorInfo } from '../../engine/model/description.js';
import type { EngineClient } from '../workers/engine-client.js';
import { locateTensor } from '../workers/tensor-values.js';
import type { AppError } from './app-error.js';

/** Decoded tensor values, as `TensorInfo.values` gives them. */
export type TensorValues = ReturnType<TensorInfo['values']>;

/** Decodes more of a weight's values than the preview its description came with. */
export interface TensorValuesSource {
  /**
   * Up to `limit` values of `tensor`, an object of the open model's description.
   *
   * @throws AppError when the model is closed, the tensor is not the open model's, or its bytes cannot be decoded.
   */
  load(tensor: TensorInfo, limit: number): Promise<TensorValues>;
}

/**
 * The weights of one ONNX model, decoded in the engine worker from the model it keeps under `handle`. The
 * description is the one the page shows: tensors are found in it by identity and named to the worker by where
 * they are.
 */
export class OnnxTensorValues implements TensorValuesSource {
  constructor(
    private readonly engine: Pick<EngineClient, 'tensorValues' | 'close'>,
    private readonly handle: number,
    private readonly description: ModelDescription,
  ) {}

  async load(tensor: TensorInfo, limit: number): Promise<TensorValues> {
    const location = locateTensor(this.description, tensor);
    if (!location) {
      throw { code: 'app.unexpected', message: `Tensor '${tensor.name}' is not part of the open model.` } satisfies AppError;
    }
    return this.engine.tensorValues(this.handle, location, limit);
  }

  /** Lets the worker drop the model (and its bytes). */
  dispose(): void {
    this.engine.close(this.handle);
  }
}
