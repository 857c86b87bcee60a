import type { DataDictionary, Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';
import type { TransformationDictionary } from './transformations.js';

export interface Header extends Located {
  readonly copyright?: string;
  readonly description?: string;
  readonly modelVersion?: string;
  readonly Application?: { readonly name: string; readonly version?: string };
  readonly Timestamp?: string;
  readonly Annotation: readonly string[];
}

/** The document root. `models` holds the model elements in document order. */
export interface PMML extends Located {
  readonly version: string;
  readonly namespace?: string;
  readonly Header?: Header;
  readonly DataDictionary: DataDictionary;
  readonly TransformationDictionary?: TransformationDictionary;
  readonly models: readonly ModelElement[];
}
