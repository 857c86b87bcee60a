import { describe, expect, it } from 'vitest';
import { InvalidMarkupError, UnsupportedMarkupError } from '../../engine/errors.js';
import { toAppError } from './app-error.js';

describe('toAppError', () => {
  it('keeps the code, element and line of a markup error and names the file', () => {
    const error = toAppError(new InvalidMarkupError("Attribute 'x' of <Node> is not a number (line 7).", 'Node', 7), 'tree.pmml');
    expect(error).toMatchObject({ code: 'markup.invalid', element: 'Node', line: 7, fileName: 'tree.pmml' });
  });

  it('lists each unsupported feature when there are several', () => {
    const error = toAppError(new UnsupportedMarkupError([
      { element: 'A', message: 'Element <A> is not supported.' },
      { element: 'B', message: 'Element <B> is not supported.' },
    ]));
    expect(error.features).toEqual(['Element <A> is not supported.', 'Element <B> is not supported.']);
  });

  it('reports anything else as unexpected, with its message', () => {
    expect(toAppError(new TypeError('boom'))).toEqual({ code: 'app.unexpected', message: 'boom', fileName: undefined });
  });
});
