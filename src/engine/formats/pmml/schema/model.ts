import type { Located } from './data-dictionary.js';
import type { MiningSchema, Targets } from './mining-schema.js';
import type { ModelStats } from './model-stats.js';
import type { ModelVerification } from './model-verification.js';
import type { Output } from './output.js';
import type { LocalTransformations } from './transformations.js';

export type MiningFunction = 'regression' | 'classification' | 'clustering' | 'associationRules' | 'sequences' | 'timeSeries' | 'mixed';

/** What every PMML model element has (PMML 4.4 "Common Elements"); concrete models extend it. */
export interface ModelElement extends Located {
  /** The element name, e.g. `TreeModel`. */
  readonly element: string;
  readonly modelName?: string;
  readonly functionName: MiningFunction;
  readonly algorithmName?: string;
  readonly isScorable: boolean;
  /** JPMML vendor attribute `x-mathContext`: `float` computes the model in single precision. */
  readonly mathContext: 'double' | 'float';
  readonly MiningSchema: MiningSchema;
  readonly Output?: Output;
  readonly Targets?: Targets;
  readonly LocalTransformations?: LocalTransformations;
  readonly ModelVerification?: ModelVerification;
  /** Training-data statistics; only the input form's starting values use them. */
  readonly ModelStats?: ModelStats;
}
