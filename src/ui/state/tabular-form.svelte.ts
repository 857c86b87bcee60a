import type { FieldSpec } from '../../engine/model/description.js';
import { entryValue, fieldControl, type FieldControl } from './form-schema.js';

interface Entry {
  text: string;
  isMissing: boolean;
}

/** The input form of a tabular (PMML) model: one entry per input field, prefilled with sensible values. */
export class TabularForm {
  readonly controls: readonly FieldControl[];
  entries = $state<Record<string, Entry>>({});

  constructor(fields: readonly FieldSpec[], private readonly onChange: () => void) {
    this.controls = fields.map(fieldControl);
    this.entries = Object.fromEntries(this.controls.map((c) => [c.field.name, { text: c.initial, isMissing: false }]));
  }

  setText(name: string, text: string): void {
    this.entries[name] = { text, isMissing: false };
    this.onChange();
  }

  setMissing(name: string, isMissing: boolean): void {
    this.entries[name].isMissing = isMissing;
    this.onChange();
  }

  /** Sets several fields at once (e.g. from a share link or a data row), then predicts once. */
  fill(values: Readonly<Record<string, string | null>>): void {
    for (const [name, text] of Object.entries(values)) {
      if (!(name in this.entries)) continue;
      this.entries[name] = text === null ? { text: this.entries[name].text, isMissing: true } : { text, isMissing: false };
    }
    this.onChange();
  }

  /** Sets starting values without asking for a prediction (the first one follows). */
  preset(values: Readonly<Record<string, string>>): void {
    for (const [name, text] of Object.entries(values)) {
      if (name in this.entries) this.entries[name] = { text, isMissing: false };
    }
  }

  reset(): void {
    for (const control of this.controls) this.entries[control.field.name] = { text: control.initial, isMissing: false };
    this.onChange();
  }

  /** The record the engine evaluates: raw values by field name, null for missing. */
  record(): Record<string, string | number | readonly string[] | null> {
    return Object.fromEntries(
      this.controls.map((c) => {
        const entry = this.entries[c.field.name];
        return [c.field.name, entryValue(c, entry.text, entry.isMissing)];
      }),
    );
  }
}
