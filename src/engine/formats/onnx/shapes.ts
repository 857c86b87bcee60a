import { InvalidValueError } from '../../errors.js';
import type { TensorSpec } from '../../model/description.js';

/** Values for symbolic dimensions, by name (`batch: 4`). */
export type DimensionValues = Readonly<Record<string, number>>;

/** The symbolic dimension names of the given inputs, each once, in order of appearance (what a form asks for). */
export function symbolicDimensions(specs: readonly TensorSpec[]): string[] {
  const names = new Set<string>();
  for (const spec of specs) {
    for (const dim of spec.shape ?? []) {
      if (typeof dim === 'string') {
        names.add(dim);
      }
    }
  }
  return [...names];
}

/**
 * The concrete shape of an input holding `valueCount` elements. Fixed dimensions are kept, symbolic ones take
 * their value from `dims`, and one dimension left unknown (symbolic without a value, or unnamed) is inferred from
 * the element count. An input whose rank is unknown becomes a vector of `valueCount` elements.
 *
 * @throws InvalidValueError when more than one dimension is unknown or the count does not fit the shape.
 */
export function resolveShape(spec: TensorSpec, valueCount: number, dims: DimensionValues = {}): number[] {
  if (!spec.shape) {
    return [valueCount];
  }
  const resolved = spec.shape.map((dim) => (typeof dim === 'number' ? dim : dim !== undefined ? dims[dim] : undefined));
  const unknown = resolved.flatMap((dim, index) => (dim === undefined ? [index] : []));
  const known = resolved.reduce<number>((product, dim) => product * (dim ?? 1), 1);
  if (unknown.length > 1) {
    const names = unknown.map((index) => describeDim(spec.shape?.[index], index)).join(', ');
    throw new InvalidValueError(`Input '${spec.name}' has ${unknown.length} unknown dimensions (${names}); give values for all but one.`, spec.name);
  }
  if (unknown.length === 1) {
    const inferred = known === 0 ? 0 : valueCount / known;
    if (!Number.isInteger(inferred)) {
      throw new InvalidValueError(
        `Input '${spec.name}' got ${valueCount} values, which do not fill its shape [${formatShape(spec.shape)}] (a multiple of ${known} is needed).`,
        spec.name,
      );
    }
    resolved[unknown[0]] = inferred;
  } else if (known !== valueCount) {
    throw new InvalidValueError(
      `Input '${spec.name}' got ${valueCount} values but its shape [${resolved.join(', ')}] needs ${known}.`,
      spec.name,
    );
  }
  return resolved as number[];
}

/** The shape with every dimension that is not a fixed number set to `fill` (a sample input, a warm-up run). */
export function defaultShape(spec: TensorSpec, fill = 1, dims: DimensionValues = {}): number[] {
  return (spec.shape ?? [fill]).map((dim) => (typeof dim === 'number' ? dim : (dim !== undefined ? dims[dim] : undefined) ?? fill));
}

/** A shape as text, symbolic names and `?` for unknown dimensions included. */
export function formatShape(shape: readonly (number | string | undefined)[]): string {
  return shape.map((dim) => (dim === undefined ? '?' : String(dim))).join(', ');
}

function describeDim(dim: number | string | undefined, index: number): string {
  return typeof dim === 'string' ? `'${dim}'` : `dimension ${index}`;
}
