import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './args.js';
import { UsageError } from './cli-error.js';

describe('parseCommandLine', () => {
  it('reads score with its positionals and options', () => {
    expect(parseCommandLine(['score', 'm.pmml', 'in.csv', '--output', 'out.csv', '--all'])).toEqual({
      name: 'score',
      model: 'm.pmml',
      input: 'in.csv',
      output: 'out.csv',
      all: true,
      separator: ',',
      debug: false,
    });
  });

  it('reads a tab separator by name', () => {
    const command = parseCommandLine(['score', 'm.pmml', 'in.tsv', '--separator', 'tab']);
    expect(command).toMatchObject({ separator: '\t' });
  });

  it('reads conformance with a filter and a JSON report', () => {
    expect(parseCommandLine(['conformance', 'cases', '--filter', 'Iris', '--json', 'r.json'])).toEqual({
      name: 'conformance',
      dir: 'cases',
      filter: 'Iris',
      json: 'r.json',
      debug: false,
    });
  });

  it('gives help for no arguments and for --help anywhere', () => {
    expect(parseCommandLine([])).toEqual({ name: 'help' });
    expect(parseCommandLine(['score', '--help'])).toEqual({ name: 'help' });
  });

  it('rejects an unknown command', () => {
    expect(() => parseCommandLine(['predict'])).toThrow(/Unknown command 'predict'/);
  });

  it('rejects an unknown option', () => {
    expect(() => parseCommandLine(['score', 'm.pmml', 'in.csv', '--verbose'])).toThrow(UsageError);
  });

  it('rejects an option without its value', () => {
    expect(() => parseCommandLine(['conformance', 'cases', '--filter'])).toThrow(UsageError);
  });

  it('names the missing positional arguments', () => {
    expect(() => parseCommandLine(['score', 'm.pmml'])).toThrow("'score' takes <model> <input.csv>, but got 'm.pmml'.");
  });

  it('rejects a separator longer than one character', () => {
    expect(() => parseCommandLine(['score', 'm.pmml', 'in.csv', '--separator', ';;'])).toThrow(/one character/);
  });
});
